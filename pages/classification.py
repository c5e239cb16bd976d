"""Softmax regression trained with cross-entropy: from one sample's logits to the decision regions."""

import streamlit as st

from ui.classification import tabs
from ui.classification.compute import run_for, sample_numbers
from ui.classification.inputs import NoUpload, Settings, read_settings, replay_controls
from ui.classification.quiz import classification_questions, worksheet_inputs
from ui.classroom import QUIZ_KEY, quiz, results_hidden, worksheet_button
from ui.i18n import current_lang, t
from ui.settings import last_valid
from ui.sidebar import selected_device
from ui.state import url_tabs
from ui.streamlit_internals import leave_legacy_pages_mode

leave_legacy_pages_mode()  # see ui/streamlit_internals.py

st.title(t("nav.classification"))
st.markdown(t("classification.page.intro"))
device = selected_device()


def build() -> tuple:
    settings: Settings = read_settings()
    return settings, run_for(settings.data, settings.config, device)


try:
    (settings, run), fresh = last_valid("classification", build)
except NoUpload:
    st.info(t("classification.data.upload_first"))
    st.stop()

tabs.show_warnings(settings, run)
step, sample = replay_controls(run.steps, settings.data.n)
numbers = sample_numbers(settings.data, settings.config, run, step, sample)

lang = current_lang()
quizzing = fresh and st.session_state.get(QUIZ_KEY)  # no questions about inputs the screen no longer shows
questions = classification_questions(numbers, settings.config, step, sample, lang) if quizzing else []
quiz(questions)
if questions:
    W, b = run.parameters(step)
    inputs = worksheet_inputs(numbers, W, b, settings.config, step, sample, lang)
    worksheet_button(t("classification.ws.title", step=step, i=sample), inputs, questions, lang)
hidden = results_hidden(questions)

containers, opened = url_tabs("classification")
with containers[opened]:  # only the open tab is drawn: opening another one reruns the page
    if opened == "regions":
        tabs.render_regions(settings, run, step, sample, hidden)
    elif opened == "curves":
        tabs.render_curves(settings, run, step)
    elif opened == "sample":
        tabs.render_sample(settings, run, step, sample, numbers, hidden)
    elif opened == "lessons":
        tabs.render_lessons(settings, device)
    else:
        tabs.render_code(settings)
