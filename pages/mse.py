"""MSE reductions, opened up: what `nn.MSELoss` computes for each `reduction`, and what lands in `.grad`."""

import streamlit as st

from ui.classroom import QUIZ_KEY, quiz, results_hidden, worksheet_button
from ui.code import code
from ui.i18n import current_lang, t
from ui.mse import inputs
from ui.mse.code import setup
from ui.mse.compute import analyse
from ui.mse.formulas import mse_question
from ui.mse.quiz import mse_questions, worksheet_inputs
from ui.mse.tabs import TABS
from ui.settings import last_valid
from ui.sidebar import selected_device
from ui.state import url_tabs
from ui.streamlit_internals import leave_legacy_pages_mode

leave_legacy_pages_mode()  # see ui/streamlit_internals.py

st.title(t("mse.page.title"))
question = st.empty()  # its n·d is known once the matrices are read, and it is an answer in quiz mode
st.caption(t("mse.page.intro"))

device = selected_device()
pair, fresh = last_valid("mse", lambda: inputs.matrices(device), fallback=inputs.nothing_to_show)
settings = inputs.settings(pair, device)
data = analyse(settings.x, settings.y, settings.device)
x, y = settings.lists()
code(setup(x, y, settings.reduction))

lang = current_lang()
quizzing = fresh and st.session_state.get(QUIZ_KEY)  # no questions about matrices no longer on screen
questions = mse_questions(x, y, data["reports"], settings.reduction, lang) if quizzing else []
quiz(questions)
if questions:  # only in quiz mode
    worksheet_button(t("mse.quiz.ws_title"), worksheet_inputs(x, y, settings.reduction, lang), questions, lang)
hidden = results_hidden(questions)
question.markdown(t("mse.page.question_quiz") if hidden else mse_question(settings.n, settings.d, lang))

tabs, opened = url_tabs("mse")
with tabs[opened]:  # only the open tab is drawn: opening another one reruns the page
    TABS[opened](settings, data, hidden=hidden)
