"""Loss Lab's router: the shared sidebar, then the page the user picked."""

import streamlit as st

from ui import a11y
from ui.i18n import t
from ui.nav import PAGES
from ui.server_process import freeze_new_imports, prepare_server_process
from ui.sidebar import render_sidebar, render_sidebar_footer
from ui.state import begin_run
from ui.streamlit_internals import leave_legacy_pages_mode

prepare_server_process()  # once per process: see ui/server_process.py
leave_legacy_pages_mode()
st.set_page_config(page_title="Loss Lab", page_icon="📉", layout="wide")
begin_run()
render_sidebar()
a11y.inject()  # after the sidebar: its labels are in the language the sidebar just read
pages = [st.Page(p.script, title=t(p.title_key), icon=p.icon, url_path=p.url_path, default=p.is_home) for p in PAGES]
try:
    st.navigation(pages).run()
finally:  # also after a page's st.stop(), so the share panel is always there
    render_sidebar_footer()
    freeze_new_imports()
