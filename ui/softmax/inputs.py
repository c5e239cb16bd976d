"""The softmax page's inputs: logits (with presets), temperature and target class above the tabs, the
upstream gradient v in the vᵀJ tab. Every one of them lives in the URL."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from core import softmax as sm
from core.errors import InputError
from ui.errors import show_input_error
from ui.i18n import t
from ui.softmax.compute import vjp_numbers
from ui.state import hidden_keys, url_number, url_select, url_text

PRESETS = {"seed001": "0.2306, 0.6693, 0.6334", "classic": "2.0, 1.0, 0.1", "overflow": "1000, 999, -1000"}
DEFAULT_LOGITS = PRESETS["seed001"]
MAX_CHARS = 200


@dataclass(frozen=True)
class Settings:
    """What every tab is computed from."""

    logits: tuple[float, ...]
    T: float  # temperature: softmax of logits / T
    target: int  # the true class y of cross-entropy; may be >= len(logits), which the loss tabs report
    device: str

    @property
    def n(self) -> int:
        return len(self.logits)


@dataclass(frozen=True)
class Typed:
    """The controls above the tabs as they stand: the logits as text, still to be parsed."""

    text: str
    T: float
    target: int

    def logits(self) -> tuple[float, ...]:
        """The typed logits; `InputError` when they are not 2 to 10 finite numbers."""
        return tuple(sm.parse_logits(self.text))


def default_logits() -> tuple[float, ...]:
    return tuple(sm.parse_logits(DEFAULT_LOGITS))


def shown_logits(logits: Sequence[float]) -> str:
    """The logits as typed, without a trailing ".0": "0.2306, 0.6693, 0.6334", "2, 1, 0.1"."""
    return ", ".join(f"{v:.12g}" for v in logits)


def _load(text: str) -> None:
    st.session_state["logits"] = text


def _load_random() -> None:
    try:
        n = len(sm.parse_logits(st.session_state.get("logits", "")))
    except InputError:
        n = 5
    _load(", ".join(f"{v:g}" for v in sm.random_logits(n, seed=random.randrange(2**31))))


def controls() -> Typed:
    """Draw the logits box (with its presets), the temperature slider and the target class, side by side."""
    left, middle, right = st.columns([3, 2, 1])
    with left:
        text = url_text(
            "logits",
            t("softmax.input.logits"),
            default=DEFAULT_LOGITS,
            max_chars=MAX_CHARS,
            help=t("softmax.input.logits_help", low=sm.MIN_CLASSES, high=sm.MAX_CLASSES),
        )
        if "logits" not in hidden_keys():  # a lesson link that hides the box fixes the logits: no presets either
            st.caption(t("softmax.input.logits_limit", low=sm.MIN_CLASSES, high=sm.MAX_CLASSES, chars=MAX_CHARS))
            buttons = st.columns(4)
            buttons[0].button(t("softmax.preset.seed001"), on_click=_load, args=(PRESETS["seed001"],), key="p_seed")
            buttons[1].button(t("softmax.preset.classic"), on_click=_load, args=(PRESETS["classic"],), key="p_classic")
            buttons[2].button(t("softmax.preset.random"), on_click=_load_random, key="p_random")
            buttons[3].button(
                t("softmax.preset.overflow"),
                on_click=_load,
                args=(PRESETS["overflow"],),
                key="p_overflow",
                help=PRESETS["overflow"],
            )
    with middle:
        T = url_number(
            "T", t("softmax.input.temperature"), default=1.0, min_value=0.1, max_value=5.0, step=0.1, widget="slider"
        )
        if "T" not in hidden_keys():
            st.caption(t("softmax.input.temperature_help"))
    with right:
        target = url_number(
            "target",
            t("softmax.input.target"),
            default=0,
            min_value=0,
            max_value=sm.MAX_CLASSES - 1,
            step=1,
            help=t("softmax.input.target_help", high=sm.MAX_CLASSES - 1),
        )
    return Typed(text, T, target)


@dataclass(frozen=True)
class Upstream:
    """The upstream gradient v of the vᵀJ tab: which one, its values and vᵀJ (both None when v is invalid)."""

    choice: str  # "ce", "row", "ones" or "custom"
    v: tuple[float, ...] | None
    vjp: dict[str, list[float]] | None  # by method: "analytic" (the formula) and "autograd" (one pass)


def default_v(n: int) -> str:
    """The custom v offered first: e_0, one number per logit."""
    return ", ".join(["1"] + ["0"] * (n - 1))


def upstream(settings: Settings, *, draw: bool) -> Upstream:
    """The choice of v, its values and vᵀJ, drawn in the vᵀJ tab (with the error when the typed v is invalid);
    read without drawing on the other tabs: the script uses it, and the choice is a URL setting of every tab."""
    logits, target, n = settings.logits, settings.target, settings.n
    # labels fixed now: AppTest formats options after the run, outside the language of the session
    labels = {
        "ce": t("softmax.vjp.ce"),
        "row": t("softmax.vjp.row", y=target),
        "ones": t("softmax.vjp.ones"),
        "custom": t("softmax.vjp.custom"),
    }
    choice = url_select(
        "v", t("softmax.vjp.choice"), list(labels), format_func=labels.__getitem__, widget="radio", draw=draw
    )
    try:
        if choice == "ce":
            v = tuple(sm.cross_entropy_upstream(list(logits), target, settings.T).tolist())
        elif choice == "row":
            v = tuple(sm.onehot(target, n))
        elif choice == "ones":
            v = (1.0,) * n
        else:
            # an untouched default v follows the number of logits; a v the user typed is kept as typed
            defaults = {default_v(k) for k in range(sm.MIN_CLASSES, sm.MAX_CLASSES + 1)}
            if st.session_state.get("vc") in defaults:
                st.session_state["vc"] = default_v(n)
            custom = url_text("vc", t("softmax.vjp.custom_label"), default=default_v(n), max_chars=MAX_CHARS, draw=draw)
            v = tuple(sm.parse_logits(custom, name="v"))
        return Upstream(choice, v, vjp_numbers(logits, v, settings.T, settings.device))
    except InputError as error:
        if draw:
            show_input_error(error)
        return Upstream(choice, None, None)
