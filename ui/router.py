"""Leaving Streamlit's legacy pages/ mode on a fresh server's first run.

Before any `st.navigation` call, Streamlit sees the folder pages/ and runs a fresh server's first
script run under its legacy menu, whose pages are the files in pages/ (this is why each topic
page's file is named like its URL path: /mse runs pages/mse.py, with no "page not found"). That
run is not ours: it has no sidebar and the legacy menu. So the router and every page call
`leave_legacy_pages_mode()` first; on that one run it switches the legacy mode off and starts the
run again for the page the browser asked for, now under our own `st.navigation`.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner_utils.script_requests import RerunData
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx


def leave_legacy_pages_mode() -> None:
    """On the legacy first run only: rerun the requested page under our navigation."""
    if not PagesManager.uses_pages_directory:
        return
    PagesManager.uses_pages_directory = False
    ctx = get_script_run_ctx()
    if ctx is None:
        return
    # st.rerun() would rerun whatever page the legacy menu picked; ask for the URL's page by name
    ctx.script_requests.request_rerun(
        RerunData(
            query_string=ctx.query_string,
            page_name=ctx.pages_manager.intended_page_name or "",
            context_info=ctx.context_info,
        )
    )
    st.empty()  # a yield point: the runner sees the pending rerun here and starts it
    st.stop()
