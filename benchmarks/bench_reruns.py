"""Server-side rerun time of each page after a widget change, against a one-`st.write` page.

Both run under Streamlit's AppTest in this process, warm; each rerun is timed whole (script plus
AppTest's harness, which the baseline pays too). Target: median ≤ 50 ms per page.
"""

from __future__ import annotations

import time

from common import ROOT, median_ms, print_table
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from ui.nav import PAGES
from ui.state import SPECS_KEY

REPEATS = 15
_init = PagesManager.__init__


def _no_pages_directory(self, *args, **kwargs):  # see tests/conftest.py: AppTest re-detects pages/ each run
    _init(self, *args, **kwargs)
    PagesManager.uses_pages_directory = False


PagesManager.__init__ = _no_pages_directory


def _run(at) -> float:
    """Run the app once under AppTest; the wall-clock seconds (the baseline pays the same harness)."""
    start = time.perf_counter()
    at.run()
    return time.perf_counter() - start


def _toggling_widget(at):
    """A page widget (not the sidebar's) and two values to alternate between."""
    for key, spec in at.session_state[SPECS_KEY].items():
        if key in ("lang", "device", "present", "quiz"):
            continue
        for kind in ("selectbox", "radio", "button_group", "toggle", "number_input", "slider"):
            for widget in getattr(at, kind):
                if widget.key != key or widget.disabled:
                    continue
                if spec[0] == "select" and len(spec[1]) > 1:
                    return widget, (spec[1][1], spec[1][0])
                if spec[0] == "toggle":
                    return widget, (not widget.value, widget.value)
                if spec[0] == "number" and widget.value is not None:
                    other = spec[1] if widget.value != spec[1] else spec[2]
                    return widget, (other, widget.value)
    return None, ()


def bench_baseline() -> list[float]:
    at = AppTest.from_string("import streamlit as st\nst.toggle('t', key='t')\nst.write('hello')").run()
    samples = []
    for i in range(REPEATS):
        at.toggle(key="t").set_value(i % 2 == 0)
        samples.append(_run(at))
    return samples


def bench_page(info) -> tuple[str, list[float]]:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120).run()
    if not info.is_home:
        at.switch_page(info.script).run()
    widget, values = _toggling_widget(at)
    samples = []
    for i in range(REPEATS + 2):
        if widget is not None:
            key = widget.key
            widget = next(
                w
                for k in ("selectbox", "radio", "button_group", "toggle", "number_input", "slider")
                for w in getattr(at, k)
                if w.key == key
            )
            widget.set_value(values[i % 2])
        seconds = _run(at)
        if i >= 2:  # the first two fill the caches for both values
            samples.append(seconds)
    return (widget.key if widget is not None else "(rerun)"), samples


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
    print_table("Page rerun after a widget change (server side, warm, AppTest)", rows)
    return rows


if __name__ == "__main__":
    main()
