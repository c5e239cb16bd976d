"""Softmax, its Jacobian, and cross-entropy: every number of F.softmax, its backward and F.cross_entropy."""

import streamlit as st

from ui.classroom import QUIZ_KEY, quiz, results_hidden, worksheet_button
from ui.i18n import current_lang, t
from ui.settings import last_valid
from ui.sidebar import selected_device
from ui.softmax import compute, inputs, tabs
from ui.softmax.quiz import page_questions, worksheet_inputs
from ui.state import url_tabs
from ui.streamlit_internals import leave_legacy_pages_mode

leave_legacy_pages_mode()  # see ui/streamlit_internals.py

st.title(t("nav.softmax"))
st.markdown(t("softmax.page.intro"))

typed = inputs.controls()  # logits (as typed), temperature and target class: all of them live in the URL
logits, fresh = last_valid("softmax_logits", typed.logits, fallback=inputs.default_logits)
settings = inputs.Settings(logits, typed.T, typed.target, selected_device())
results = compute.results(settings)
if not fresh:  # below the error and "kept the last valid result": which logits the page shows
    st.caption(t("softmax.input.using", logits=inputs.shown_logits(logits)))

# Quiz mode: questions on the current numbers (none while the logits box is invalid), and the results they
# ask about (probabilities, Jacobian, vᵀJ, loss and gradient) hidden until every question has been revealed.
lang = current_lang()
quizzing = fresh and st.session_state.get(QUIZ_KEY)
questions = page_questions(settings, results, lang) if quizzing else []
quiz(questions)
if questions:  # only in quiz mode
    worksheet_button(t("softmax.quiz.worksheet_title"), worksheet_inputs(settings, lang), questions, lang)
hidden = results_hidden(questions)

tab_bar, opened = url_tabs("softmax")
with tab_bar[opened]:  # only the open tab is drawn: opening another one reruns the page
    if opened == "vjp":
        st.markdown(t("softmax.vjp.intro"))
    upstream = inputs.upstream(settings, draw=opened == "vjp")  # read on every tab: the script uses it
    if opened == "probs":
        tabs.probabilities(settings, results, hidden)
    elif opened == "jacobian":
        tabs.jacobian(settings, results, hidden)
    elif opened == "vjp":
        tabs.vector_jacobian(settings, results, upstream, hidden)
    elif opened == "ce":
        tabs.cross_entropy(settings, results, hidden)
    elif opened == "stability":
        tabs.stability(settings, results, hidden)
    else:
        tabs.reproduce(settings, upstream)
