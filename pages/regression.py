"""Linear regression trained by mini-batch SGD, one `optimizer.step()` at a time."""

import streamlit as st

from core.errors import InputError
from ui import regression_step as step_view
from ui import regression_views as views
from ui.classroom import QUIZ_KEY, quiz, results_hidden, worksheet_button
from ui.errors import show_input_error
from ui.i18n import current_lang, t
from ui.regression_compute import config_key, step_limits, training_run
from ui.regression_inputs import DEFAULTS, NoUpload, data_settings, feature_scaling, training_settings
from ui.regression_quiz import regression_questions, worksheet_inputs
from ui.regression_stability import render_lr_check
from ui.sidebar import selected_device
from ui.state import url_tabs
from ui.streamlit_internals import leave_legacy_pages_mode

leave_legacy_pages_mode()  # see ui/streamlit_internals.py

st.title(t("nav.regression"))
st.markdown(t("regression.intro"))

bad_input = False
with st.expander(t("regression.settings"), expanded=True):
    data_column, train_column, model_column = st.columns(3, gap="medium")
    try:
        data = feature_scaling(data_column, data_settings(data_column))
        config = training_settings(train_column, model_column, data, DEFAULTS)
        run = training_run(data.key, data.X, data.y, config_key(config), selected_device())
    except NoUpload:
        st.info(t("regression.upload_first"))
        st.stop()
    except InputError as error:
        show_input_error(error)
        bad_input = True  # no questions about a run the inputs on screen no longer describe
        if "regression_last" not in st.session_state:
            st.stop()
        st.caption(t("error.kept_last"))  # a half-typed list must not blank the page in front of the class
        data, config, run = st.session_state["regression_last"]
    else:
        st.session_state["regression_last"] = (data, config, run)

render_lr_check(data, run, config, step_limits(data, config, run), quizzing=bool(st.session_state.get(QUIZ_KEY)))
if run.steps == 0:
    st.stop()

step = step_view.step_control(run)
lang = current_lang()
quizzing = not bad_input and st.session_state.get(QUIZ_KEY)
questions = regression_questions(data, run, config, step, lang) if quizzing else []
quiz(questions)
if questions:  # only in quiz mode
    worksheet_button(
        t("regression.ws_title", step=step + 1), worksheet_inputs(data, run, config, step, lang), questions, lang
    )
hidden = results_hidden(questions)  # once: one note, then each tab leaves out what the questions ask about
tabs, opened = url_tabs("regression")
with tabs[opened]:  # only the open tab is drawn: opening another one reruns the page
    if opened == "step":
        step_view.render_step(data, run, config, step, hidden)
    elif opened == "curves":
        views.render_curves(data, run, config, step, hidden)
    elif opened == "regimes":
        views.render_regimes(data, run, config, selected_device())
    else:
        views.render_result(data, run, config, hidden, asked_last=step == run.steps - 1)
