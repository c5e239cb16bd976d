"""Real-browser fixtures: `streamlit run` on a free localhost port, driven by Playwright + Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SETTLED = '[data-testid="stApp"][data-test-script-state="notRunning"]'
GRAPHVIZ = '[data-testid="stGraphVizChart"] svg'


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class StreamlitServer:
    """A `streamlit run streamlit_app.py` process on a free loopback port."""

    def __init__(self, app_dir: Path | None = None) -> None:
        """Serve `app_dir`/streamlit_app.py (this project's by default)."""
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "streamlit_app.py",
            "--server.port",
            str(self.port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--server.fileWatcherType",
            "none",
            "--browser.gatherUsageStats",
            "false",
            # the tests must see exceptions that viewers are spared
            "--client.showErrorDetails",
            "full",
        ]
        self.log = (ROOT / "artifacts").joinpath(f"streamlit-{self.port}.log")
        self.log.parent.mkdir(exist_ok=True)
        self.process = subprocess.Popen(
            command, cwd=app_dir or ROOT, stdout=self.log.open("w"), stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited: {self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("streamlit did not become healthy in 90 s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _browser_or_reason():
    if not CHROMIUM.exists():
        return None, f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        return None, f"playwright is not installed: {error}"
    return sync_playwright, None


@pytest.fixture(scope="session")
def browser():
    sync_playwright, reason = _browser_or_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run under CI: {reason}")
        pytest.skip(reason)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def server(browser) -> Iterator[StreamlitServer]:
    server = StreamlitServer()
    # A fresh server's first run goes through Streamlit's legacy pages/ menu, which cannot resolve a deep
    # link (test_fresh_server_deep_link_shows_exactly_our_pages tests that case on its own server): open
    # Home once, so the other tests do not depend on which of them happens to run first.
    context = browser.new_context()
    Watched(context.new_page(), server.url).goto("")
    context.close()
    yield server
    server.stop()


class Watched:
    """A browser page that records console errors and can wait for Streamlit to settle."""

    def __init__(self, page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.console_errors: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.console_errors.append(f"pageerror: {error}"))

    def _on_console(self, message) -> None:
        if message.type != "error":
            return
        location = (message.location or {}).get("url", "")
        # Streamlit's own health/host-config probes may log while the server warms up
        if "/_stcore/" in location or "/_stcore/" in message.text:
            return
        self.console_errors.append(f"{message.text} @ {location}")

    def goto(self, path: str = "") -> None:
        self.page.goto(f"{self.base_url}/{path.lstrip('/')}")
        self.settle()

    def settle(self, timeout: float = 60_000) -> None:
        """Wait until the script has finished running and stayed finished for a moment."""
        self.page.wait_for_selector('[data-testid="stSidebar"]', timeout=timeout)
        for _ in range(3):
            self.page.wait_for_selector(SETTLED, timeout=timeout)
            self.page.wait_for_timeout(400)
            if self.page.locator(SETTLED).count():
                break

    def open_tab(self, label: str) -> None:
        """Click the tab named `label` and wait for its content: a page draws only its open tab, so
        opening one reruns the page."""
        self.page.get_by_role("tab", name=label, exact=True).click()
        self.settle()
        panel = self.page.locator('[role="tabpanel"]:not([hidden])')
        panel.locator('[data-testid="stElementContainer"]').first.wait_for(timeout=30_000)

    def exceptions(self) -> list[str]:
        return self.page.locator('[data-testid="stException"]').all_inner_texts()

    def nav_titles(self) -> list[str]:
        return [
            # the label span only: a page's material icon is a span whose text is the icon's name
            s.strip()
            for s in self.page.locator('[data-testid="stSidebarNav"] a span[label]').all_inner_texts()
            if s.strip()
        ]

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def assert_clean(self) -> None:
        assert not self.exceptions(), self.exceptions()
        assert not self.console_errors, self.console_errors


@pytest.fixture
def app(browser, server) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    watched = Watched(context.new_page(), server.url)
    yield watched
    context.close()


@pytest.fixture
def graph_text(app) -> Callable[[], str]:
    """Reads the text of the page's first Graphviz graph once it is drawn (call it again after a change)."""

    def read() -> str:
        app.page.wait_for_selector(GRAPHVIZ, timeout=30_000)
        return app.page.locator(GRAPHVIZ).first.text_content() or ""

    return read
