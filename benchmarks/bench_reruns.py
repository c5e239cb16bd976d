"""Server-side rerun time of each page after a widget change, against a one-`st.write` page.

Both run under Streamlit's AppTest in this process, warm; each rerun is timed whole (script plus
AppTest's harness, which the baseline pays too). Target: median ≤ 50 ms per page.

Two tables: a widget moved away and back to the page's default state (the target; whatever the page
caches is in the cache), and a widget moved to a value it has never had (the next step, another
temperature: every chart of the open tab is built and converted anew, as a student's new input is).

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

from tests.app.helpers import open_tab
from ui.nav import PAGES

REPEATS = 40
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


# The never-seen values each page is timed at: (URL parameters, tab code, widget kind, key, values).
NEW_VALUES: dict[str, tuple[dict[str, str], str | None, str, str, list]] = {
    "mse": ({"preset": "random"}, None, "number_input", "seed", list(range(1, 200))),
    "autograd": ({}, "modes", "number_input", "ag_k", list(range(3, 64))),
    "regression": ({"data": "synthetic"}, None, "slider", "step", list(range(5, 1000, 5))),
    "softmax": ({}, None, "slider", "T", [round(0.1 * k, 1) for k in range(2, 51) if k != 10]),
}


BASELINE = "import streamlit as st\nst.toggle('t', key='t')\nst.write('hello')"


class Bench:
    """One app under AppTest and the widget change it is timed after."""

    def __init__(self, name: str, at: AppTest, interaction: tuple[str, str, object] | None) -> None:
        self.name, self.at, self.interaction = name, at.run(), interaction
        self.default = self.at.session_state[interaction[1]] if interaction else None
        self.samples: list[float] = []

    def step(self, i: int) -> None:
        """Even steps move the widget away from its default, odd ones back; only those are kept."""
        if self.interaction is not None:
            kind, key, other = self.interaction
            getattr(self.at, kind)(key=key).set_value(other if i % 2 == 0 else self.default)
        seconds = _run(self.at)
        if i >= 2 and i % 2 == 1:  # the first two fill the caches for both values
            self.samples.append(seconds)


class NewValues:
    """One page under AppTest, rerun after each move of one widget to a value it has not had before."""

    def __init__(self, name: str, at: AppTest, kind: str, key: str, values: list) -> None:
        self.name, self.at, self.kind, self.key, self.values = name, at, kind, key, values
        self.samples: list[float] = []

    def step(self, i: int) -> None:
        getattr(self.at, self.kind)(key=self.key).set_value(self.values[i % len(self.values)])
        seconds = _run(self.at)
        if i >= 2:
            self.samples.append(seconds)


def _page(info) -> Bench:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120).run()
    if not info.is_home:
        at.switch_page(info.script)
    return Bench(info.url_path or "home", at, INTERACTIONS[info.url_path])


def main() -> list[dict]:
    baseline = Bench("baseline: one st.write", AppTest.from_string(BASELINE), ("toggle", "t", True))
    benches = [baseline, *(_page(info) for info in PAGES)]
    # round-robin: a slow spell of this shared machine hits every page and the baseline alike
    for i in range(2 * REPEATS + 2):
        for bench in benches:
            bench.step(i)
    base = median_ms(baseline.samples)
    rows = []
    for bench in benches:
        ms = median_ms(bench.samples)
        change = f"{bench.interaction[1]} → {bench.interaction[2]} → back" if bench.interaction else "(rerun)"
        rows.append(
            {"page": bench.name, "widget changed": change, "median ms": f"{ms:.1f}", "ratio": f"{ms / base:.2f}"}
        )
    print_table("Page rerun after a widget change, back to the page's default state (server side, warm, AppTest)", rows)
    return rows + new_values()


def new_values() -> list[dict]:
    benches = [NewValues("baseline: one st.write", AppTest.from_string(BASELINE).run(), "toggle", "t", [True, False])]
    for info in PAGES:
        if info.url_path not in NEW_VALUES:
            continue
        params, tab, kind, key, values = NEW_VALUES[info.url_path]
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
        at.query_params.update(params)
        at.run()
        at.switch_page(info.script).run()
        if tab is not None:
            open_tab(at, info.url_path, tab)
        benches.append(NewValues(info.url_path, at, kind, key, values))
    count = min(REPEATS + 2, *(len(b.values) for b in benches[1:]))
    for i in range(count):  # round-robin, as above; no page sees a value twice
        for bench in benches:
            bench.step(i)
    base = median_ms(benches[0].samples)
    rows = []
    for bench in benches:
        ms = median_ms(bench.samples)
        params = NEW_VALUES.get(bench.name, ({},))[0]
        where = " ".join(f"{k}={v}" for k, v in params.items())
        rows.append({
            "page": bench.name,
            "widget changed": f"{bench.key}: {count - 2} new values" + (f" (at {where})" if where else ""),
            "median ms": f"{ms:.1f}",
            "ratio": f"{ms / base:.2f}",
        })  # fmt: skip
    print_table("Page rerun after a widget change to a value not seen before (every chart of the tab built anew)", rows)
    return rows


if __name__ == "__main__":
    main()
