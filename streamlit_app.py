"""Loss Lab's router: the shared sidebar, then the page the user picked."""

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from ui.i18n import t
from ui.nav import PAGES
from ui.sidebar import render_sidebar

if PagesManager.uses_pages_directory:
    # On a fresh server Streamlit decides, before any st.navigation call, that a folder named
    # pages/ means the legacy auto-discovered menu, and runs this first run under it (the sidebar
    # would list file names). Switch that off and start the run again under our own navigation.
    PagesManager.uses_pages_directory = False
    # Keep the page this run was asked for (a page switch, or AppTest's switch_page, which meets this
    # branch on every run): the legacy menu could not resolve it and fell back to the main script.
    ctx = get_script_run_ctx()
    if ctx is not None and ctx.pages_manager.intended_page_script_hash:
        ctx.pages_manager.set_current_page_script_hash(ctx.pages_manager.intended_page_script_hash)
    st.rerun()

st.set_page_config(page_title="Loss Lab", page_icon="📉", layout="wide")
render_sidebar()
pages = [st.Page(p.script, title=t(p.title_key), icon=p.icon, url_path=p.url_path, default=p.is_home) for p in PAGES]
st.navigation(pages).run()
