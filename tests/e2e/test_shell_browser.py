"""The app in a real browser: every page in both languages, the sidebar, URL state."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import StreamlitServer, Watched
from ui.i18n import translate
from ui.nav import PAGES

pytestmark = pytest.mark.e2e


def _titles(lang: str) -> list[str]:
    # Streamlit draws the menu only when there is more than one page
    return [translate(p.title_key, lang) for p in PAGES] if len(PAGES) > 1 else []


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", PAGES, ids=[p.url_path or "home" for p in PAGES])
def test_page_renders_in_the_browser(app, page, lang):
    app.goto(f"{page.url_path}?lang={lang}")
    app.assert_clean()
    assert app.nav_titles() == _titles(lang)
    assert app.page.locator("h1").first.inner_text().strip()
    app.screenshot(f"{page.url_path or 'home'}-{lang}")


def test_fresh_server_deep_link_shows_exactly_our_pages(browser):
    server = StreamlitServer()
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        app = Watched(context.new_page(), server.url)
        target = PAGES[-1]
        app.goto(f"{target.url_path}?lang=zh")
        # The very first run on a fresh server is resolved against Streamlit's legacy pages/ menu, which
        # tells the browser "page not found" before the router runs; the router then reopens the linked
        # page (streamlit_app.py). That one message is expected here; any other is a failure.
        app.console_errors = [e for e in app.console_errors if "does not seem to exist" not in e]
        app.assert_clean()
        assert app.nav_titles() == _titles("zh")
        assert app.page.locator("h1").first.inner_text().strip() == translate(target.title_key, "zh")
        assert f"/{target.url_path}?" in app.page.url and "lang=zh" in app.page.url
        context.close()
    finally:
        server.stop()


def test_language_choice_goes_into_the_url_and_survives_page_switches(app):
    app.goto("")
    app.page.locator('[data-testid="stSidebar"]').get_by_text("简体中文", exact=True).click()
    app.settle()
    assert re.search(r"[?&]lang=zh\b", app.page.url)
    assert app.nav_titles() == _titles("zh")
    for page in PAGES[1:]:
        app.page.locator('[data-testid="stSidebarNav"] a', has_text=translate(page.title_key, "zh")).click()
        app.settle()
        assert re.search(r"[?&]lang=zh\b", app.page.url), app.page.url
        assert app.nav_titles() == _titles("zh")
    app.assert_clean()


def test_hostile_parameter_is_shown_as_text_with_a_warning(app):
    app.goto("?lang=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    assert app.page.locator("img[src='x']").count() == 0
    warning = app.page.locator('[data-testid="stAlertContentWarning"]').first.inner_text()
    assert "<img src=x onerror=alert(1)>" in warning
    app.assert_clean()
