"""Home: what Loss Lab teaches, one card per topic page, how to use it in class, what it runs on."""

import streamlit as st

from core.device import cpu_threads, device_label, resolve_device, torch_version
from ui.i18n import t
from ui.nav import topic_pages
from ui.sidebar import selected_device
from ui.streamlit_internals import leave_legacy_pages_mode

leave_legacy_pages_mode()  # see ui/streamlit_internals.py

st.title(t("app.title"))
st.markdown(t("home.intro"))

st.header(t("home.topics"))
cards = topic_pages()
if not cards:
    st.info(t("home.no_topics"))
for start in range(0, len(cards), 2):
    for column, page in zip(st.columns(2), cards[start : start + 2], strict=False):
        with column.container(border=True):
            st.page_link(page.script, label=t(page.title_key), icon=page.icon)
            st.markdown(t(page.question_key))

st.header(t("home.classroom"))
st.markdown(t("home.classroom_body"))

st.header(t("home.running_on"))
device = resolve_device(selected_device())
st.markdown(t("home.running_on_body", torch=torch_version(), device=device_label(device), threads=cpu_threads()))
