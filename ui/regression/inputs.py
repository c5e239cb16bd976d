"""The regression page's settings panel: the data and the training controls, every one kept in the URL.

The data sources (example, synthetic, CSV) are drawn by `data_settings` and `feature_scaling` alone, apart
from the training controls: another page can draw them the same way.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import streamlit as st

from core.config import OPTIMIZERS as CORE_OPTIMIZERS
from core.errors import InputError
from core.losses import LOSSES
from core.number_lists import parse_number_list
from core.regression import (
    MAX_FEATURES,
    MAX_LR,
    MAX_ROWS,
    MAX_SAMPLE_VISITS,
    MAX_STEPS,
    TrainConfig,
    steps_per_epoch,
    toy_dataset,
)
from core.table import MAX_UPLOAD_BYTES, table_xy
from ui.datasets import parsed_table, synthetic_arrays
from ui.i18n import t
from ui.numbers import count
from ui.regression.compute import Data, standardized
from ui.regression.notation import amount, feature_names
from ui.regression.stability import SMALLEST_LR, scaling_caption
from ui.state import url_number, url_select, url_text, url_toggle, warn_bad_param, write_param
from ui.text import escape_md, shown

SOURCES = ("toy", "synthetic", "csv")
DEFAULTS = {"lr": 0.5, "batch": 3, "epochs": 3, "loss": "sum_over_batch", "w0": "1, 2"}
# the updates this page explains step by step; core.config.OPTIMIZERS also lists ones it does not (momentum,
# Adam, … belong to the Optimizers page), so the page picks its own, in core's order
PAGE_OPTIMIZERS = ("torch_sgd", "manual")
OPTIMIZERS = tuple(name for name in CORE_OPTIMIZERS if name in PAGE_OPTIMIZERS)
_MAX_LIST_CHARS = 400
NUMBER_FORMAT = "%.6g"  # a number input shows what was typed (Streamlit's own "%.2f" shows 0.001 as 0.00)


@dataclass(frozen=True)
class Settings:
    """What the settings panel says: the data to train on and the run's configuration."""

    data: Data
    config: TrainConfig


def read_settings() -> Settings:
    """Draw the settings panel (the data, the DataLoader's side, the model's side) and return what it says.

    Raises InputError when an input is unusable; stops the page with a hint while a CSV is not yet uploaded.
    """
    data_column, train_column, model_column = st.columns(3, gap="medium")
    data = feature_scaling(data_column, data_settings(data_column))
    return Settings(data, training_settings(train_column, model_column, data, DEFAULTS))


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
            warn_bad_param(key, raw, t("regression.page.list_allowed"), container)
            st.session_state[key] = default
    text = url_text(key, label, default=default, max_chars=_MAX_LIST_CHARS, container=container, help=help)
    return parse_number_list(text, name=name, **limits)


# --- the settings panel ------------------------------------------------------------------------------------


def data_settings(container: Any) -> Data:
    """Draw the data controls in `container` and return the chosen data (InputError if unusable)."""
    c = container
    source = url_select(
        "data", t("regression.data.label"), SOURCES, format_func=source_label,
        widget="radio", container=c,
    )  # fmt: skip
    if source == "toy":
        c.caption(t("regression.data.toy_caption"))
        X, y = toy_dataset(device="cpu")
        return Data(("toy",), X.numpy(), y.numpy().ravel(), feature_names(2), {"kind": "toy"})
    if source == "synthetic":
        true_w = _url_number_list(
            "tw", t("regression.data.true_w"), name="true w", default="2, -3.4", container=c,
            help=t("regression.data.true_w_help", limit=MAX_FEATURES), low=-1e6, high=1e6, max_len=MAX_FEATURES,
        )  # fmt: skip
        if not true_w:
            raise InputError("true w needs at least one number", code="list_empty", name="true w")
        left, right = c.columns(2)
        true_b = url_number(
            "tb", t("regression.data.true_b"), default=4.2, min_value=-1e6, max_value=1e6, container=left,
            format=NUMBER_FORMAT,
        )  # fmt: skip
        n = url_number(
            "n", t("regression.data.n"), default=1000, min_value=1, max_value=MAX_ROWS, step=100, container=right,
            help=t("regression.data.limit", limit=count(MAX_ROWS)),
        )  # fmt: skip
        noise = url_number(
            "noise", t("regression.data.noise"), default=0.01, min_value=0.0, max_value=100.0, step=0.01,
            container=left, format=NUMBER_FORMAT,
        )  # fmt: skip
        seed = url_number(
            "dseed", t("regression.data.seed"), default=0, min_value=0, max_value=2**31 - 1, container=right
        )
        c.caption(
            t("regression.data.synthetic_caption", d=len(true_w), samples=amount(n, "sample"), limit=MAX_FEATURES)
        )
        X, y = synthetic_arrays(tuple(true_w), float(true_b), int(n), float(noise), int(seed))
        dataset = {"kind": "synthetic", "w": list(true_w), "b": true_b, "n": n, "noise": noise, "seed": seed}
        names = feature_names(len(true_w))
        return Data(("synthetic", tuple(true_w), true_b, n, noise, seed), X, y, names, dataset, tuple(true_w), true_b)
    return _csv_settings(c)


def _csv_settings(c: Any) -> Data:
    upload = c.file_uploader(
        t("regression.data.upload", limit=MAX_UPLOAD_BYTES // 2**20), type=["csv", "txt"], max_upload_size=5,
        help=t("regression.data.upload_help", rows=count(MAX_ROWS), features=MAX_FEATURES),
    )  # fmt: skip
    if upload is None:
        st.info(t("regression.data.upload_first"))  # below the panel's columns, across the page
        st.stop()
    data = upload.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    table = parsed_table(digest, data)
    columns = table.columns
    if len(columns) < 2:
        raise InputError("the table needs at least two columns (features and a target)", code="csv_columns")
    target = url_select("target", t("regression.data.target"), columns, default=columns[-1], container=c)
    candidates = [col for col in columns if col != target]
    default = candidates[:MAX_FEATURES]
    if "feat" not in st.session_state:  # first draw: the link's choice of features, where it fits this file
        linked = [name for name in st.query_params.get("feat", "").split("|") if name in candidates]
        st.session_state["feat"] = linked[:MAX_FEATURES] or default
    st.session_state["feat"] = [name for name in st.session_state["feat"] if name in candidates]
    features = c.multiselect(
        t("regression.data.features", limit=MAX_FEATURES), candidates, max_selections=MAX_FEATURES, key="feat",
        help=t("regression.data.features_help"),
    )  # fmt: skip
    write_param("feat", None if features == default else "|".join(features))
    for issue in table.issues:
        # column names and cells are the uploader's text: shown escaped, never as markdown
        rows = ", ".join(f"{row} {shown(value)}" if value.strip() else f"{row}" for row, value in issue.examples)
        c.warning(
            t(
                "regression.data.csv_issue",
                column=escape_md(issue.column),
                missing=issue.missing,
                bad=issue.not_numeric,
                rows=rows,
            ),
            icon=":material/warning:",
        )
    X, y, dropped = table_xy(table, features, target)
    if dropped:
        listed = ", ".join(map(str, dropped[:20])) + (" …" if len(dropped) > 20 else "")
        c.warning(t("regression.data.csv_dropped", count=len(dropped), rows=listed), icon=":material/warning:")
    c.caption(t("regression.data.csv_caption", rows=amount(len(y), "row"), features=amount(X.shape[1], "feature")))
    key = ("csv", digest, tuple(features), target)
    return Data(key, X.numpy(), y.numpy().ravel(), tuple(features), {"kind": "table"})  # values added on export


def feature_scaling(container: Any, data: Data) -> Data:
    """The standardisation toggle under the data (URL `std`): the data with standardised features when on."""
    if not url_toggle(
        "std", t("regression.data.std"), default=False, container=container, help=t("regression.data.std_help")
    ):
        return data
    data = standardized(data)
    scaling_caption(container, data)
    return data


def source_label(code: str) -> str:
    labels = {
        "toy": t("regression.data.source_toy"),
        "synthetic": t("regression.data.source_synthetic"),
        "csv": t("regression.data.source_csv"),
    }
    return labels[code]


def loss_label(code: str) -> str:
    labels = {
        "mean": t("regression.model.loss_mean"),
        "sum": t("regression.model.loss_sum"),
        "sum_over_batch": t("regression.model.loss_sum_over_batch"),
        "half_mean": t("regression.model.loss_half_mean"),
    }
    return labels[code]


def optimizer_label(code: str) -> str:
    return {"torch_sgd": t("regression.model.opt_torch_sgd"), "manual": t("regression.model.opt_manual")}[code]


def regime_label(code: str) -> str:
    return t(f"regression.regime.{code}")


def regime(batch_size: int, n: int, shuffle: bool) -> str:
    """The gradient-descent flavour the DataLoader's batch size and shuffling give (seed 004): a fixed order
    makes batch 1 incremental (cyclic) GD, not stochastic."""
    if batch_size >= n:
        return "full"
    if batch_size == 1:
        return "sgd" if shuffle else "cyclic"
    return "mini" if shuffle else "mini_cyclic"


def training_settings(train_column: Any, model_column: Any, data: Data, defaults: dict[str, Any]) -> TrainConfig:
    """Draw the training controls (the DataLoader's side, then the model's) and return the config.

    Raises InputError when a typed list (w0, batch order) or the combination is invalid.
    """
    c = train_column
    if st.session_state.get("batch", 0) > data.n:  # the data got smaller than the batch: use all of it
        st.session_state["batch"] = data.n
    left, right = c.columns(2)
    lr = url_number(
        "lr", t("regression.train.lr"), default=defaults["lr"], min_value=SMALLEST_LR, max_value=MAX_LR, step=0.01,
        format=NUMBER_FORMAT, container=left, help=t("regression.train.lr_help", limit=MAX_LR),
    )  # fmt: skip
    batch = url_number(
        "batch", t("regression.train.batch"), default=min(defaults["batch"], data.n), min_value=1, max_value=data.n,
        container=right, help=t("regression.train.batch_help", n=count(data.n)),
    )  # fmt: skip
    epochs = url_number(
        "epochs", t("regression.train.epochs"), default=defaults["epochs"], min_value=1, max_value=MAX_STEPS,
        container=left, help=t("regression.train.epochs_help", steps=count(MAX_STEPS), visits=count(MAX_SAMPLE_VISITS)),
    )  # fmt: skip
    seed = url_number("seed", t("regression.train.seed"), default=0, min_value=0, max_value=2**31 - 1, container=right)
    shuffle = url_toggle(
        "shuffle", t("regression.train.shuffle"), default=True, container=c, help=t("regression.train.shuffle_help")
    )
    name = regime_label(regime(batch, data.n, shuffle))
    c.markdown(t("regression.train.regime_now", regime=name, batch=count(batch), n=count(data.n)))
    spe = steps_per_epoch(data.n, batch)
    c.caption(
        t(
            "regression.train.steps_caption",
            spe=amount(spe, "step"),
            total=amount(epochs * spe, "step"),
            limit=count(MAX_STEPS),
        )
    )
    m = model_column
    # a radio, not a select box: the conventions' labels are long, and a select box cuts its value off
    loss = url_select(
        "loss", t("regression.model.loss"), LOSSES, default=defaults["loss"], container=m, format_func=loss_label,
        widget="radio",
    )  # fmt: skip
    optimizer = url_select(
        "opt", t("regression.model.optimizer"), OPTIMIZERS, widget="radio", container=m, format_func=optimizer_label,
        help=t("regression.model.optimizer_help"),
    )  # fmt: skip
    left, right = m.columns([3, 2])
    w0 = _url_number_list(
        "w0", t("regression.model.w0"), name="w0", default=defaults["w0"], container=left,
        help=t("regression.model.w0_help"), low=-1e6, high=1e6, max_len=MAX_FEATURES,
    )  # fmt: skip
    b0 = url_number(
        "b0",
        t("regression.model.b0"),
        default=0.0,
        min_value=-1e6,
        max_value=1e6,
        container=right,
        format=NUMBER_FORMAT,
    )
    order = ()
    if data.key[0] == "toy":  # standardised too: the same six rows
        order = _url_number_list(
            "order", t("regression.model.order"), name="batch order", default="5, 1, 0", container=m,
            help=t("regression.model.order_help"), integer=True, low=0, high=MAX_ROWS - 1, max_len=MAX_ROWS,
        )  # fmt: skip
    return TrainConfig(
        lr=lr, batch_size=batch, epochs=epochs, shuffle=shuffle, seed=seed, loss=loss, optimizer=optimizer,
        w0=w0 or None, b0=b0, batch_order=order or None,
    )  # fmt: skip
