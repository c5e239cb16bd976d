"""Linear regression trained by mini-batch SGD, one `optimizer.step()` at a time."""

import streamlit as st

from ui.classroom import QUIZ_KEY, quiz, results_hidden, worksheet_button
from ui.i18n import current_lang, t
from ui.regression.compute import Run, step_limits, trained
from ui.regression.inputs import Settings, read_settings
from ui.regression.quiz import regression_questions, worksheet_inputs
from ui.regression.stability import render_lr_check
from ui.regression.tabs import TABS, step_control
from ui.settings import last_valid
from ui.sidebar import selected_device
from ui.state import url_tabs
from ui.streamlit_internals import leave_legacy_pages_mode

leave_legacy_pages_mode()  # see ui/streamlit_internals.py


def settings_and_run() -> tuple[Settings, Run]:
    settings = read_settings()
    return settings, trained(settings.data, settings.config, selected_device())


st.title(t("nav.regression"))
st.markdown(t("regression.page.intro"))

with st.expander(t("regression.page.settings"), expanded=True):
    # a half-typed list must not blank the page in front of the class: the last valid run stays
    (settings, run), fresh = last_valid("regression", settings_and_run)
data, config = settings.data, settings.config

render_lr_check(data, run, config, step_limits(data, config, run), quizzing=bool(st.session_state.get(QUIZ_KEY)))
if run.steps == 0:
    st.stop()

step = step_control(run)
lang = current_lang()
quizzing = fresh and st.session_state.get(QUIZ_KEY)  # no questions about a run the inputs no longer describe
questions = regression_questions(data, run, config, step, lang) if quizzing else []
quiz(questions)
if questions:  # only in quiz mode
    worksheet_button(
        t("regression.quiz.ws_title", step=step + 1), worksheet_inputs(data, run, config, step, lang), questions, lang
    )
hidden = results_hidden(questions)  # once: one note, then each tab leaves out what the questions ask about
tabs, opened = url_tabs("regression")
with tabs[opened]:  # only the open tab is drawn: opening another one reruns the page
    TABS[opened](settings, run, step, hidden)
