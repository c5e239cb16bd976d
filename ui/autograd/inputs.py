"""The autograd page's settings: the expression and its numbers (each a widget kept in the URL), the graph
tab's switch and the optimizer tab's lr and parameters, as one frozen `Settings`.

Everything counts from 0, as Python and PyTorch do (X₀₀ is X[0, 0], z₀ is z[0, 0], class 0 is the
first); the URL keys of the numbers (ag_x11, ag_w1, ag_z1, …) kept their 1-based names so that old
links still open, and each input's help says which key it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import streamlit as st

from core.autograd_presets import SCALAR_FNS, ChainInputs, Inputs, LinearInputs, SoftmaxInputs
from ui.autograd.latex import live_formula
from ui.classroom import PRESENT_KEY, QUIZ_KEY
from ui.i18n import t
from ui.state import HIDE_PARAM, TAB_PARAM, url_number, url_select, url_toggle

Preset = Literal["linear", "chain", "softmax_ce"]
PRESETS: list[Preset] = ["linear", "chain", "softmax_ce"]
FNS = list(SCALAR_FNS)
FN_LABELS = {"square": "u²", "sin": "sin(u)", "exp": "exp(u)", "tanh": "tanh(u)", "sigmoid": "σ(u) = 1/(1+e⁻ᵘ)"}
SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
# URL keys that are not the preset's numbers: a link with numbers opens the number editor
SETTING_KEYS = {"lang", "device", "ag_p", "ag_bw", "ag_k", "ag_lr", "ag_ow", "ag_plr"}
SETTING_KEYS |= {PRESENT_KEY, QUIZ_KEY, HIDE_PARAM, TAB_PARAM}


@dataclass(frozen=True)
class Settings:
    """What the page computes from: the expression (`preset`) with its numbers (`inputs`), the learning rate
    of one SGD step, whether the optimizer is given only w (linear model), and whether the graph tab runs
    `loss.backward()`."""

    preset: Preset
    inputs: Inputs
    lr: float = 0.1
    only_w: bool = False
    backward: bool = True

    @property
    def given(self) -> tuple[str, ...] | None:
        """The parameters handed to the optimizer; None: all of them, as `model.parameters()` would."""
        return ("w",) if self.only_w and self.preset == "linear" else None


def sub(index: int) -> str:
    """A 0-based index as subscript digits: 0 -> ₀."""
    return str(index).translate(SUBSCRIPTS)


def preset_label(preset: str) -> str:
    return t(f"autograd.preset.{preset}")


def fn_name(code: str) -> str:
    return FN_LABELS[code]


def read_settings(box: Any, tab: Any, opened: str) -> Settings:
    """The settings, their widgets drawn in `box` (the expression, its numbers and its formula) and in the
    open `tab` (the graph tab's switch, the optimizer tab's lr); with its tab closed, the lr is read from the
    URL without drawing (the quiz asks about it)."""
    with box:
        preset = url_select("ag_p", t("autograd.preset.label"), PRESETS, format_func=preset_label, widget="segmented")
        # a link with its own numbers opens them, so a warning about a bad one is not hidden; closed, the numbers
        # are not drawn (opening the editor reruns the page) but read from the URL
        editor = st.expander(
            t("autograd.editor.title"),
            expanded=any(k not in SETTING_KEYS for k in st.query_params),
            key="ag_edit",
            on_change="rerun",
        )
        inputs = read_inputs(preset, editor)
        st.latex(live_formula(inputs))
    backward = True
    if opened == "graph":
        help_text = t("autograd.graph.run_backward_help")
        backward = url_toggle("ag_bw", t("autograd.graph.run_backward"), default=True, help=help_text, container=tab)
    lr, only_w = optimizer_settings(preset, tab if opened == "optim" else None)
    return Settings(preset, inputs, lr, only_w, backward)


def read_inputs(preset: Preset, box: Any) -> Inputs:
    """The preset's editable numbers (and function choices), each a widget kept in the URL, drawn in the
    expander `box` while it is open; closed, they are read without drawing (the formula shows them)."""
    draw = box.open

    def columns(spec, parent=box, **kwargs) -> list:
        return parent.columns(spec, **kwargs) if draw else [None] * (spec if isinstance(spec, int) else len(spec))

    def number(key: str, label: str, python: str, default: float, container, **limits) -> float:
        limits = limits or dict(min_value=-100.0, max_value=100.0, step=0.5)
        help_text = t("autograd.editor.url_key_help", python=python, param=key)
        return url_number(key, label, default=default, container=container, help=help_text, draw=draw, **limits)

    if preset == "linear":
        d = LinearInputs()
        data, params = columns([3, 2], gap="large")
        if draw:
            data.markdown(t("autograd.editor.data_heading"))
        X, y = [], []
        for i in range(3):
            cells = columns(3, data)
            row = (
                number(f"ag_x{i + 1}{j + 1}", f"X{sub(i)}{sub(j)}", f"X[{i}, {j}]", d.X[i][j], cells[j])
                for j in range(2)
            )
            X.append(tuple(row))
            y.append(number(f"ag_y{i + 1}", f"y{sub(i)}", f"y[{i}, 0]", d.y[i], cells[2]))
        if draw:
            params.markdown(t("autograd.editor.params_heading"))
        cells = columns(3, params)
        w = tuple(number(f"ag_w{j + 1}", f"w{sub(j)}", f"w[0, {j}]", d.w[j], cells[j]) for j in range(2))
        b = number("ag_b", "b", "b[0]", d.b, cells[2])
        return LinearInputs(X=tuple(X), y=tuple(y), w=w, b=b)
    if preset == "chain":
        d = ChainInputs()
        c1, c2, c3 = columns(3)
        x = url_number("ag_cx", "x", default=d.x, min_value=-10.0, max_value=10.0, step=0.1, container=c1, draw=draw)
        fn = dict(format_func=fn_name, draw=draw)
        g = url_select("ag_g", t("autograd.editor.inner_fn"), FNS, default=d.g, container=c2, **fn)
        f = url_select("ag_f", t("autograd.editor.outer_fn"), FNS, default=d.f, container=c3, **fn)
        return ChainInputs(x=x, g=g, f=f)
    d = SoftmaxInputs()
    cells = columns(4)
    limits = dict(min_value=-50.0, max_value=50.0, step=0.1)
    logits = tuple(
        number(f"ag_z{k + 1}", f"z{sub(k)}", f"z[0, {k}]", d.logits[k], cells[k], **limits) for k in range(3)
    )
    target = url_select(
        "ag_t",
        t("autograd.editor.target"),
        ["0", "1", "2"],
        default=str(d.target),
        container=cells[3],
        help=t("autograd.editor.target_help"),
        draw=draw,
    )
    return SoftmaxInputs(logits=logits, target=int(target))


def optimizer_settings(preset: Preset, tab: Any) -> tuple[float, bool]:
    """The optimizer tab's lr and its "give only w" switch, drawn in `tab`; with no tab (it is closed)
    they are read without drawing, for the quiz asks about them."""
    draw = tab is not None
    lr_col = given_col = None
    if draw:
        tab.markdown(t("autograd.optim.intro"))
        lr_col, given_col = tab.columns(2)
    lr = url_number(
        "ag_lr",
        t("autograd.optim.lr"),
        default=0.1,
        min_value=0.001,
        max_value=10.0,
        step=0.05,
        format="%.3f",
        container=lr_col,
        draw=draw,
    )
    if preset != "linear":
        return lr, False
    only_w = url_toggle(
        "ag_ow", t("autograd.optim.only_w"), help=t("autograd.optim.only_w_help"), container=given_col, draw=draw
    )
    return lr, only_w
