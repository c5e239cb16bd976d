"""The regression page's inputs: the data and training settings (all in the URL) and the cached computations."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st
import torch

from core.errors import InputError
from core.number_lists import parse_number_list
from core.regression import (
    MAX_FEATURES,
    MAX_LR,
    MAX_ROWS,
    MAX_SAMPLE_VISITS,
    MAX_STEPS,
    TrainConfig,
    loss_surface,
    max_stable_lr,
    normal_equation,
    steps_per_epoch,
    synthetic_data,
    toy_dataset,
    train,
)
from core.table import MAX_UPLOAD_BYTES, Table, parse_csv, table_xy
from ui.i18n import t
from ui.state import url_number, url_select, url_text, url_toggle, warn_bad_param, write_param
from ui.text import escape_md, shown

SOURCES = ("toy", "synthetic", "csv")
LOSSES = ("mean", "sum", "sum_over_batch", "half_mean")
OPTIMIZERS = ("torch_sgd", "manual")
_MAX_LIST_CHARS = 400
_PROGRESS_ABOVE_STEPS = 3000  # a run this long takes more than a moment: show a progress bar


class NoUpload(Exception):
    """The CSV source is chosen but no file is uploaded yet: the page shows a hint instead of results."""


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

    def theta(self) -> np.ndarray:
        """(steps + 1, d + 1): θ = (w, b) at the start and after each step."""
        start = np.append(self.w0, self.b0)[None, :]
        return np.vstack([start, np.column_stack([self.w, self.b])])


def _url_number_list(
    key: str, label: str, *, name: str, default: str, container: Any, help: str, **limits: Any
) -> tuple:
    """A text input holding a number list ("1, 2"), kept in the URL; a malformed link falls back with a warning.

    What the user types is parsed by core and, when malformed, shown as an input error by the page.
    """
    if key not in st.session_state and key in st.query_params:
        raw = st.query_params[key]
        try:
            parse_number_list(raw[:_MAX_LIST_CHARS], name=name, **limits)
        except InputError:
            warn_bad_param(key, raw, t("regression.list_allowed"), container)
            st.session_state[key] = default
    text = url_text(key, label, default=default, max_chars=_MAX_LIST_CHARS, container=container, help=help)
    return parse_number_list(text, name=name, **limits)


# --- cached computations: plain hashable arguments, plain results -----------------------------------------


@st.cache_data(max_entries=4, ttl=3600, show_spinner=False)
def _synthetic(w: tuple[float, ...], b: float, n: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    X, y = synthetic_data(list(w), b, n, noise, seed, device="cpu")
    return X.numpy(), y.numpy().ravel()


@st.cache_data(max_entries=4, ttl=3600, show_spinner=False)
def _parsed(digest: str, _data: bytes) -> Table:
    return parse_csv(_data)


# a run of the largest allowed size keeps ~75 MB (100,000 steps × 43 columns, plus the batch orders)
@st.cache_data(max_entries=8, ttl=3600, show_spinner=False)
def training_run(data_key: tuple, _X: np.ndarray, _y: np.ndarray, config: tuple, device: str) -> Run:
    """Train once per (data, config, device); a rerun that changes nothing re-trains nothing.

    A long run draws its own progress bar here (an element made inside a cached function is replayed
    with the result, so the bar is emptied at the end and a cache hit shows nothing).
    """
    cfg = TrainConfig(**dict(config), device=device)
    total = cfg.epochs * steps_per_epoch(len(_y), cfg.batch_size)
    bar = st.progress(0.0, text=t("regression.training")) if total > _PROGRESS_ABOVE_STEPS else None
    shown = [0.0]

    def progress(fraction: float) -> None:
        if bar is not None and fraction - shown[0] >= 0.05:
            shown[0] = fraction
            bar.progress(min(fraction, 1.0), text=t("regression.training"))

    h = train(torch.from_numpy(_X), torch.from_numpy(_y), cfg, progress=progress)
    if bar is not None:
        bar.empty()
    return Run(
        loss=h.loss.cpu().numpy(),
        grad_w=h.grad_w.cpu().numpy(),
        grad_b=h.grad_b.cpu().numpy(),
        w=h.w.cpu().numpy(),
        b=h.b.cpu().numpy(),
        w0=h.w0.cpu().numpy(),
        b0=float(h.b0),
        orders=h.orders.cpu().numpy().astype(np.int32),
        epoch_loss=h.epoch_loss.cpu().numpy(),
        batch_size=cfg.batch_size,
        diverged=h.diverged,
        diverged_step=h.diverged_step,
    )


@st.cache_data(max_entries=16, ttl=3600, show_spinner=False)
def optimum(data_key: tuple, _X: np.ndarray, _y: np.ndarray) -> np.ndarray:
    """θ* = (w*, b*) from the normal equation."""
    w, b = normal_equation(torch.from_numpy(_X), torch.from_numpy(_y))
    return np.append(w.numpy(), b.item())


@st.cache_data(max_entries=16, ttl=3600, show_spinner=False)
def stable_lr(data_key: tuple, _X: np.ndarray, loss: str, batch_size: int) -> float:
    return max_stable_lr(torch.from_numpy(_X), loss=loss, batch_size=batch_size)


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


# --- the settings panel ------------------------------------------------------------------------------------


def data_settings(container: Any) -> Data:
    """Draw the data controls in `container` and return the chosen data (InputError if unusable)."""
    c = container
    source = url_select(
        "data", t("regression.data"), SOURCES, format_func=source_label,
        widget="radio", container=c,
    )  # fmt: skip
    if source == "toy":
        c.caption(t("regression.toy_caption"))
        X, y = toy_dataset(device="cpu")
        return Data(("toy",), X.numpy(), y.numpy().ravel(), ("x1", "x2"), {"kind": "toy"})
    if source == "synthetic":
        true_w = _url_number_list(
            "tw", t("regression.true_w"), name="true w", default="2, -3.4", container=c,
            help=t("regression.true_w_help", limit=MAX_FEATURES), low=-1e6, high=1e6, max_len=MAX_FEATURES,
        )  # fmt: skip
        if not true_w:
            raise InputError("true w needs at least one number", code="list_empty", name="true w")
        left, right = c.columns(2)
        true_b = url_number("tb", t("regression.true_b"), default=4.2, min_value=-1e6, max_value=1e6, container=left)
        n = url_number(
            "n", t("regression.n"), default=1000, min_value=1, max_value=MAX_ROWS, step=100, container=right,
            help=t("regression.limit", limit=f"{MAX_ROWS:,}"),
        )  # fmt: skip
        noise = url_number(
            "noise", t("regression.noise"), default=0.01, min_value=0.0, max_value=100.0, step=0.01, container=left,
            format="%.4g",
        )  # fmt: skip
        seed = url_number(
            "dseed", t("regression.data_seed"), default=0, min_value=0, max_value=2**31 - 1, container=right
        )
        c.caption(t("regression.synthetic_caption", d=len(true_w), n=f"{n:,}", limit=MAX_FEATURES))
        X, y = _synthetic(tuple(true_w), float(true_b), int(n), float(noise), int(seed))
        dataset = {"kind": "synthetic", "w": list(true_w), "b": true_b, "n": n, "noise": noise, "seed": seed}
        names = tuple(f"x{i + 1}" for i in range(len(true_w)))
        return Data(("synthetic", tuple(true_w), true_b, n, noise, seed), X, y, names, dataset, tuple(true_w), true_b)
    return _csv_settings(c)


def _csv_settings(c: Any) -> Data:
    upload = c.file_uploader(
        t("regression.upload", limit=MAX_UPLOAD_BYTES // 2**20), type=["csv", "txt"], max_upload_size=5,
        help=t("regression.upload_help", rows=f"{MAX_ROWS:,}", features=MAX_FEATURES),
    )  # fmt: skip
    if upload is None:
        raise NoUpload
    data = upload.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    table = _parsed(digest, data)
    columns = table.columns
    if len(columns) < 2:
        raise InputError("the table needs at least two columns (features and a target)", code="csv_columns")
    target = url_select("target", t("regression.target"), columns, default=columns[-1], container=c)
    candidates = [col for col in columns if col != target]
    default = candidates[:MAX_FEATURES]
    if "feat" not in st.session_state:  # first draw: the link's choice of features, where it fits this file
        linked = [name for name in st.query_params.get("feat", "").split("|") if name in candidates]
        st.session_state["feat"] = linked[:MAX_FEATURES] or default
    st.session_state["feat"] = [name for name in st.session_state["feat"] if name in candidates]
    features = c.multiselect(
        t("regression.features", limit=MAX_FEATURES), candidates, max_selections=MAX_FEATURES, key="feat",
        help=t("regression.features_help"),
    )  # fmt: skip
    write_param("feat", None if features == default else "|".join(features))
    for issue in table.issues:
        # column names and cells are the uploader's text: shown escaped, never as markdown
        rows = ", ".join(f"{row} {shown(value)}" if value.strip() else f"{row}" for row, value in issue.examples)
        c.warning(
            t(
                "regression.csv_issue",
                column=escape_md(issue.column),
                missing=issue.missing,
                bad=issue.not_numeric,
                rows=rows,
            ),
            icon="⚠️",
        )
    X, y, dropped = table_xy(table, features, target)
    if dropped:
        listed = ", ".join(map(str, dropped[:20])) + (" …" if len(dropped) > 20 else "")
        c.warning(t("regression.csv_dropped", count=len(dropped), rows=listed), icon="⚠️")
    c.caption(t("regression.csv_caption", n=f"{len(y):,}", d=X.shape[1]))
    key = ("csv", digest, tuple(features), target)
    return Data(key, X.numpy(), y.numpy().ravel(), tuple(features), {"kind": "table"})  # values added on export


def source_label(code: str) -> str:
    labels = {
        "toy": t("regression.source_toy"),
        "synthetic": t("regression.source_synthetic"),
        "csv": t("regression.source_csv"),
    }
    return labels[code]


def loss_label(code: str) -> str:
    labels = {
        "mean": t("regression.loss_mean"),
        "sum": t("regression.loss_sum"),
        "sum_over_batch": t("regression.loss_sum_over_batch"),
        "half_mean": t("regression.loss_half_mean"),
    }
    return labels[code]


def optimizer_label(code: str) -> str:
    return {"torch_sgd": t("regression.opt_torch_sgd"), "manual": t("regression.opt_manual")}[code]


def regime_label(code: str) -> str:
    labels = {
        "sgd": t("regression.regime_sgd"),
        "mini": t("regression.regime_mini"),
        "full": t("regression.regime_full"),
    }
    return labels[code]


def regime(batch_size: int, n: int) -> str:
    """The name of the gradient-descent flavour a batch size gives (the DataLoader decides it, seed 004)."""
    if batch_size >= n:
        return "full"
    return "sgd" if batch_size == 1 else "mini"


def training_settings(train_column: Any, model_column: Any, data: Data, defaults: dict[str, Any]) -> TrainConfig:
    """Draw the training controls (the DataLoader's side, then the model's) and return the config.

    Raises InputError when a typed list (w0, batch order) or the combination is invalid.
    """
    c = train_column
    if st.session_state.get("batch", 0) > data.n:  # the data got smaller than the batch: use all of it
        st.session_state["batch"] = data.n
    left, right = c.columns(2)
    lr = url_number(
        "lr", t("regression.lr"), default=defaults["lr"], min_value=1e-6, max_value=MAX_LR, step=0.01,
        format="%.6g", container=left, help=t("regression.lr_help", limit=MAX_LR),
    )  # fmt: skip
    batch = url_number(
        "batch", t("regression.batch"), default=min(defaults["batch"], data.n), min_value=1, max_value=data.n,
        container=right, help=t("regression.batch_help", n=data.n),
    )  # fmt: skip
    epochs = url_number(
        "epochs", t("regression.epochs"), default=defaults["epochs"], min_value=1, max_value=MAX_STEPS,
        container=left, help=t("regression.epochs_help", steps=f"{MAX_STEPS:,}", visits=f"{MAX_SAMPLE_VISITS:,}"),
    )  # fmt: skip
    seed = url_number("seed", t("regression.seed"), default=0, min_value=0, max_value=2**31 - 1, container=right)
    shuffle = url_toggle(
        "shuffle", t("regression.shuffle"), default=True, container=c, help=t("regression.shuffle_help")
    )
    c.markdown(t("regression.regime_now", regime=regime_label(regime(batch, data.n)), batch=batch, n=data.n))
    total = epochs * steps_per_epoch(data.n, batch)
    spe = steps_per_epoch(data.n, batch)
    c.caption(t("regression.steps_caption", spe=spe, total=f"{total:,}", limit=f"{MAX_STEPS:,}"))
    m = model_column
    loss = url_select(
        "loss", t("regression.loss"), LOSSES, default=defaults["loss"], container=m, format_func=loss_label
    )
    optimizer = url_select(
        "opt", t("regression.optimizer"), OPTIMIZERS, widget="radio", container=m, format_func=optimizer_label
    )
    left, right = m.columns([3, 2])
    w0 = _url_number_list(
        "w0", t("regression.w0"), name="w0", default=defaults["w0"], container=left, help=t("regression.w0_help"),
        low=-1e6, high=1e6, max_len=MAX_FEATURES,
    )  # fmt: skip
    b0 = url_number("b0", t("regression.b0"), default=0.0, min_value=-1e6, max_value=1e6, container=right)
    order = ()
    if data.key == ("toy",):
        order = _url_number_list(
            "order", t("regression.order"), name="batch order", default="5, 1, 0", container=m,
            help=t("regression.order_help"), integer=True, low=0, high=MAX_ROWS - 1, max_len=MAX_ROWS,
        )  # fmt: skip
    return TrainConfig(
        lr=lr, batch_size=batch, epochs=epochs, shuffle=shuffle, seed=seed, loss=loss, optimizer=optimizer,
        w0=w0 or None, b0=b0, batch_order=order or None,
    )  # fmt: skip


def config_key(config: TrainConfig) -> tuple:
    """The config as a hashable tuple of (field, value), without the device (passed separately)."""
    return tuple((k, v) for k, v in asdict(config).items() if k != "device")


DEFAULTS = {"lr": 0.5, "batch": 3, "epochs": 3, "loss": "sum_over_batch", "w0": "1, 2"}
