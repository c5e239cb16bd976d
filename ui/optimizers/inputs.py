"""The optimizers page's settings: the lesson, the data, the batches they share, and each optimizer's own
hyperparameters (PyTorch's names and defaults), every one in the URL, read into one frozen `Settings`."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import streamlit as st

from core.config import MAX_FEATURES, MAX_LR, MAX_ROWS, MAX_SAMPLE_VISITS, MAX_STEPS, MAX_WEIGHT_DECAY, OPTIMIZERS
from core.errors import InputError
from core.number_lists import parse_number_list
from core.regression import TrainConfig, steps_per_epoch, toy_dataset
from core.table import MAX_UPLOAD_BYTES, table_xy
from ui.datasets import parsed_table, synthetic_arrays
from ui.errors import show_input_error
from ui.i18n import t
from ui.numbers import count, num
from ui.optimizers.compute import Data
from ui.state import url_number, url_select, url_specs, url_text, url_toggle, warn_bad_param, write_param

RACERS = tuple(name for name in OPTIMIZERS if name != "manual")
PREFIX = {"torch_sgd": "sgd", "momentum": "mom", "nesterov": "nag", "rmsprop": "rms", "adam": "adam", "adamw": "adamw"}
# torch.optim's own defaults (checked against torch 2.13's signatures): SGD lr 1e-3, RMSprop lr 1e-2 with
# alpha 0.99, Adam and AdamW lr 1e-3 with betas (0.9, 0.999); eps 1e-8; weight_decay 0, AdamW's 0.01
TORCH_DEFAULTS = {
    "torch_sgd": {"lr": 1e-3, "wd": 0.0},
    "momentum": {"lr": 1e-3, "mu": 0.9, "wd": 0.0},  # SGD's momentum default is 0; 0.9 is the usual choice
    "nesterov": {"lr": 1e-3, "mu": 0.9, "wd": 0.0},
    "rmsprop": {"lr": 1e-2, "alpha": 0.99, "eps": 1e-8, "wd": 0.0},
    "adam": {"lr": 1e-3, "b1": 0.9, "b2": 0.999, "eps": 1e-8, "wd": 0.0},
    "adamw": {"lr": 1e-3, "b1": 0.9, "b2": 0.999, "eps": 1e-8, "wd": 0.01},
}
PAGE_LR = {"torch_sgd": 0.02, "momentum": 0.02, "nesterov": 0.02, "rmsprop": 0.05, "adam": 0.1, "adamw": 0.1}
SOURCES = ("toy", "synthetic", "csv")
LESSONS = ("free", "ill", "scale", "nesterov", "decay", "lr")
NUMBER_FORMAT = "%.6g"
_LIST_CHARS = 400

DEFAULTS: dict[str, Any] = {
    "data": "synthetic",
    "tw": "2, -3.4",
    "tb": 4.2,
    "n": 200,
    "noise": 0.5,
    "dseed": 0,
    "x0scale": 1.0,
    "batch": 20,
    "epochs": 20,
    "shuffle": True,
    "seed": 0,
    "w0": "0, 0",
    "b0": 0.0,
    "opts": "torch_sgd,momentum,adam",
    **{f"{PREFIX[o]}_{k}": v for o, values in TORCH_DEFAULTS.items() for k, v in values.items()},
    **{f"{PREFIX[o]}_lr": lr for o, lr in PAGE_LR.items()},
}
# x₀ × 10 makes the steepest curvature about 100 times larger: SGD's stable lr drops to about 0.01
ILL_LR = {"sgd_lr": 0.005, "mom_lr": 0.005, "nag_lr": 0.005, "rms_lr": 0.05, "adam_lr": 0.1, "adamw_lr": 0.1}
# each lesson: the settings it starts from (the rest at DEFAULTS), as a link `?lesson=<code>` opens them
LESSON_PRESETS: dict[str, dict[str, Any]] = {
    "free": {},
    "ill": {"x0scale": 10.0, "opts": "torch_sgd,momentum,adam", **ILL_LR},
    "scale": {"x0scale": 10.0, "opts": "torch_sgd,adam", **ILL_LR},
    "nesterov": {"opts": "momentum,nesterov", "mom_mu": 0.95, "nag_mu": 0.95},
    "decay": {"opts": "adam,adamw", "adam_wd": 1.0, "adamw_wd": 1.0},
    "lr": {"opts": "torch_sgd,adam", **{f"{p}_lr": 1.5 for p in PREFIX.values()}},
}


class NoUpload(Exception):
    """The CSV source is chosen but no file is uploaded yet: the page shows a hint instead of results."""


@dataclass(frozen=True)
class Settings:
    """Everything the page computes from: the lesson, the data and one config per chosen optimizer."""

    lesson: str
    data: Data
    configs: tuple[TrainConfig, ...]  # in the order of RACERS, at least two

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.optimizer for c in self.configs)


def optimizer_label(code: str) -> str:
    return t(f"optimizers.name.{code}")


def lesson_label(code: str) -> str:
    return t(f"optimizers.lesson.{code}")


def _apply_lesson(lesson: str, first_run: bool) -> None:
    """Put the lesson's settings into the widgets about to be drawn; on a link's first run, what the link
    says itself wins."""
    for key, value in (DEFAULTS | LESSON_PRESETS[lesson]).items():
        if not (first_run and key in st.query_params):
            st.session_state[key] = value
    st.session_state.pop("_opts_widget", None)


def lesson_setting(container: Any) -> str:
    lesson = url_select(
        "lesson",
        t("optimizers.input.lesson"),
        LESSONS,
        format_func=lesson_label,
        container=container,
        help=t("optimizers.input.lesson_help"),
    )
    if st.session_state.get("_optim_lesson") != lesson:
        if lesson != "free":  # free play keeps whatever is set
            _apply_lesson(lesson, first_run="_optim_lesson" not in st.session_state)
        st.session_state["_optim_lesson"] = lesson
    return lesson


def _number_list(key: str, label: str, *, container: Any, help: str, **limits: Any) -> tuple:
    """A number list ("2, -3.4") kept in the URL; a malformed link falls back to the default with a warning."""
    if key not in st.session_state and key in st.query_params:
        raw = st.query_params[key]
        try:
            parse_number_list(raw[:_LIST_CHARS], name=key, **limits)
        except InputError:
            warn_bad_param(key, raw, t("optimizers.input.list_allowed"), container)
            st.session_state[key] = DEFAULTS[key]
    text = url_text(key, label, default=DEFAULTS[key], max_chars=_LIST_CHARS, container=container, help=help)
    return parse_number_list(text, name=key, **limits)


def _number(key: str, label: str, container: Any, low: float, high: float, **options: Any) -> float:
    default = DEFAULTS[key]
    fmt = None if isinstance(default, int) else NUMBER_FORMAT
    return url_number(
        key, label, default=default, min_value=low, max_value=high, container=container, format=fmt, **options
    )


def data_setting(c: Any) -> Data:
    """The data controls; the data with feature x₀ multiplied by its factor (InputError if unusable)."""
    source = url_select(
        "data",
        t("optimizers.input.data"),
        SOURCES,
        default=DEFAULTS["data"],
        widget="radio",
        format_func=lambda code: t(f"optimizers.source.{code}"),
        container=c,
    )
    if source == "toy":
        X, y = (v.numpy() for v in toy_dataset(device="cpu"))
        key, dataset = ("toy",), {"kind": "toy"}
    elif source == "synthetic":
        true_w = _number_list(
            "tw",
            t("optimizers.input.true_w"),
            container=c,
            help=t("optimizers.input.true_w_help", limit=MAX_FEATURES),
            low=-1e6,
            high=1e6,
            max_len=MAX_FEATURES,
        )
        if not true_w:
            raise InputError("true w needs at least one number", code="list_empty", name="true w")
        left, right = c.columns(2)
        b = _number("tb", t("optimizers.input.true_b"), left, -1e6, 1e6)
        n = _number(
            "n", t("optimizers.input.n"), right, 1, MAX_ROWS, help=t("optimizers.input.limit", limit=count(MAX_ROWS))
        )
        noise = _number("noise", t("optimizers.input.noise"), left, 0.0, 100.0)
        seed = _number("dseed", t("optimizers.input.data_seed"), right, 0, 2**31 - 1)
        X, y = synthetic_arrays(tuple(true_w), float(b), int(n), float(noise), int(seed))
        key = ("synthetic", tuple(true_w), b, n, noise, seed)
        dataset = {"kind": "synthetic", "w": list(true_w), "b": b, "n": n, "noise": noise, "seed": seed}
    else:
        X, y, key = _csv(c)
        dataset = {"kind": "table"}  # the values are added on export
    scale = _number("x0scale", t("optimizers.input.x0scale"), c, 1e-3, 1e3, help=t("optimizers.input.x0scale_help"))
    if scale != 1:
        X = X.copy()
        X[:, 0] *= scale
        dataset = {**dataset, "scale": [scale] + [1.0] * (X.shape[1] - 1)}
    c.caption(t("optimizers.input.data_caption", n=count(len(y)), d=X.shape[1], scale=num(scale)))
    return Data((*key, scale), X, y, dataset, scale)


def _csv(c: Any) -> tuple:
    upload = c.file_uploader(
        t("optimizers.input.upload", limit=MAX_UPLOAD_BYTES // 2**20),
        type=["csv", "txt"],
        max_upload_size=5,
        help=t("optimizers.input.upload_help", rows=count(MAX_ROWS)),
    )
    if upload is None:
        raise NoUpload
    raw = upload.getvalue()
    digest = hashlib.sha256(raw).hexdigest()
    table = parsed_table(digest, raw)
    if len(table.columns) < 2:
        raise InputError("the table needs at least two columns (features and a target)", code="csv_columns")
    target = url_select("target", t("optimizers.input.target"), table.columns, default=table.columns[-1], container=c)
    features = [col for col in table.columns if col != target][:MAX_FEATURES]
    X, y, dropped = table_xy(table, features, target)
    if dropped:
        c.warning(t("optimizers.input.csv_dropped", count=count(len(dropped))), icon=":material/warning:")
    return X.numpy(), y.numpy().ravel(), ("csv", digest, target)


def batch_setting(c: Any, data: Data) -> dict[str, Any]:
    """What every optimizer shares: the DataLoader's batches and the starting point."""
    if st.session_state.get("batch", 0) > data.n:  # the data got smaller than the batch: use all of it
        st.session_state["batch"] = data.n
    left, right = c.columns(2)
    batch = url_number(
        "batch",
        t("optimizers.input.batch"),
        default=min(DEFAULTS["batch"], data.n),
        min_value=1,
        max_value=data.n,
        container=left,
        help=t("optimizers.input.batch_help", n=count(data.n)),
    )
    epochs = _number(
        "epochs",
        t("optimizers.input.epochs"),
        right,
        1,
        MAX_STEPS,
        help=t("optimizers.input.epochs_help", steps=count(MAX_STEPS), visits=count(MAX_SAMPLE_VISITS)),
    )
    seed = _number("seed", t("optimizers.input.seed"), left, 0, 2**31 - 1)
    b0 = _number("b0", t("optimizers.input.b0"), right, -1e6, 1e6)
    shuffle = url_toggle("shuffle", t("optimizers.input.shuffle"), default=True, container=c)
    w0 = _number_list(
        "w0",
        t("optimizers.input.w0"),
        container=c,
        help=t("optimizers.input.w0_help"),
        low=-1e6,
        high=1e6,
        max_len=MAX_FEATURES,
    )
    total = epochs * steps_per_epoch(data.n, batch)
    c.caption(t("optimizers.input.steps_caption", total=count(total), limit=count(MAX_STEPS)))
    return dict(batch_size=batch, epochs=epochs, seed=seed, shuffle=shuffle, b0=b0, w0=w0 or None, loss="mean")


def chosen_optimizers(c: Any) -> tuple[str, ...]:
    """The optimizers racing (URL `opts=torch_sgd,adam`), at least two."""
    url_specs()["opts"] = ("text", 80)
    if "_opts_widget" not in st.session_state:
        raw = st.session_state.get("opts", st.query_params.get("opts", DEFAULTS["opts"]))
        picked = [code for code in str(raw).split(",") if code in RACERS]
        if len(picked) != len(str(raw).split(",")) or len(set(picked)) < 2:
            warn_bad_param("opts", raw, t("optimizers.input.opts_allowed", codes=", ".join(RACERS)), c)
            picked = DEFAULTS["opts"].split(",")
        st.session_state["_opts_widget"] = sorted(set(picked), key=RACERS.index)
    # a multi-select segmented control, not a multiselect: its chips fail WCAG contrast in the dark theme
    picked = c.segmented_control(
        t("optimizers.input.opts"),
        RACERS,
        selection_mode="multi",
        format_func=optimizer_label,
        key="_opts_widget",
        help=t("optimizers.input.opts_help"),
    )
    picked = sorted(picked, key=RACERS.index)
    st.session_state["opts"] = ",".join(picked)
    write_param("opts", None if st.session_state["opts"] == DEFAULTS["opts"] else st.session_state["opts"])
    if len(picked) < 2:
        raise InputError("pick at least two optimizers", code="optimizers_two")
    return tuple(picked)


def _reset_to_torch_defaults(name: str) -> None:
    for key, value in TORCH_DEFAULTS[name].items():
        st.session_state[f"{PREFIX[name]}_{key}"] = value


def hyperparameters(c: Any, name: str, shared: dict[str, Any]) -> TrainConfig:
    """One optimizer's controls (its torch.optim arguments) in `c`; its config, or its error shown right there."""
    p = PREFIX[name]
    c.markdown(f"**{optimizer_label(name)}**")
    lr = _number(f"{p}_lr", "lr", c, 1e-6, MAX_LR, help=t("optimizers.input.lr_help", limit=num(MAX_LR)))
    fields: dict[str, Any] = {}
    unit_help = t("optimizers.input.unit_help")
    if name in ("momentum", "nesterov"):
        fields["momentum"] = _number(f"{p}_mu", "momentum", c, 0.0, 1.0, step=0.01, help=unit_help)
    if name == "rmsprop":
        fields["alpha"] = _number(f"{p}_alpha", "alpha", c, 0.0, 1.0, step=0.01, help=unit_help)
    if name in ("adam", "adamw"):
        left, right = c.columns(2)
        b1 = _number(f"{p}_b1", "betas[0]", left, 0.0, 1.0, step=0.01, help=unit_help)
        b2 = _number(f"{p}_b2", "betas[1]", right, 0.0, 1.0, step=0.001, help=unit_help)
        fields["betas"] = (b1, b2)
    if name in ("rmsprop", "adam", "adamw"):
        fields["eps"] = _number(f"{p}_eps", "eps", c, 0.0, 1.0, help=t("optimizers.input.eps_help"))
    fields["weight_decay"] = _number(
        f"{p}_wd",
        "weight_decay",
        c,
        0.0,
        MAX_WEIGHT_DECAY,
        help=t("optimizers.input.wd_help", limit=num(MAX_WEIGHT_DECAY)),
    )
    c.button(
        t("optimizers.input.torch_defaults"),
        key=f"_defaults_{p}",
        on_click=_reset_to_torch_defaults,
        args=(name,),
        help=t("optimizers.input.torch_defaults_help"),
    )
    try:
        return TrainConfig(lr=lr, optimizer=name, **fields, **shared)
    except InputError as error:
        show_input_error(error, container=c)  # next to its widgets; the page does not repeat it
        raise


def settings(columns: list[Any], optimizer_area: Any, lesson: str) -> Settings:
    """Draw every control and return the settings (InputError, shown where it arose, if one is invalid;
    NoUpload before a CSV is uploaded)."""
    data_column, batch_column = columns
    data = data_setting(data_column)
    shared = batch_setting(batch_column, data)
    names = chosen_optimizers(optimizer_area)  # the whole width: six names side by side
    boxes = optimizer_area.columns(3)
    configs, first_error = [], None
    for i, name in enumerate(names):
        try:
            configs.append(hyperparameters(boxes[i % 3].container(border=True), name, shared))
        except InputError as error:
            first_error = first_error or error
    if first_error is not None:
        raise first_error
    return Settings(lesson, data, tuple(configs))
