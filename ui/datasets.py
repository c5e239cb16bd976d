"""The regression data both the regression and the optimizers pages train on, loaded once per process:
d2l's synthetic data and the user's CSV, as plain arrays (cached per argument, so every session shares them)."""

from __future__ import annotations

import numpy as np
import streamlit as st

from core.regression import synthetic_data
from core.table import Table, parse_csv


@st.cache_resource(max_entries=4, ttl=3600, show_spinner=False)
def synthetic_arrays(w: tuple[float, ...], b: float, n: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """d2l's y = Xw + b + noise as float arrays (X n×d, y of n values)."""
    X, y = synthetic_data(list(w), b, n, noise, seed, device="cpu")
    return X.numpy(), y.numpy().ravel()


@st.cache_resource(max_entries=4, ttl=3600, show_spinner=False)
def parsed_table(digest: str, _data: bytes) -> Table:
    """An uploaded CSV, parsed once per content (`digest` is its hash: Streamlit does not hash `_data`)."""
    return parse_csv(_data)
