"""The page "Linear regression": one mini-batch SGD run, one `optimizer.step()` at a time."""
