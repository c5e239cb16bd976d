"""Pure PyTorch computations behind Loss Lab's pages (no Streamlit, no plotting, no I/O)."""
