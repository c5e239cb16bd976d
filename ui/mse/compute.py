"""The MSE page's cached computation (kept out of the page script, which runs anew on every rerun and
would define a cached function anew each time, so Streamlit would re-read its source to key the cache)."""

from __future__ import annotations

import streamlit as st

from core.mse import REDUCTIONS, backward_demo, l2_norm, mse, mse_numpy, spectral_norm, squared_l2_norm

Matrix = tuple[tuple[float, ...], ...]


# cache_resource: the reports are only read, so a rerun need not unpickle their tensors afresh
@st.cache_resource(max_entries=64, ttl=3600, show_spinner=False)
def analyse(x: Matrix, y: Matrix, device: str) -> dict:
    """Everything the page shows for one (X, Y): each reduction, the backward demos, NumPy, norms."""
    reports = {r: mse(x, y, reduction=r, device=device) for r in REDUCTIONS}
    return {
        "reports": reports,
        "demos": {r: backward_demo(x, y, reduction=r, device=device) for r in ("mean", "sum")},
        "numpy_all": float(mse_numpy(y, x)),
        "numpy_cols": mse_numpy(y, x, axis=0).tolist(),
        "torch_cols": reports["none"].loss.mean(dim=0).tolist(),
        "squared_norm": squared_l2_norm(x, y).item(),
        "norm": l2_norm(x, y).item(),
        "spectral_norm": spectral_norm(x, y).item(),
    }
