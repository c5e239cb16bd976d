"""MSE reductions, opened up: what `nn.MSELoss` computes for each `reduction`, and what lands in `.grad`."""

from __future__ import annotations

import streamlit as st

from core.errors import InputError
from core.mse import PRESET_ALIASES, PRESETS, REDUCTIONS, preset_pair
from ui.classroom import QUIZ_KEY, quiz, results_hidden, worksheet_button
from ui.code import code
from ui.errors import show_input_error
from ui.i18n import current_lang, t
from ui.mse import code as mse_code
from ui.mse import tabs as mse_tabs
from ui.mse.compute import Matrix, analyse
from ui.mse.formulas import mse_question
from ui.mse.matrix_editor import MAX_SIZE, decode_matrix, encode_matrix, matrix_editor, resize
from ui.mse.quiz import mse_questions, worksheet_inputs
from ui.sidebar import selected_device
from ui.state import read_param, url_number, url_select, url_tabs, write_param
from ui.streamlit_internals import leave_legacy_pages_mode

leave_legacy_pages_mode()  # see ui/streamlit_internals.py


def as_tuple(values: list[list[float]]) -> Matrix:
    """A matrix as nested tuples, hashable for the cache."""
    return tuple(tuple(row) for row in values)


def load(x: list[list[float]], y: list[list[float]], *, set_shape: bool = True) -> None:
    """New editor contents: fresh editor keys, so old cell edits are not re-applied to them."""
    ss = st.session_state
    ss["mse_base"] = (x, y)
    ss["mse_current"] = (x, y)
    ss["mse_version"] = ss.get("mse_version", 0) + 1
    if set_shape:
        ss["mse_rows"], ss["mse_cols"] = len(x), len(x[0])


ss = st.session_state
st.title(t("mse.page.title"))
question = st.empty()  # its n·d is known once the matrices are read, and it is an answer in quiz mode
st.caption(t("mse.page.intro"))

# --- data: preset, shape, the two editors ---------------------------------------------------------
preset_labels = {name: t(f"mse.preset.{name}") for name in PRESETS}
old_name = st.query_params.get("preset")
if old_name in PRESET_ALIASES and "preset" not in ss:  # a link from before a preset was renamed
    st.query_params["preset"] = PRESET_ALIASES[old_name]
    st.warning(t("mse.input.preset_renamed", old=old_name, new=PRESET_ALIASES[old_name]), icon=":material/warning:")
top = st.columns([3, 2, 2, 2])
preset = url_select("preset", t("mse.input.preset"), PRESETS, format_func=preset_labels.__getitem__, container=top[0])
seed = url_number(
    "seed", t("mse.input.seed"), default=0, min_value=0, max_value=9999, container=top[1], disabled=preset != "random"
)
preset_x, preset_y = preset_pair(preset, seed=seed)
source = (preset, seed if preset == "random" else 0)
if ss.get("mse_source") != source:
    x0, y0 = preset_x, preset_y
    if "mse_source" not in ss:  # first run: a shared link's own matrices win over its preset
        allowed = t("mse.input.url_matrix_allowed", limit=MAX_SIZE)
        x0 = read_param("X", lambda raw: decode_matrix(raw, "X"), x0, allowed)
        y0 = read_param("Y", lambda raw: decode_matrix(raw, "Y"), y0, allowed)
    load(x0, y0)
    ss["mse_source"] = source

size_help = t("mse.input.size_help", limit=MAX_SIZE)
rows = top[2].number_input(t("mse.input.rows"), min_value=1, max_value=MAX_SIZE, key="mse_rows", help=size_help)
cols = top[3].number_input(t("mse.input.cols"), min_value=1, max_value=MAX_SIZE, key="mse_cols", help=size_help)
base_x, base_y = ss["mse_base"]
if (rows, cols) != (len(base_x), len(base_x[0])):
    cur_x, cur_y = ss["mse_current"]
    load(resize(cur_x, rows, cols), resize(cur_y, rows, cols), set_shape=False)
    base_x, base_y = ss["mse_base"]

left, right = st.columns(2)
left.markdown(t("mse.input.x_label"))
right.markdown(t("mse.input.y_label"))
version = ss["mse_version"]
x = matrix_editor("X", base_x, key=f"mse_X_v{version}", container=left)
y = matrix_editor("Y", base_y, key=f"mse_Y_v{version}", container=right)
cur_x, cur_y = ss["mse_current"]
ss["mse_current"] = (cur_x if x is None else x, cur_y if y is None else y)

device = selected_device()
data = None
if x is not None and y is not None:
    try:
        data = analyse(as_tuple(x), as_tuple(y), device)
        ss["mse_last"] = (x, y)
        write_param("X", None if x == preset_x else encode_matrix(x))
        write_param("Y", None if y == preset_y else encode_matrix(y))
    except InputError as error:
        show_input_error(error)
last = ss.get("mse_last")
if last is None:
    st.info(t("mse.input.no_result"))
    st.stop()
input_ok = (x, y) == last
if not input_ok:
    st.info(t("error.kept_last"))
x, y = last
if not input_ok or data is None:
    data = analyse(as_tuple(x), as_tuple(y), device)

reduction = url_select(
    "reduction",
    t("mse.input.reduction"),
    REDUCTIONS,
    default="mean",
    widget="segmented",
    format_func=lambda r: f"'{r}'",
)
code(mse_code.setup(x, y, reduction))

# --- quiz mode: predict, then reveal (no questions while the input above is invalid) ---------------
lang = current_lang()
questions = mse_questions(x, y, data["reports"], reduction, lang) if input_ok and ss.get(QUIZ_KEY) else []
quiz(questions)
if questions:  # only in quiz mode
    worksheet_button(t("mse.quiz.ws_title"), worksheet_inputs(x, y, reduction, lang), questions, lang)
hidden = results_hidden(questions)
n, d = len(x), len(x[0])
question.markdown(t("mse.page.question_quiz") if hidden else mse_question(n, d, lang))

render = {
    "result": mse_tabs.loss,
    "grad": mse_tabs.gradient,
    "switch": mse_tabs.switching,
    "norms": mse_tabs.norms,
    "numpy": mse_tabs.numpy_by_hand,
    "autograd": mse_tabs.autograd_vs_backward,
    "legacy": mse_tabs.legacy_flags,
    "code": mse_tabs.reproduce,
}
tabs, opened = url_tabs("mse")
with tabs[opened]:  # only the open tab is drawn: opening another one reruns the page
    render[opened](data, x, y, reduction, hidden=hidden)
