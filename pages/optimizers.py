"""Optimizers: SGD, momentum, Nesterov, RMSprop, Adam and AdamW on the same batches, every update written out."""

import streamlit as st

from ui.classroom import QUIZ_KEY, quiz, results_hidden, worksheet_button
from ui.i18n import current_lang, t
from ui.numbers import count
from ui.optimizers import tabs
from ui.optimizers.compute import config_key, optimizer_run, optimum
from ui.optimizers.inputs import NoUpload, Settings, lesson_setting, optimizer_label, settings
from ui.optimizers.lessons import lesson_sentence
from ui.optimizers.quiz import optimizer_questions, worksheet_inputs
from ui.settings import last_valid
from ui.sidebar import selected_device
from ui.state import url_tabs
from ui.streamlit_internals import leave_legacy_pages_mode

leave_legacy_pages_mode()  # see ui/streamlit_internals.py

st.title(t("nav.optimizers"))
st.markdown(t("optimizers.page.intro"))


def read_settings() -> Settings:
    try:
        return settings(st.columns(2, gap="medium"), st.container(), lesson)
    except NoUpload:
        st.info(t("optimizers.page.upload_first"))
        st.stop()


lesson = lesson_setting(st)
with st.expander(t("optimizers.page.settings"), expanded=True):
    chosen, fresh = last_valid("optimizers", read_settings)  # a bad value keeps the last runs on screen

device, data = selected_device(), chosen.data
runs = {
    c.optimizer: optimizer_run(data.key, data.X, data.y, config_key(c), device, optimizer_label(c.optimizer))
    for c in chosen.configs
}
best = optimum(data.key, data.X, data.y)

for name, run in runs.items():
    if run.diverged_step is not None:
        st.warning(t("optimizers.warn.diverged", name=optimizer_label(name), step=count(run.diverged_step + 1)))

step = tabs.step_control(runs)
lang = current_lang()
quizzing = fresh and st.session_state.get(QUIZ_KEY)  # no questions about runs the inputs no longer describe
questions = optimizer_questions(chosen, runs, best[1], step, lang) if quizzing else []
quiz(questions)
if questions:
    worksheet_button(t("optimizers.page.ws_title", step=step + 1), worksheet_inputs(chosen, step), questions, lang)
hidden = results_hidden(questions)
if not hidden and (sentence := lesson_sentence(chosen, runs, best, device)):  # it would answer the quiz
    st.info(sentence, icon=":material/school:")
page_tabs, opened = url_tabs("optimizers")
with page_tabs[opened]:  # only the open tab is drawn: opening another one reruns the page
    if opened == "race":
        tabs.render_race(chosen, runs, best, hidden)
    elif opened == "update":
        tabs.render_update(chosen, runs, step, hidden)
    else:
        tabs.render_code(chosen)
