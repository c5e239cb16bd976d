"""Loss Lab's router: the shared sidebar, then the page the user picked."""

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from ui.i18n import t
from ui.nav import PAGES
from ui.sidebar import render_sidebar

if PagesManager.uses_pages_directory:
    # On a fresh server Streamlit decides, before any st.navigation call, that a folder named
    # pages/ means the legacy auto-discovered menu, and runs this first run under it (the sidebar
    # would list file names). Switch that off and start the run again under our own navigation.
    PagesManager.uses_pages_directory = False
    # That first run also told the browser the page was not found and sent it to Home: remember the
    # page the link asked for, so a shared deep link still opens its page on a freshly started server.
    st.session_state["_deep_link"] = (st.context.url or "").rstrip("/").rsplit("/", 1)[-1]
    st.rerun()

st.set_page_config(page_title="Loss Lab", page_icon="📉", layout="wide")
render_sidebar()
pages = [st.Page(p.script, title=t(p.title_key), icon=p.icon, url_path=p.url_path, default=p.is_home) for p in PAGES]
navigation = st.navigation(pages)
deep_link = st.session_state.pop("_deep_link", "")
if deep_link and navigation.url_path != deep_link:
    for page in pages:
        if page.url_path == deep_link:
            st.switch_page(page, query_params=st.query_params.to_dict())
navigation.run()
