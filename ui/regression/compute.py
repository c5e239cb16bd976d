"""The regression page's data and runs as plain arrays, and the cached computations that produce them.

Every cached function takes plain hashable values (the arrays themselves are passed unhashed, `_X`,
next to a `data_key` that identifies them) and returns plain arrays or DataFrames. The data sets and the
runs are `cache_resource`: one copy shared by every session and rerun, never unpickled again (the
largest allowed run and data set are tens of megabytes: benchmarks/bench_cache_memory.py); nothing on
the page writes to them, and a run's arrays are read-only to keep it so.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st
import torch

from core.regression import (
    StepSizeLimits,
    TrainConfig,
    loss_surface,
    normal_equation,
    standardize,
    step_size_limits,
    steps_per_epoch,
    train,
)
from core.stability import condition_number, gram_eigenvalues
from ui.i18n import t

_PROGRESS_ABOVE_STEPS = 3000  # a run this long takes more than a moment: show a progress bar


@dataclass(frozen=True)
class Data:
    """The data set the page trains on, as plain arrays, and how to rebuild it in the exported script."""

    key: tuple  # identifies the data for the caches
    X: np.ndarray  # (n, d) float64
    y: np.ndarray  # (n,) float64
    features: tuple[str, ...]
    dataset: dict[str, Any]  # for core.regression.to_pytorch_script
    true_w: tuple[float, ...] | None = None
    true_b: float | None = None
    scaling: tuple[np.ndarray, np.ndarray] | None = None  # (mean, scale) when X holds standardised features

    @property
    def n(self) -> int:
        return len(self.y)

    @property
    def d(self) -> int:
        return self.X.shape[1]


@dataclass(frozen=True)
class Run:
    """A training run as plain arrays (what the cache stores)."""

    loss: np.ndarray
    grad_w: np.ndarray
    grad_b: np.ndarray
    w: np.ndarray
    b: np.ndarray
    w0: np.ndarray
    b0: float
    orders: np.ndarray  # (epochs, n) int32
    epoch_loss: np.ndarray
    batch_size: int
    diverged: bool
    diverged_step: int | None

    @property
    def steps(self) -> int:
        return len(self.loss)

    @property
    def steps_per_epoch(self) -> int:
        return steps_per_epoch(self.orders.shape[1], self.batch_size)

    def batch(self, i: int) -> np.ndarray:
        """The sample indices of step i (0-based)."""
        epoch, k = divmod(i, self.steps_per_epoch)
        return self.orders[epoch, k * self.batch_size : (k + 1) * self.batch_size]

    def theta_at(self, k: int) -> np.ndarray:
        """θ = (w, b) after k steps (k = 0: the start), without stacking the whole history (see theta)."""
        if k == 0:
            return np.append(self.w0, self.b0)
        return np.append(self.w[k - 1], self.b[k - 1])

    def theta(self) -> np.ndarray:
        """(steps + 1, d + 1): θ = (w, b) at the start and after each step (a new array of every step,
        so a view that needs one or two points uses theta_at)."""
        start = np.append(self.w0, self.b0)[None, :]
        return np.vstack([start, np.column_stack([self.w, self.b])])


# --- cached computations: plain hashable arguments, plain results -----------------------------------------


# a run keeps steps × (2d + 3) numbers plus the batch orders: few entries, shared by every session
@st.cache_resource(max_entries=8, ttl=3600, show_spinner=False)
def training_run(data_key: tuple, _X: np.ndarray, _y: np.ndarray, config: tuple, device: str) -> Run:
    """Train once per (data, config, device); a rerun that changes nothing re-trains nothing.

    A long run draws its own progress bar here (an element made inside a cached function is replayed
    with the result, so the bar is emptied at the end and a cache hit shows nothing).
    """
    cfg = TrainConfig(**dict(config), device=device)
    total = cfg.epochs * steps_per_epoch(len(_y), cfg.batch_size)

    def text(fraction: float) -> str:
        return t("regression.page.progress", done=f"{round(fraction * total):,}", total=f"{total:,}")

    bar = st.progress(0.0, text=text(0.0)) if total > _PROGRESS_ABOVE_STEPS else None
    shown = [0.0]

    def progress(fraction: float) -> None:
        if bar is not None and fraction - shown[0] >= 0.05:
            shown[0] = fraction
            bar.progress(min(fraction, 1.0), text=text(min(fraction, 1.0)))

    h = train(torch.from_numpy(_X), torch.from_numpy(_y), cfg, progress=progress)
    if bar is not None:
        bar.empty()
    return Run(
        loss=_read_only(h.loss),
        grad_w=_read_only(h.grad_w),
        grad_b=_read_only(h.grad_b),
        w=_read_only(h.w),
        b=_read_only(h.b),
        w0=_read_only(h.w0),
        b0=float(h.b0),
        orders=_read_only(h.orders, np.int32),
        epoch_loss=_read_only(h.epoch_loss),
        batch_size=cfg.batch_size,
        diverged=h.diverged,
        diverged_step=h.diverged_step,
    )


def trained(data: Data, config: TrainConfig, device: str) -> Run:
    """The run of `config` on `data` (see training_run)."""
    return training_run(data.key, data.X, data.y, config_key(config), device)


def _read_only(values: torch.Tensor, dtype: type | None = None) -> np.ndarray:
    """A run's history as an array nothing can write to: the run is shared by every session."""
    array = values.cpu().numpy()
    if dtype is not None:
        array = array.astype(dtype)
    array.flags.writeable = False
    return array


@st.cache_data(max_entries=16, ttl=3600, show_spinner=False)
def optimum(data_key: tuple, _X: np.ndarray, _y: np.ndarray) -> np.ndarray:
    """θ* = (w*, b*) from the normal equation."""
    w, b = normal_equation(torch.from_numpy(_X), torch.from_numpy(_y))
    return np.append(w.numpy(), b.item())


@st.cache_resource(max_entries=4, ttl=3600, show_spinner=False)
def _standardized_arrays(data_key: tuple, _X: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    Z, scaling = standardize(torch.from_numpy(_X))
    return Z.numpy(), scaling.mean.numpy(), scaling.scale.numpy()  # as ui/datasets.py: torch reads them


def standardized(data: Data) -> Data:
    """The same data with each feature column standardised (core.regression.standardize); the exported
    script standardises too."""
    Z, mean, scale = _standardized_arrays(data.key, data.X)
    dataset = {**data.dataset, "standardize": True}
    return replace(data, key=(*data.key, "standardized"), X=Z, dataset=dataset, scaling=(mean, scale))


# the bound depends on the batches, not on lr, the update or the start: changing those reuses it
_LIMITS_FIELDS = ("batch_size", "epochs", "shuffle", "seed", "loss", "batch_order")


@st.cache_data(max_entries=16, ttl=3600, show_spinner=False)
def _limits(data_key: tuple, _X: np.ndarray, batches: tuple, _orders: np.ndarray) -> StepSizeLimits:
    config = TrainConfig(lr=1.0, **dict(batches))
    return step_size_limits(torch.from_numpy(_X), config, orders=torch.from_numpy(_orders.astype(np.int64)))


def step_limits(data: Data, config: TrainConfig, run: Run) -> StepSizeLimits:
    """The full-batch bound and this run's mini-batch bound (core.stability), from the run's own batch orders."""
    batches = tuple((k, getattr(config, k)) for k in _LIMITS_FIELDS)
    total = config.epochs * steps_per_epoch(data.n, config.batch_size)
    if total <= _PROGRESS_ABOVE_STEPS:
        return _limits(data.key, data.X, batches, run.orders)
    with st.spinner(t("regression.page.curvatures", steps=f"{total:,}")):  # one eigenvalue problem per step
        return _limits(data.key, data.X, batches, run.orders)


@st.cache_data(max_entries=16, ttl=3600, show_spinner=False)
def gram_condition(data_key: tuple, _X: np.ndarray, standardized: bool = False) -> float:
    """κ(AᵀA) of the data, or of the same data with standardised features; inf when AᵀA is singular."""
    X = torch.from_numpy(_X)
    return condition_number(gram_eigenvalues(standardize(X)[0] if standardized else X))


@st.cache_data(max_entries=32, ttl=3600, show_spinner=False)
def surface_frame(
    data_key: tuple, _X: np.ndarray, _y: np.ndarray, params: tuple[int, int], center: tuple, box: tuple, loss: str
) -> pd.DataFrame:
    """The loss surface over two parameters as a long DataFrame (a, b, loss) for the heat map."""
    s = loss_surface(
        torch.from_numpy(_X), torch.from_numpy(_y), params=params, center=center,
        a_range=box[:2], b_range=box[2:], resolution=50, loss=loss,
    )  # fmt: skip
    a, b = np.meshgrid(s.a.numpy(), s.b.numpy())
    return pd.DataFrame({"a": a.ravel(), "b": b.ravel(), "loss": s.loss.numpy().ravel()})


def config_key(config: TrainConfig) -> tuple:
    """The config as a hashable tuple of (field, value), without the device (passed separately)."""
    return tuple((k, v) for k, v in asdict(config).items() if k != "device")
