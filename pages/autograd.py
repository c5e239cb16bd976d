"""Autograd: the real grad_fn graph of a small expression, the chain rule on it, forward vs reverse mode,
the classic mistakes with PyTorch's own messages, and what the optimizer reads from `.grad`."""

import streamlit as st

from core.errors import InputError
from ui.autograd.compute import cached_chain_rule, cached_graph, cached_optimizer
from ui.autograd.inputs import PRESETS, optimizer_given, optimizer_settings, preset_label, read_inputs
from ui.autograd.latex import live_formula
from ui.autograd.quiz import autograd_questions, worksheet_inputs
from ui.autograd.tabs import show_chain_rule, show_code, show_graph, show_modes, show_optimizer, show_pitfalls
from ui.classroom import PRESENT_KEY, QUIZ_KEY, Question, quiz, results_hidden, worksheet_button
from ui.errors import show_input_error
from ui.i18n import current_lang, t
from ui.sidebar import selected_device
from ui.state import HIDE_PARAM, TAB_PARAM, url_select, url_tabs, url_toggle
from ui.streamlit_internals import leave_legacy_pages_mode

leave_legacy_pages_mode()  # see ui/streamlit_internals.py

# URL keys that are not the preset's numbers: a link with numbers opens the number editor
SETTING_KEYS = {"lang", "device", "ag_p", "ag_bw", "ag_k", "ag_lr", "ag_ow", "ag_plr"}
SETTING_KEYS |= {PRESENT_KEY, QUIZ_KEY, HIDE_PARAM, TAB_PARAM}


def questions_for(preset: str, values: tuple, lr: float, only_w: bool, device: str) -> list[Question]:
    """The quiz on the current expression, from the same cached results the tabs display; none on bad input."""
    try:
        return autograd_questions(
            preset,
            values,
            lr,
            cached_graph(preset, values, True, device),
            cached_chain_rule(preset, values, device),
            cached_optimizer(preset, values, lr, optimizer_given(preset, only_w), device),
            current_lang(),
        )
    except InputError:
        return []  # the tabs show the error


st.title(t("autograd.title"))
st.markdown(t("autograd.intro"))
device = selected_device()
preset = url_select("ag_p", t("autograd.preset"), PRESETS, format_func=preset_label, widget="segmented")
# a link with its own numbers opens them, so a warning about a bad one is not hidden; closed, the numbers are
# not drawn (opening the editor reruns the page) but read from the URL
editor = st.expander(
    t("autograd.edit_numbers"),
    expanded=any(k not in SETTING_KEYS for k in st.query_params),
    key="ag_edit",
    on_change="rerun",
)
values = read_inputs(preset, editor)
st.latex(live_formula(preset, values))
quiz_box = st.container()  # above the tabs; filled once the optimizer tab's settings (lr) are read

tabs, opened = url_tabs("autograd")
tab = tabs[opened]  # only the open tab is drawn: opening another one reruns the page
lr, only_w = optimizer_settings(preset, tab if opened == "optim" else None)
questions = questions_for(preset, values, lr, only_w, device) if st.session_state.get(QUIZ_KEY) else []
with quiz_box:
    quiz(questions)
    if questions:
        lang = current_lang()
        worksheet_button(t("autograd.worksheet_title"), worksheet_inputs(preset, values, lr, lang), questions, lang)
    hidden = results_hidden(questions)
with tab:
    if opened == "modes":
        show_modes(preset, values, device, hidden)
    elif opened == "pitfalls":
        show_pitfalls()
    else:
        if opened == "graph":
            backward = url_toggle(
                "ag_bw", t("autograd.run_backward"), default=True, help=t("autograd.run_backward_help")
            )
        try:
            if opened == "graph":
                show_graph(preset, values, backward, device, hidden)
            elif opened == "chain":
                show_chain_rule(preset, values, device, hidden)
            elif opened == "optim":
                show_optimizer(preset, values, lr, only_w, device, hidden)
            else:
                show_code(preset, values)
        except InputError as error:
            show_input_error(error)
