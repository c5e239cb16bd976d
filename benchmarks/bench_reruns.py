"""Server-side rerun time of each page after a widget change, against a one-`st.write` page.

Both run under Streamlit's AppTest in this process, warm; each rerun is timed whole (script plus
AppTest's harness, which the baseline pays too). Target: median ≤ 50 ms per page.

A server compiles each script once (its `Runtime` holds one `ScriptCache` for all sessions and
reruns); AppTest makes a new `ScriptCache` for every run, so it would recompile the router and the
page each time, a cost no server rerun pays. The harness here shares one cache, as the server does.
"""

from __future__ import annotations

import time

import streamlit.testing.v1.app_test as app_test
import streamlit.testing.v1.local_script_runner as local_script_runner
from common import ROOT, median_ms, print_table
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest

from ui.nav import PAGES

REPEATS = 25
_init = PagesManager.__init__


def _no_pages_directory(self, *args, **kwargs):  # see tests/conftest.py: AppTest re-detects pages/ each run
    _init(self, *args, **kwargs)
    PagesManager.uses_pages_directory = False


PagesManager.__init__ = _no_pages_directory
_server_script_cache = ScriptCache()
app_test.ScriptCache = local_script_runner.ScriptCache = lambda: _server_script_cache


def _run(at) -> float:
    """Run the app once under AppTest; the wall-clock seconds (the baseline pays the same harness)."""
    start = time.perf_counter()
    at.run()
    return time.perf_counter() - start


# The change each page is timed after: a widget of its open (first) tab, moved away from its default and
# back; only the reruns that land on the default state are timed, so each page is measured at its default.
INTERACTIONS: dict[str, tuple[str, str, object] | None] = {
    "": None,  # Home has no settings: a plain rerun
    "mse": ("button_group", "reduction", "sum"),
    "autograd": ("toggle", "ag_bw", False),
    "regression": ("number_input", "lr", 0.4),
    "softmax": ("slider", "T", 0.5),
}


def bench_baseline() -> list[float]:
    at = AppTest.from_string("import streamlit as st\nst.toggle('t', key='t')\nst.write('hello')").run()
    samples = []
    for i in range(2 * REPEATS + 2):
        at.toggle(key="t").set_value(i % 2 == 1)
        seconds = _run(at)
        if i >= 2 and i % 2 == 1:
            samples.append(seconds)
    return samples


def bench_page(info) -> tuple[str, list[float]]:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120).run()
    if not info.is_home:
        at.switch_page(info.script).run()
    interaction = INTERACTIONS[info.url_path]
    default = at.session_state[interaction[1]] if interaction else None
    samples = []
    for i in range(2 * REPEATS + 2):  # the first two fill the caches for both values
        if interaction is not None:
            kind, key, other = interaction
            getattr(at, kind)(key=key).set_value(other if i % 2 == 0 else default)
        seconds = _run(at)
        if i >= 2 and i % 2 == 1:  # back at the default state
            samples.append(seconds)
    return (f"{interaction[1]} → {interaction[2]} → back" if interaction else "(rerun)"), samples


def main() -> list[dict]:
    baseline = median_ms(bench_baseline())
    rows = [{"page": "baseline: one st.write", "widget changed": "t", "median ms": f"{baseline:.1f}", "ratio": "1.00"}]
    for info in PAGES:
        key, samples = bench_page(info)
        ms = median_ms(samples)
        rows.append(
            {
                "page": info.url_path or "home",
                "widget changed": key,
                "median ms": f"{ms:.1f}",
                "ratio": f"{ms / baseline:.2f}",
            }
        )
    print_table("Page rerun after a widget change, back to the page's default state (server side, warm, AppTest)", rows)
    return rows


if __name__ == "__main__":
    main()
