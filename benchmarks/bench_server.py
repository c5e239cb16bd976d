"""Cold start and memory per session of the real server, driven by headless Chromium.

- cold start: `streamlit run` until the first page has settled in the browser, against a one-line
  app that imports torch (target ≤ 1.5×);
- memory: the server's resident memory with 1 idle session, then with 10 sessions that have each
  visited every page (target ≤ 60 MB per extra session).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import psutil
from common import CHROMIUM, CHROMIUM_ARGS, StreamlitServer, print_table, settle
from playwright.sync_api import sync_playwright

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
            for info in PAGES:
                page.goto(f"{server.url}/{info.url_path}")
                settle(page)
            contexts.append(context)
        # the first session visits every page too
        page = first.pages[0]
        for info in PAGES:
            page.goto(f"{server.url}/{info.url_path}")
            settle(page)
        time.sleep(1)
        loaded = _rss_mb(server.process.pid)
    finally:
        for context in contexts:
            context.close()
        server.stop()
    per_session = (loaded - idle) / (SESSIONS - 1)
    return [
        {"what": "server RSS, 1 idle session", "MB": f"{idle:.0f}"},
        {"what": f"server RSS, {SESSIONS} sessions after every page", "MB": f"{loaded:.0f}"},
        {"what": "per extra session", "MB": f"{per_session:.1f}"},
    ]


def main() -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            print_table(
                "Cold start (streamlit run to first page settled in headless Chromium)", bench_cold_start(browser)
            )
            print_table("Memory per session", bench_memory(browser))
        finally:
            browser.close()


if __name__ == "__main__":
    main()
