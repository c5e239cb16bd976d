"""Autograd: the real grad_fn graph of a small expression, the chain rule on it, forward vs reverse mode,
the classic mistakes with PyTorch's own messages, and what the optimizer reads from `.grad`."""

import streamlit as st

from ui.autograd import compute
from ui.autograd import tabs as views
from ui.autograd.inputs import read_settings
from ui.autograd.quiz import autograd_questions, worksheet_inputs
from ui.classroom import QUIZ_KEY, quiz, results_hidden, worksheet_button
from ui.i18n import current_lang, t
from ui.settings import last_valid
from ui.sidebar import selected_device
from ui.state import url_tabs
from ui.streamlit_internals import leave_legacy_pages_mode

leave_legacy_pages_mode()  # see ui/streamlit_internals.py

# the tabs drawn from the expression's results; the others do not depend on its numbers (an overflow there
# is no error) and the code tab's script runs with any numbers
RESULT_TABS = {"graph", "chain", "optim"}

st.title(t("autograd.page.title"))
st.markdown(t("autograd.page.intro"))
device = selected_device()
settings_box, quiz_box = st.container(), st.container()  # above the tabs, drawn once the open tab's settings are read
tabs, opened = url_tabs("autograd")
tab = tabs[opened]  # only the open tab is drawn: opening another one reruns the page
settings = read_settings(settings_box, tab, opened)

quizzing = bool(st.session_state.get(QUIZ_KEY))
results, fresh = None, False
if quizzing or opened in RESULT_TABS:
    with tab:  # a bad number's message where its results would be; with no valid result yet, the page stops
        results, fresh = last_valid("autograd", lambda: compute.results(settings, device))

lang = current_lang()
questions = autograd_questions(results, lang) if quizzing and fresh else []  # none on numbers no longer shown
with quiz_box:
    quiz(questions)
    if questions:
        worksheet_button(t("autograd.quiz.worksheet_title"), worksheet_inputs(settings, lang), questions, lang)
    hidden = results_hidden(questions)

with tab:
    if opened == "graph":
        views.show_graph(results, settings.backward, hidden)
    elif opened == "chain":
        views.show_chain_rule(results, hidden)
    elif opened == "optim":
        views.show_optimizer(results, hidden)
    elif opened == "modes":
        views.show_modes(settings, device, hidden)
    elif opened == "pitfalls":
        views.show_pitfalls()
    else:
        views.show_code(settings)
