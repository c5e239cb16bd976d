"""The classification page's data and runs as plain arrays, and the cached computations that produce them.

Cached functions take plain hashable values (arrays travel unhashed as `_X` next to a key that names them).
Runs are `cache_resource`: one read-only copy shared by every session and rerun.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st
import torch

from core.classification import ClassifierConfig, as_labels, blobs, train_classifier
from core.config import steps_per_epoch
from core.errors import InputError
from core.logit_gradients import SampleGradients, confidence_sweep, sample_gradients
from core.optimizers import state_names
from core.table import Table, parse_csv, table_xy
from ui.i18n import t
from ui.numbers import count

PROGRESS_ABOVE_STEPS = 3000  # a run this long takes more than a moment: show a progress bar
GRID = 50  # the decision-region grid is GRID × GRID cells


@dataclass(frozen=True)
class Data:
    """The points the page classifies, and how the exported script rebuilds them."""

    key: tuple
    X: np.ndarray  # (n, 2) float32
    y: np.ndarray  # (n,) int64
    features: tuple[str, str]
    dataset: dict[str, Any]
    dropped: tuple[int, ...] = ()  # CSV rows left out (1-based)

    @property
    def n(self) -> int:
        return len(self.y)

    @property
    def classes(self) -> int:
        return int(self.y.max()) + 1


@dataclass(frozen=True)
class Run:
    """A training run as read-only arrays (what the cache keeps)."""

    loss: np.ndarray  # (S,)
    grad_W: np.ndarray  # (S, K, 2)
    grad_b: np.ndarray  # (S, K)
    W: np.ndarray  # (S, K, 2)
    b: np.ndarray  # (S, K)
    orders: np.ndarray  # (epochs, n)
    epoch_loss: np.ndarray
    epoch_accuracy: np.ndarray
    batch_size: int
    diverged: bool
    diverged_step: int | None
    classes: int
    state_names: tuple[str, ...] = field(default=())

    @property
    def steps(self) -> int:
        return len(self.loss)

    @property
    def steps_per_epoch(self) -> int:
        return steps_per_epoch(self.orders.shape[1], self.batch_size)

    def parameters(self, step: int) -> tuple[np.ndarray, np.ndarray]:
        """W and b after `step` steps (0: the zeros training starts from)."""
        if step == 0:
            return np.zeros(self.W.shape[1:], self.W.dtype), np.zeros(self.b.shape[1:], self.b.dtype)
        return self.W[step - 1], self.b[step - 1]

    def batch(self, step: int) -> np.ndarray:
        """The sample indices of step `step` (1-based: the step that led to W, b after `step` steps)."""
        epoch, k = divmod(step - 1, self.steps_per_epoch)
        return self.orders[epoch, k * self.batch_size : (k + 1) * self.batch_size]


def _read_only(values: torch.Tensor) -> np.ndarray:
    array = values.detach().cpu().numpy()
    array.flags.writeable = False
    return array


@st.cache_resource(max_entries=8, ttl=3600, show_spinner=False)
def _blob_arrays(classes: int, per_class: int, spread: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    X, y = blobs(classes * per_class, classes, spread, seed)
    return _read_only(X), _read_only(y)


def blob_data(classes: int, per_class: int, spread: float, seed: int) -> Data:
    X, y = _blob_arrays(classes, per_class, spread, seed)
    dataset = {"kind": "blobs", "n": classes * per_class, "classes": classes, "spread": spread, "seed": seed}
    return Data(("blobs", classes, per_class, spread, seed), X, y, ("x₀", "x₁"), dataset)


@st.cache_resource(max_entries=4, ttl=3600, show_spinner=False)
def parsed_table(digest: str, _raw: bytes) -> Table:
    """The upload parsed once per content (`digest`)."""
    return parse_csv(_raw)


def table_data(digest: str, raw: bytes, features: tuple[str, str], label: str) -> Data:
    """The points of two feature columns and a label column of the upload (float32 features, int64 labels)."""
    if label in features or features[0] == features[1]:
        raise InputError("choose two different feature columns and a third one for the label", code="csv_xyl")
    X, y, dropped = table_xy(parsed_table(digest, raw), features, label)
    labels = as_labels(y.reshape(-1))
    X32 = X.to(torch.float32)
    dataset = {"kind": "table", "X": X32.tolist(), "y": labels.tolist()}
    return Data(
        ("csv", digest, features, label), _read_only(X32), _read_only(labels), features, dataset, tuple(dropped)
    )


@st.cache_resource(max_entries=8, ttl=3600, show_spinner=False)
def training_run(data_key: tuple, _X: np.ndarray, _y: np.ndarray, config: tuple, device: str) -> Run:
    """Train once per (data, config, device); a long run draws a progress bar (emptied at the end)."""
    cfg = ClassifierConfig(**dict(config), device=device)
    total = cfg.epochs * steps_per_epoch(len(_y), cfg.batch_size) if cfg.batch_size <= len(_y) else 0

    def text(fraction: float) -> str:
        return t("classification.page.training", done=count(round(fraction * total)), total=count(total))

    bar = st.progress(0.0, text=text(0.0)) if total > PROGRESS_ABOVE_STEPS else None
    shown = [0.0]

    def progress(fraction: float) -> None:
        if bar is not None and fraction - shown[0] >= 0.05:
            shown[0] = fraction
            bar.progress(min(fraction, 1.0), text=text(min(fraction, 1.0)))

    h = train_classifier(torch.tensor(_X), torch.tensor(_y), cfg, progress=progress)  # copies: _X is read-only
    if bar is not None:
        bar.empty()
    return Run(
        loss=_read_only(h.loss),
        grad_W=_read_only(h.grad_W),
        grad_b=_read_only(h.grad_b),
        W=_read_only(h.W),
        b=_read_only(h.b),
        orders=_read_only(h.orders),
        epoch_loss=_read_only(h.epoch_loss),
        epoch_accuracy=_read_only(h.epoch_accuracy),
        batch_size=cfg.batch_size,
        diverged=h.diverged,
        diverged_step=h.diverged_step,
        classes=h.classes,
        state_names=state_names(cfg.train_config),
    )


_CONFIG_FIELDS = (
    "lr", "batch_size", "epochs", "shuffle", "seed", "reduction", "label_smoothing", "optimizer", "momentum", "betas",
    "eps", "alpha", "weight_decay",
)  # fmt: skip


def config_key(config: ClassifierConfig) -> tuple:
    """The config as a hashable tuple of (field, value), without the device (the cache gets it separately)."""
    return tuple((name, getattr(config, name)) for name in _CONFIG_FIELDS)


def run_for(data: Data, config: ClassifierConfig, device: str) -> Run:
    """The cached run of `config` on `data`."""
    return training_run(data.key, data.X, data.y, config_key(config), device)


# --- what the tabs draw ----------------------------------------------------------------------------------


def grid_bounds(X: np.ndarray) -> tuple[float, float, float, float]:
    """The plotted box: the data's range with a margin of a tenth of it (at least 1) on each side."""
    low, high = X.min(axis=0).astype(float), X.max(axis=0).astype(float)
    margin = np.maximum((high - low) / 10, 1.0)
    return low[0] - margin[0], high[0] + margin[0], low[1] - margin[1], high[1] + margin[1]


def region_frame(W: np.ndarray, b: np.ndarray, bounds: tuple[float, float, float, float]) -> pd.DataFrame:
    """GRID × GRID cells (x, x2, y, y2) with the class the model predicts at each cell's centre (argmax of Wx + b;
    a tie goes to the lower class, as `argmax` does)."""
    x_edges = np.linspace(bounds[0], bounds[1], GRID + 1)
    y_edges = np.linspace(bounds[2], bounds[3], GRID + 1)
    cx, cy = np.meshgrid((x_edges[:-1] + x_edges[1:]) / 2, (y_edges[:-1] + y_edges[1:]) / 2)
    centres = np.column_stack([cx.ravel(), cy.ravel()])
    predicted = np.argmax(centres @ W.T.astype(float) + b.astype(float), axis=1)
    ix, iy = np.meshgrid(np.arange(GRID), np.arange(GRID))
    return pd.DataFrame(
        {
            "x": x_edges[ix.ravel()],
            "x2": x_edges[ix.ravel() + 1],
            "y": y_edges[iy.ravel()],
            "y2": y_edges[iy.ravel() + 1],
            "predicted": predicted.astype(int),
        }
    )


def point_frame(X: np.ndarray, y: np.ndarray, W: np.ndarray, b: np.ndarray) -> pd.DataFrame:
    """One row per point: its coordinates, label, predicted class and whether that is wrong."""
    predicted = np.argmax(X.astype(float) @ W.T.astype(float) + b.astype(float), axis=1)
    return pd.DataFrame(
        {
            "index": np.arange(len(y)),
            "x": X[:, 0],
            "y": X[:, 1],
            "label": y,
            "predicted": predicted,
            "wrong": predicted != y,
        }
    )


def sample_numbers(data: Data, config: ClassifierConfig, run: Run, step: int, i: int) -> SampleGradients:
    """Sample i's chain rule under the parameters after `step` steps, as a share of a batch of B."""
    W, b = run.parameters(step)
    return sample_gradients(
        torch.from_numpy(np.array(W)), torch.from_numpy(np.array(b)), torch.from_numpy(np.array(data.X[i])),
        int(data.y[i]), reduction=config.reduction, label_smoothing=config.label_smoothing,
        batch_size=min(config.batch_size, data.n),
    )  # fmt: skip


@st.cache_data(max_entries=16, ttl=3600, show_spinner=False)
def sweep_frame(classes: int) -> pd.DataFrame:
    """‖∂loss/∂z‖ of cross-entropy and of MSE on one-hot targets as the model grows sure of a wrong class."""
    s = confidence_sweep(classes, 0, 1, torch.linspace(0, 8, 33))
    return pd.DataFrame({k: v.numpy() for k, v in s.items()})
