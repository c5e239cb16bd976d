"""The classification page's settings: the data and the training controls -> one frozen `Settings`, all in the URL."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import streamlit as st

from core.classification import MAX_CLASSES, REDUCTIONS, ClassifierConfig
from core.config import MAX_LR, MAX_STEPS, OPTIMIZERS
from core.errors import InputError
from core.table import MAX_UPLOAD_BYTES
from ui.classification.compute import Data, blob_data, parsed_table, table_data
from ui.i18n import t
from ui.numbers import count
from ui.state import url_number, url_select, url_toggle

SOURCES = ("blobs", "csv")
MAX_BLOB_CLASSES = 6
MAX_PER_CLASS = 10_000
MAX_SPREAD = 5.0
NUMBER_FORMAT = "%.6g"  # shows 0.001 as typed (Streamlit's own "%.2f" would show 0.00)
# which hyperparameters each optimizer uses (the others keep their values but are not drawn)
HYPERPARAMETERS = {
    "torch_sgd": (), "manual": (), "momentum": ("mom",), "nesterov": ("mom",),
    "rmsprop": ("alpha", "eps"), "adam": ("b1", "b2", "eps"), "adamw": ("b1", "b2", "eps"),
}  # fmt: skip


class NoUpload(Exception):
    """The CSV source is chosen but no file is uploaded yet: the page shows a hint instead of results."""


@dataclass(frozen=True)
class Settings:
    """Everything the page computes from: the data and the training run's config."""

    data: Data
    config: ClassifierConfig


def option_label(prefix: str, code: str) -> str:
    return t(f"classification.{prefix}.{code}")


def data_settings(c: Any) -> Data:
    """Draw the data controls in `c` and return the data (NoUpload before a file, InputError if unusable)."""
    source = url_select(
        "data", t("classification.data.source"), SOURCES, format_func=lambda s: option_label("source", s),
        widget="radio", container=c,
    )  # fmt: skip
    if source == "blobs":
        left, right = c.columns(2)
        classes = url_number(
            "k", t("classification.data.classes"), default=3, min_value=2, max_value=MAX_BLOB_CLASSES, container=left
        )
        per_class = url_number(
            "m", t("classification.data.per_class"), default=100, min_value=1, max_value=MAX_PER_CLASS, step=10,
            container=right, help=t("classification.data.limit", limit=count(MAX_PER_CLASS)),
        )  # fmt: skip
        spread = url_number(
            "spread", t("classification.data.spread"), default=1.0, min_value=0.0, max_value=MAX_SPREAD, step=0.1,
            container=left, format=NUMBER_FORMAT, help=t("classification.data.spread_help", limit=MAX_SPREAD),
        )  # fmt: skip
        seed = url_number(
            "dseed", t("classification.data.seed"), default=0, min_value=0, max_value=2**31 - 1, container=right
        )
        data = blob_data(int(classes), int(per_class), float(spread), int(seed))
        c.caption(t("classification.data.blobs_caption", n=count(data.n), classes=classes))
        return data
    upload = c.file_uploader(
        t("classification.data.upload", limit=MAX_UPLOAD_BYTES // 2**20), type=["csv", "txt"], max_upload_size=5,
        help=t("classification.data.upload_help", classes=MAX_CLASSES),
    )  # fmt: skip
    if upload is None:
        raise NoUpload
    raw = upload.getvalue()
    digest = hashlib.sha256(raw).hexdigest()
    columns = parsed_table(digest, raw).columns
    if len(columns) < 3:
        raise InputError("the table needs at least three columns: two features and a label", code="csv_3_columns")
    x0 = url_select("x0", t("classification.data.x0"), columns, default=columns[0], container=c)
    x1 = url_select("x1", t("classification.data.x1"), columns, default=columns[1], container=c)
    label = url_select("label", t("classification.data.label"), columns, default=columns[-1], container=c)
    data = table_data(digest, raw, (x0, x1), label)
    if data.dropped:
        listed = ", ".join(map(str, data.dropped[:20])) + (" …" if len(data.dropped) > 20 else "")
        c.warning(t("classification.data.dropped", count=len(data.dropped), rows=listed), icon=":material/warning:")
    c.caption(t("classification.data.csv_caption", n=count(data.n), classes=data.classes))
    return data


def training_settings(c: Any, model: Any, data: Data) -> ClassifierConfig:
    """Draw the training controls (in `c`) and the loss and optimizer (in `model`); InputError if invalid."""
    left, right = c.columns(2)
    lr = url_number(
        "lr", t("classification.train.lr"), default=0.5, min_value=1e-6, max_value=MAX_LR, step=0.05,
        container=left, format=NUMBER_FORMAT, help=t("classification.train.lr_help", limit=f"{MAX_LR:g}"),
    )  # fmt: skip
    batch = url_number(
        "batch", t("classification.train.batch"), default=30, min_value=1, max_value=200_000, container=right,
        help=t("classification.train.batch_help"),
    )  # fmt: skip
    epochs = url_number(
        "epochs", t("classification.train.epochs"), default=30, min_value=1, max_value=MAX_STEPS, container=left,
        help=t("classification.train.epochs_help", steps=count(MAX_STEPS)),
    )  # fmt: skip
    seed = url_number(
        "seed", t("classification.train.seed"), default=0, min_value=0, max_value=2**31 - 1, container=right
    )
    shuffle = url_toggle("shuffle", t("classification.train.shuffle"), default=True, container=c)
    c.caption(t("classification.train.limits", steps=count(MAX_STEPS)))
    reduction = url_select(
        "red", t("classification.model.reduction"), REDUCTIONS, format_func=lambda r: f"reduction='{r}'",
        widget="radio", container=model,
    )  # fmt: skip
    smoothing = url_number(
        "ls", t("classification.model.smoothing"), default=0.0, min_value=0.0, max_value=1.0, step=0.05,
        container=model, widget="slider", help=t("classification.model.smoothing_help"),
    )  # fmt: skip
    optimizer = url_select(
        "opt", t("classification.model.optimizer"), OPTIMIZERS, format_func=lambda o: option_label("opt", o),
        container=model,
    )  # fmt: skip
    used = (*HYPERPARAMETERS[optimizer], "wd")
    columns = model.columns(2)
    unit = {"min_value": 0.0, "max_value": 0.9999, "format": NUMBER_FORMAT}
    fields = {  # URL key: (label, default, other url_number arguments); the drawn ones fill the columns in turn
        "mom": ("momentum", 0.9, {"step": 0.05, **unit}),
        "alpha": ("alpha", 0.99, {"step": 0.01, **unit}),
        "b1": ("beta1", 0.9, {"step": 0.01, **unit}),
        "b2": ("beta2", 0.999, {"step": 0.001, **unit}),
        "eps": ("eps", 1e-8, {"min_value": 1e-12, "max_value": 1.0, "format": "%.1e"}),
        "wd": ("weight_decay", 0.0, {"min_value": 0.0, "max_value": 100.0, "step": 0.001, "format": NUMBER_FORMAT}),
    }
    value = {}
    for key, (label, default, more) in fields.items():
        column = columns[used.index(key) % 2] if key in used else model
        value[key] = url_number(key, label, default=default, container=column, draw=key in used, **more)
    model.caption(t("classification.model.optimizer_caption"))
    return ClassifierConfig(
        lr=lr, batch_size=batch, epochs=epochs, shuffle=shuffle, seed=seed, reduction=reduction,
        label_smoothing=smoothing, optimizer=optimizer, momentum=value["mom"], betas=(value["b1"], value["b2"]),
        eps=value["eps"], alpha=value["alpha"], weight_decay=value["wd"],
    )  # fmt: skip


def read_settings() -> Settings:
    """The settings panel: data | training | loss and optimizer, side by side."""
    with st.expander(t("classification.page.settings"), expanded=True):
        data_column, train_column, model_column = st.columns(3, gap="medium")
        data = data_settings(data_column)
        return Settings(data, training_settings(train_column, model_column, data))


def replay_controls(total: int, n: int) -> tuple[int, int]:
    """The step to replay (0 = the zero start; the default is the last) and the sample to follow, kept in the URL.

    A run of another length moves a step that was at the end to the new end, and keeps any other in range."""
    if st.session_state.get("_cls_total") != total:
        if "step" in st.session_state and st.session_state["step"] in (st.session_state.get("_cls_total"), None):
            st.session_state["step"] = total
        st.session_state["_cls_total"] = total
    for key, high in (("step", total), ("i", n - 1)):
        if st.session_state.get(key, 0) > high:
            st.session_state[key] = high
    left, right = st.columns([3, 1])
    step = url_number(
        "step", t("classification.replay.step"), default=total, min_value=0, max_value=max(total, 1),
        widget="slider", container=left, help=t("classification.replay.step_help"), disabled=total == 0,
    )  # fmt: skip
    sample = url_number(
        "i", t("classification.replay.sample"), default=0, min_value=0, max_value=n - 1, container=right,
        help=t("classification.replay.sample_help", last=n - 1),
    )  # fmt: skip
    return int(min(step, total)), int(sample)
