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


@pytest.mark.parametrize("page", PAGES[1:], ids=[p.url_path for p in PAGES[1:]])
def test_fresh_server_deep_link_opens_that_page_with_exactly_our_menu(browser, page):
    server = StreamlitServer()  # its very first visit is this deep link
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        app = Watched(context.new_page(), server.url)
        app.goto(f"{page.url_path}?lang=zh")
        app.assert_clean()
        assert app.page.url.split("?")[0].endswith(f"/{page.url_path}")
        assert "lang=zh" in app.page.url
        assert app.nav_titles() == _titles("zh")
        assert app.page.locator('[role="dialog"]').count() == 0
        assert app.page.locator("h1").first.inner_text().strip() != translate("app.title", "zh")
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


def test_the_open_tab_is_in_the_url_and_survives_a_language_switch_and_a_reload(app):
    app.goto("softmax")
    app.open_tab(translate("softmax.tab.jacobian", "en"))
    assert re.search(r"[?&]tab=jacobian\b", app.page.url), app.page.url
    selected = '[role="tab"][aria-selected="true"]'
    app.page.locator('[data-testid="stSidebar"]').get_by_text("简体中文", exact=True).click()
    app.settle()
    assert app.page.locator(selected).inner_text().strip() == translate("softmax.tab.jacobian", "zh")
    assert re.search(r"[?&]tab=jacobian\b", app.page.url) and re.search(r"[?&]lang=zh\b", app.page.url)
    app.page.goto(app.page.url)  # a copied link
    app.settle()
    assert app.page.locator(selected).inner_text().strip() == translate("softmax.tab.jacobian", "zh")
    assert app.page.locator('[role="tabpanel"]:not([hidden]) [data-testid="stVegaLiteChart"]').count() == 2
    app.open_tab(translate("softmax.tab.probs", "zh"))
    assert "tab=" not in app.page.url  # the first tab is the default
    app.assert_clean()
