"""The softmax page in a real browser: both languages, presets, tabs, bad input, no errors anywhere."""

from __future__ import annotations

import re

import pytest

from ui.i18n import translate

pytestmark = pytest.mark.e2e

TABS = ["probs", "jacobian", "vjp", "ce", "stability", "code"]


def _open_tab(app, name: str, lang: str) -> None:
    app.open_tab(translate(f"softmax.tab.{name}", lang))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_tab_renders_in_both_languages(app, lang):
    app.goto(f"softmax?lang={lang}")
    assert app.page.locator("h1").first.inner_text().strip() == translate("nav.softmax", lang)
    for name in TABS:
        _open_tab(app, name, lang)
        assert (f"tab={name}" in app.page.url) == (name != TABS[0]), app.page.url
        app.screenshot(f"softmax-{lang}-{name}")
    app.assert_clean()


def test_preset_button_updates_the_url_and_the_numbers(app):
    app.goto("softmax")
    app.page.get_by_role("button", name="[2.0, 1.0, 0.1]").click()
    app.settle()
    assert re.search(r"[?&]logits=2\.0%2C(\+|%20)1\.0", app.page.url), app.page.url
    assert app.page.locator('[data-testid="stTextInput"] input').first.input_value() == "2.0, 1.0, 0.1"
    assert "0.659" in app.page.locator('[data-testid="stMarkdownContainer"] .katex').all_inner_texts().__str__()
    app.assert_clean()


def test_bad_logits_show_an_error_and_the_page_keeps_working(app):
    app.goto("softmax?lang=zh")
    box = app.page.locator('[data-testid="stTextInput"] input').first
    box.fill("1, abc")
    box.press("Enter")
    app.settle()
    error = app.page.locator('[data-testid="stAlertContentError"]').first.inner_text()
    assert "abc" in error and "不是数" in error
    _open_tab(app, "jacobian", "zh")
    assert app.page.locator('[data-testid="stVegaLiteChart"]').count() >= 2
    app.screenshot("softmax-zh-bad-input")
    app.assert_clean()


def test_temperature_slider_writes_a_clean_number_to_the_url(app):
    app.goto("softmax")
    thumb = app.page.locator('[data-testid="stSlider"] input[type="range"]').first
    for _ in range(3):
        thumb.press("ArrowLeft")
        app.settle()
    assert re.search(r"[?&]T=0\.7(&|$)", app.page.url), app.page.url
    assert "/0.7}" in app.page.content()  # the TeX source of the gap formula, e^{(a_1 - a_2)/0.7}
    app.assert_clean()
