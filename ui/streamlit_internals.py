"""The one module that touches Streamlit's internals: nothing else in the app, the tests or the benchmarks does.

Checked against Streamlit `CHECKED_WITH` (pinned in requirements.txt). tests/ui/test_streamlit_internals.py
fails with a clear message when another version is installed: check each part below against its source,
then move `CHECKED_WITH`. Streamlit 1.67 has no public API for either job (see each part).

1. Leaving the legacy pages/ mode on a fresh server's first run. Before any `st.navigation` call, Streamlit
   sees the folder pages/ and runs a fresh server's first script run under its legacy menu, whose pages are
   the files in pages/ (this is why each topic page's file is named like its URL path: /mse runs
   pages/mse.py, with no "page not found"). That run is not ours: it has no sidebar and the legacy menu. So
   the router and every page call `leave_legacy_pages_mode()` first; on that one run it switches the legacy
   mode off and starts the run again for the page the browser asked for, now under our own `st.navigation`.
   AppTest re-detects the folder before every run, so tests and benchmarks switch the detection off with
   `no_pages_directory()`.
2. Altair to Vega-Lite exactly as `st.altair_chart` converts it (data as Arrow datasets), so that ui/chart.py
   can cache the converted spec and draw it with the public `st.vega_lite_chart`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import streamlit as st
from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner_utils.script_requests import RerunData
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

CHECKED_WITH = "1.67.0"


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


@contextmanager
def no_pages_directory() -> Iterator[None]:
    """While inside: every new `PagesManager` (AppTest makes one per run) forgets the folder pages/, as a real
    server does after `leave_legacy_pages_mode`, so AppTest runs the router and not the last page directly."""
    original_init = PagesManager.__init__

    def init(self: PagesManager, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init
    try:
        yield
    finally:
        PagesManager.__init__ = original_init


def altair_to_vega_lite(chart: Any) -> dict:
    """`chart` (anything with `to_dict()`) as the Vega-Lite spec `st.altair_chart` would send the browser."""
    return _convert_altair_to_vega_lite_spec(chart)
