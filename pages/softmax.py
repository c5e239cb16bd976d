"""Softmax, its Jacobian, and cross-entropy: every number of F.softmax, its backward and F.cross_entropy."""

from __future__ import annotations

import random

import streamlit as st

from core import softmax as sm
from core.device import default_dtype, resolve_device
from core.errors import InputError
from ui.classroom import QUIZ_KEY, quiz, results_hidden, worksheet_button
from ui.code import script
from ui.errors import show_input_error
from ui.i18n import current_lang, t
from ui.numbers import num
from ui.sidebar import selected_device
from ui.softmax import tabs as view
from ui.softmax.compute import cross_entropy_numbers, softmax_numbers, vjp_numbers
from ui.softmax.quiz import shown_logits, softmax_questions
from ui.state import hidden_keys, url_number, url_select, url_tabs, url_text
from ui.streamlit_internals import leave_legacy_pages_mode

leave_legacy_pages_mode()  # see ui/streamlit_internals.py

PRESETS = {"seed001": "0.2306, 0.6693, 0.6334", "classic": "2.0, 1.0, 0.1", "overflow": "1000, 999, -1000"}
DEFAULT_LOGITS = PRESETS["seed001"]
OVERFLOW = (1000.0, 999.0, -1000.0)
LAST_VALID = "softmax.last_valid_logits"
MAX_CHARS = 200


def _load(text: str) -> None:
    st.session_state["logits"] = text


def _load_random() -> None:
    try:
        n = len(sm.parse_logits(st.session_state.get("logits", "")))
    except InputError:
        n = 5
    _load(", ".join(f"{v:g}" for v in sm.random_logits(n, seed=random.randrange(2**31))))


def hidden_here() -> None:
    """In quiz mode, where a tab's numbers would be: why they are missing."""
    st.caption(":material/visibility_off: " + t("softmax.quiz.hidden_tab"))


st.title(t("nav.softmax"))
st.markdown(t("softmax.intro"))

# Controls: logits (+ presets), temperature, target class. All of them live in the URL.
left, middle, right = st.columns([3, 2, 1])
with left:
    text = url_text(
        "logits",
        t("softmax.logits_label"),
        default=DEFAULT_LOGITS,
        max_chars=MAX_CHARS,
        help=t("softmax.logits_help", low=sm.MIN_CLASSES, high=sm.MAX_CLASSES),
    )
    if "logits" not in hidden_keys():  # a lesson link that hides the box fixes the logits: no presets either
        st.caption(t("softmax.logits_limit", low=sm.MIN_CLASSES, high=sm.MAX_CLASSES, chars=MAX_CHARS))
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
    T = url_number("T", t("softmax.temperature"), default=1.0, min_value=0.1, max_value=5.0, step=0.1, widget="slider")
    if "T" not in hidden_keys():
        st.caption(t("softmax.temperature_help"))
with right:
    target = url_number(
        "target",
        t("softmax.target"),
        default=0,
        min_value=0,
        max_value=sm.MAX_CLASSES - 1,
        step=1,
        help=t("softmax.target_help", high=sm.MAX_CLASSES - 1),
    )

try:
    logits = tuple(sm.parse_logits(text))
    st.session_state[LAST_VALID] = logits
    valid = True
except InputError as error:
    show_input_error(error)
    logits = st.session_state.get(LAST_VALID, tuple(sm.parse_logits(DEFAULT_LOGITS)))
    st.caption(t("error.kept_last") + " " + t("softmax.using", logits=shown_logits(logits)))
    valid = False

device = selected_device()
dtype = default_dtype(resolve_device(device))  # what the tables are computed in
n = len(logits)
fw = softmax_numbers(logits, T, device)
p, J = fw["p"], fw["analytic"]
try:
    ce, ce_error = cross_entropy_numbers(logits, target, T, device), None
except InputError as error:
    ce, ce_error = None, error

# Quiz mode: questions on the current numbers (none while an input is invalid), and the results they ask
# about (probabilities, Jacobian, vᵀJ, loss and gradient) hidden until every question has been revealed.
quizzing = valid and st.session_state.get(QUIZ_KEY)
questions = softmax_questions(logits, T, target, p, J, ce, current_lang()) if quizzing else []
quiz(questions)
if questions:  # only in quiz mode
    worksheet_button(
        t("softmax.quiz.worksheet_title"),
        {
            t("softmax.logits_label"): shown_logits(logits),
            t("softmax.temperature"): num(T),
            t("softmax.target"): str(target),
        },
        questions,
        current_lang(),
    )
hidden = results_hidden(questions)


def default_v(n: int) -> str:
    """The custom v offered first: e_0, one number per logit."""
    return ", ".join(["1"] + ["0"] * (n - 1))


def upstream(draw: bool) -> tuple[str, tuple[float, ...] | None, dict | None]:
    """The upstream gradient v of the vᵀJ tab: its choice, its values and vᵀJ (both None, with the error
    shown, when the typed v is invalid). Drawn in that tab; read without drawing on the others (the script
    uses it, and the choice is a URL setting of every tab)."""
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
            v = tuple(sm.cross_entropy_upstream(list(logits), target, T).tolist())
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
        return choice, v, vjp_numbers(logits, v, T, device)
    except InputError as error:
        if draw:
            show_input_error(error)
        return choice, None, None


tabs, opened = url_tabs("softmax")
with tabs[opened]:  # only the open tab is drawn: opening another one reruns the page
    if opened == "vjp":
        st.markdown(t("softmax.vjp.intro"))
    choice, v, vjp = upstream(draw=opened == "vjp")
    if opened == "probs":
        if hidden:
            hidden_here()
        view.probabilities(logits, T, p, fw["sigmoid"], hidden=hidden)
    elif opened == "jacobian":
        if hidden:
            hidden_here()
        k = target if target < n else 0
        view.jacobian(T, p, J, fw["autograd"], fw["rowwise"], k=k, dtype=dtype, hidden=hidden)
    elif opened == "vjp":
        if v is not None:
            if hidden:
                hidden_here()
            else:
                view.vector_jacobian(T, p, J, v, vjp)
            st.info(t(f"softmax.vjp.note.{choice}", y=target))
    elif opened == "ce":
        if ce is None:
            show_input_error(ce_error)
        else:
            if hidden:
                hidden_here()
            view.cross_entropy(logits, T, ce, hidden=hidden)
    elif opened == "stability":
        overflow = softmax_numbers(OVERFLOW, T, device)
        yours = (t("softmax.stable.yours"), logits, fw["naive"], p)
        classic = (t("softmax.stable.classic"), OVERFLOW, overflow["naive"], overflow["p"])
        if hidden:
            hidden_here()
        view.stability([classic] if hidden else [yours, classic], T, dtype)
    elif target >= n:
        st.warning(t("softmax.code.no_target", y=target, last=n - 1))
    else:
        st.markdown(t("softmax.code.intro"))
        source = sm.to_pytorch_script(list(logits), temperature=T, target=target, upstream=list(v or [1.0] * n))
        script(source, "softmax_cross_entropy.py")
