"""Loss Lab's router: the shared sidebar, then the page the user picked."""

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from ui.i18n import t
from ui.nav import PAGES
from ui.sidebar import render_sidebar, render_sidebar_footer
from ui.state import begin_run

if PagesManager.uses_pages_directory:
    # On a fresh server Streamlit decides, before any st.navigation call, that a folder named
    # pages/ means the legacy auto-discovered menu, and runs this first run under it (the sidebar
    # would list file names). Switch that off and start the run again under our own navigation.
    PagesManager.uses_pages_directory = False
    st.rerun()

st.set_page_config(page_title="Loss Lab", page_icon="📉", layout="wide")
begin_run()
render_sidebar()
pages = [st.Page(p.script, title=t(p.title_key), icon=p.icon, url_path=p.url_path, default=p.is_home) for p in PAGES]
try:
    st.navigation(pages).run()
finally:  # also after a page's st.stop(), so the share panel is always there
    render_sidebar_footer()
