"""Loss Lab's router: the shared sidebar, then the page the user picked."""

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner_utils.script_requests import RerunData
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from ui.i18n import t
from ui.nav import PAGES
from ui.sidebar import render_sidebar, render_sidebar_footer
from ui.state import begin_run

if PagesManager.uses_pages_directory:
    # On a fresh server Streamlit decides, before any st.navigation call, that a folder named
    # pages/ means the legacy auto-discovered menu, and runs this first run under it (the sidebar
    # would list file names). Switch that off and start the run again under our own navigation.
    # st.rerun() would rerun the page that legacy menu picked (its main page, since it knows no
    # url_path like "mse"), so ask for the page the browser asked for, by its URL path.
    PagesManager.uses_pages_directory = False
    ctx = get_script_run_ctx()
    ctx.script_requests.request_rerun(
        RerunData(
            query_string=ctx.query_string,
            page_name=ctx.pages_manager.intended_page_name or "",
            context_info=ctx.context_info,
        )
    )
    st.empty()  # a yield point: the runner sees the pending rerun here and starts it

st.set_page_config(page_title="Loss Lab", page_icon="📉", layout="wide")
begin_run()
render_sidebar()
pages = [st.Page(p.script, title=t(p.title_key), icon=p.icon, url_path=p.url_path, default=p.is_home) for p in PAGES]
try:
    st.navigation(pages).run()
finally:  # also after a page's st.stop(), so the share panel is always there
    render_sidebar_footer()
