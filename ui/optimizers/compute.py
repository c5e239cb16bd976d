"""The optimizers page's cached computations: the data, one cached run per optimizer, the optimum.

Every cached function takes plain hashable values (arrays go unhashed, `_X`, next to a `data_key` naming
them) and returns plain arrays. Each optimizer's run is cached on its own: changing one optimizer's lr
re-trains that optimizer only. Runs are `cache_resource` (shared, read-only arrays), as on the regression page.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st
import torch

from core.regression import (
    TrainConfig,
    loss_surface,
    normal_equation,
    path_losses,
    steps_per_epoch,
    train,
)
from ui.i18n import t
from ui.numbers import count

PROGRESS_ABOVE_STEPS = 3000  # a run this long takes more than a moment: show a progress bar
WITHIN = 0.01  # "reached the optimum": the full-data loss within 1% of the optimum's


@dataclass(frozen=True)
class Data:
    """The data every optimizer trains on, as plain arrays, and how the exported script rebuilds it."""

    key: tuple  # identifies the data for the caches
    X: np.ndarray  # (n, d) float64, feature 0 already multiplied by `scale`
    y: np.ndarray  # (n,) float64
    dataset: dict[str, Any]  # for core.regression.to_pytorch_script
    scale: float = 1.0  # the factor on feature x₀

    @property
    def n(self) -> int:
        return len(self.y)

    @property
    def d(self) -> int:
        return self.X.shape[1]


@dataclass(frozen=True)
class Run:
    """One optimizer's run: θ = (w, b) before and after each step, the gradient, its state and the losses."""

    theta: np.ndarray  # (S + 1, d + 1): the start, then after each step
    grad: np.ndarray  # (S, d + 1): (w.grad, b.grad) of each step
    state: dict[str, np.ndarray]  # PyTorch's name -> (S, d + 1), after each step
    batch_loss: np.ndarray  # (S,)
    full_loss: np.ndarray  # (S + 1,) the full-data loss at the start and after each step
    epoch_loss: np.ndarray  # (completed epochs,)
    steps_per_epoch: int
    diverged_step: int | None

    @property
    def steps(self) -> int:
        return len(self.batch_loss)

    def reached(self, optimum_loss: float) -> int | None:
        """The first step after which the full-data loss is within 1% of the optimum's (0: the start), or None."""
        hits = np.flatnonzero(self.full_loss <= optimum_loss * (1 + WITHIN) + 1e-12)
        return int(hits[0]) if len(hits) else None


@st.cache_data(max_entries=16, ttl=3600, show_spinner=False)
def optimum(data_key: tuple, _X: np.ndarray, _y: np.ndarray) -> tuple[np.ndarray, float]:
    """θ* from the normal equation and the full-data MSE there."""
    w, b = normal_equation(torch.from_numpy(_X), torch.from_numpy(_y))
    theta = np.append(w.numpy(), b.item())
    return theta, float(path_losses(torch.from_numpy(_X), torch.from_numpy(_y), torch.from_numpy(theta[None]))[0])


# the largest allowed run keeps ~84 MB (100,000 steps × 5 columns of 21 values); six of them fit in the 12
@st.cache_resource(max_entries=12, ttl=3600, show_spinner=False)
def optimizer_run(data_key: tuple, _X: np.ndarray, _y: np.ndarray, config: tuple, device: str, _label: str) -> Run:
    """Train one optimizer once per (data, config, device), with a progress bar on a long run (drawn inside
    the cached function, so a cache hit replays nothing but the emptied bar). `_label`, the optimizer's name in
    the bar, is not part of the key: another language trains nothing anew."""
    cfg = TrainConfig(**dict(config), device=device)
    total = cfg.epochs * steps_per_epoch(len(_y), cfg.batch_size)
    text = t("optimizers.training", name=_label, total=count(total))
    bar = st.progress(0.0, text=text) if total > PROGRESS_ABOVE_STEPS else None
    shown = [0.0]

    def progress(fraction: float) -> None:
        if bar is not None and fraction - shown[0] >= 0.05:
            shown[0] = fraction
            bar.progress(min(fraction, 1.0), text=text)

    X, y = torch.from_numpy(_X), torch.from_numpy(_y)
    h = train(X, y, cfg, progress=progress)
    if bar is not None:
        bar.empty()
    theta = torch.cat([torch.cat([h.w0, h.b0.reshape(1)])[None], torch.column_stack([h.w, h.b])]).cpu()
    return Run(
        theta=_read_only(theta),
        grad=_read_only(torch.column_stack([h.grad_w, h.grad_b])),
        state={name: _read_only(values) for name, values in h.state.items()},
        batch_loss=_read_only(h.loss),
        full_loss=_read_only(path_losses(X, y, theta)),
        epoch_loss=_read_only(h.epoch_loss),
        steps_per_epoch=h.steps_per_epoch,
        diverged_step=h.diverged_step,
    )


def _read_only(values: torch.Tensor) -> np.ndarray:
    """A run's history as an array nothing can write to: the run is shared by every session."""
    array = values.detach().cpu().numpy()
    array.flags.writeable = False
    return array


@st.cache_data(max_entries=32, ttl=3600, show_spinner=False)
def surface_frame(
    data_key: tuple, _X: np.ndarray, _y: np.ndarray, params: tuple[int, int], center: tuple, box: tuple
) -> pd.DataFrame:
    """The full-data MSE over two parameters (the others held at `center`) as a long frame a, b, loss."""
    s = loss_surface(
        torch.from_numpy(_X),
        torch.from_numpy(_y),
        params=params,
        center=center,
        a_range=box[:2],
        b_range=box[2:],
        resolution=50,
    )
    a, b = np.meshgrid(s.a.numpy(), s.b.numpy())
    return pd.DataFrame({"a": a.ravel(), "b": b.ravel(), "loss": s.loss.numpy().ravel()})


def config_key(config: TrainConfig) -> tuple:
    """The config as a hashable tuple of (field, value), without the device (passed separately)."""
    return tuple((k, v) for k, v in asdict(config).items() if k != "device")
