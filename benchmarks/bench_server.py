"""Cold start and memory per session of the real server, driven by headless Chromium.

- cold start: `streamlit run` until the first page has settled in the browser, against a one-line
  app that imports torch (target ≤ 1.5×);
- memory: the server's resident memory with 1 idle session, then with 10 sessions that have each
  visited every page and opened every tab (target ≤ 60 MB per extra session);
- opening a tab: a page draws only its open tab, so opening another one reruns the page; the time
  from the click until that tab's content is on screen, against a two-tab app with one line per tab;
- the largest run the regression page allows (100,000 steps), opened from a link: until the progress
  bar shows, and until the page has settled with the run's first step drawn (target ≤ 30 s).
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

import psutil
from common import CHROMIUM, CHROMIUM_ARGS, SETTLED, StreamlitServer, print_table, settle
from playwright.sync_api import sync_playwright

from tests.e2e.test_regression_browser import LARGEST
from ui.i18n import translate
from ui.nav import PAGES

REPEATS = 3
SESSIONS = 10


def _rss_mb(pid: int) -> float:
    process = psutil.Process(pid)
    return (process.memory_info().rss + sum(c.memory_info().rss for c in process.children(True))) / 2**20


def _cold_start(browser, app_dir: Path | None) -> float:
    start = time.perf_counter()
    server = StreamlitServer(app_dir=app_dir)
    try:
        context = browser.new_context()
        page = context.new_page()
        page.goto(server.url)
        settle(page)
        elapsed = time.perf_counter() - start
        context.close()
    finally:
        server.stop()
    return elapsed


def bench_cold_start(browser) -> list[dict]:
    baseline_dir = Path(tempfile.mkdtemp(prefix="loss-lab-baseline-"))
    (baseline_dir / "streamlit_app.py").write_text(
        "import streamlit as st\nimport torch\nst.sidebar.write('x')\nst.write(torch.__version__)\n"
    )
    try:
        base = min(_cold_start(browser, baseline_dir) for _ in range(REPEATS))
        ours = min(_cold_start(browser, None) for _ in range(REPEATS))
    finally:
        shutil.rmtree(baseline_dir)
    return [
        {"what": "cold start, one-line app importing torch", "seconds": f"{base:.2f}", "ratio": "1.00"},
        {"what": "cold start, Loss Lab home", "seconds": f"{ours:.2f}", "ratio": f"{ours / base:.2f}"},
    ]


def _open_tab(page, label: str) -> float:
    """Click the tab `label`; the seconds until its content is on screen and the script has finished."""
    start = time.perf_counter()
    page.get_by_role("tab", name=label, exact=True).click()
    page.locator('[role="tabpanel"]:not([hidden]) [data-testid="stElementContainer"]').first.wait_for()
    page.wait_for_selector(SETTLED)
    return time.perf_counter() - start


def _visit_everything(page) -> None:
    """In one session (no reload): every page from the sidebar menu, and every tab of it."""
    for info in PAGES:
        page.locator('[data-testid="stSidebarNav"] a', has_text=translate(info.title_key, "en")).click()
        settle(page)
        for _, label_key in info.tabs[1:]:
            _open_tab(page, translate(label_key, "en"))
            settle(page)


def bench_memory(browser) -> list[dict]:
    server = StreamlitServer()
    contexts = []
    try:
        first = browser.new_context()
        page = first.new_page()
        page.goto(server.url)
        settle(page)
        contexts.append(first)
        time.sleep(1)
        idle = _rss_mb(server.process.pid)
        for _ in range(SESSIONS - 1):
            context = browser.new_context()
            page = context.new_page()
            page.goto(server.url)
            settle(page)
            _visit_everything(page)
            contexts.append(context)
        _visit_everything(first.pages[0])  # the first session visits everything too
        time.sleep(1)
        loaded = _rss_mb(server.process.pid)
    finally:
        for context in contexts:
            context.close()
        server.stop()
    per_session = (loaded - idle) / (SESSIONS - 1)
    return [
        {"what": "server RSS, 1 idle session", "MB": f"{idle:.0f}"},
        {"what": f"server RSS, {SESSIONS} sessions after every page and tab", "MB": f"{loaded:.0f}"},
        {"what": "per extra session", "MB": f"{per_session:.1f}"},
    ]


TAB_BASELINE = """import streamlit as st
st.sidebar.write("x")
one, two = st.tabs(["one", "two"], key="t", on_change="rerun")
with one if one.open else two:
    st.write("one" if one.open else "two")
"""


def _tab_times(browser, server: StreamlitServer, path: str, labels: list[str], rounds: int) -> list[float]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(f"{server.url}/{path}")
    settle(page)
    times = []
    for _ in range(rounds):
        for label in labels[1:] + labels[:1]:  # every tab once, ending on the first
            times.append(_open_tab(page, label))
            settle(page)
    context.close()
    return times


def bench_tab_switch(browser) -> list[dict]:
    baseline_dir = Path(tempfile.mkdtemp(prefix="loss-lab-tabs-"))
    (baseline_dir / "streamlit_app.py").write_text(TAB_BASELINE)
    try:
        server = StreamlitServer(app_dir=baseline_dir)
        try:
            base = statistics.median(_tab_times(browser, server, "", ["one", "two"], rounds=10))
        finally:
            server.stop()
    finally:
        shutil.rmtree(baseline_dir)
    rows = [{"page": "baseline: two tabs, one line each", "median ms": f"{1000 * base:.0f}", "ratio": "1.00"}]
    server = StreamlitServer()
    try:
        settle_first = browser.new_context()
        first = settle_first.new_page()
        first.goto(server.url)  # past the fresh server's legacy first run
        settle(first)
        settle_first.close()
        for info in PAGES:
            if not info.tabs:
                continue
            labels = [translate(key, "en") for _, key in info.tabs]
            _tab_times(browser, server, info.url_path, labels, rounds=1)  # warm the caches
            ms = 1000 * statistics.median(_tab_times(browser, server, info.url_path, labels, rounds=2))
            rows.append({"page": info.url_path, "median ms": f"{ms:.0f}", "ratio": f"{ms / (1000 * base):.2f}"})
    finally:
        server.stop()
    return rows


def bench_largest_run(browser) -> list[dict]:
    server = StreamlitServer()
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.goto(server.url)  # past the fresh server's legacy first run
        settle(page)
        start = time.perf_counter()
        page.goto(f"{server.url}/regression?{LARGEST}")
        page.locator('[data-testid="stProgress"]').wait_for(timeout=60_000)
        bar = time.perf_counter() - start
        settle(page, timeout=300_000)
        page.get_by_text("Step 1 of 100,000").first.wait_for()
        done = time.perf_counter() - start
        start = time.perf_counter()
        page.reload()  # the run is cached now: what every later visitor of this link gets
        settle(page)
        page.get_by_text("Step 1 of 100,000").first.wait_for()
        cached = time.perf_counter() - start
        context.close()
    finally:
        server.stop()
    met = f"≤ 30 s: {'met' if done <= 30 else 'MISSED'}"
    return [
        {"what": "largest run from a link: progress bar on screen", "seconds": f"{bar:.1f}", "target": ""},
        {"what": "largest run from a link: trained, page settled", "seconds": f"{done:.1f}", "target": met},
        {"what": "the same link again (run cached)", "seconds": f"{cached:.1f}", "target": ""},
    ]


def main() -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            print_table(
                "Cold start (streamlit run to first page settled in headless Chromium)", bench_cold_start(browser)
            )
            print_table("Memory per session", bench_memory(browser))
            print_table("Opening a tab: click to its content drawn (browser and server)", bench_tab_switch(browser))
            print_table("The regression page's largest allowed run, in the browser", bench_largest_run(browser))
        finally:
            browser.close()


if __name__ == "__main__":
    main()
