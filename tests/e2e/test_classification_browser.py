"""The classification page in a real browser: every tab in both languages, the replay slider, a lesson link,
a bad setting that keeps the last result, and no error anywhere."""

from __future__ import annotations

import pytest

from ui.i18n import translate

pytestmark = pytest.mark.e2e

TABS = ["regions", "curves", "sample", "lessons", "code"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_tab_renders_in_both_languages(app, lang):
    app.goto(f"classification?lang={lang}")
    assert app.page.locator("h1").first.inner_text().strip() == translate("nav.classification", lang)
    for name in TABS:
        app.open_tab(translate(f"classification.tab.{name}", lang))
        assert (f"tab={name}" in app.page.url) == (name != TABS[0]), app.page.url
        if name in ("regions", "curves", "lessons"):
            app.page.locator('[data-testid="stVegaLiteChart"]').first.wait_for(timeout=30_000)
        app.screenshot(f"classification-{lang}-{name}")
    app.assert_clean()


def test_replaying_the_start_and_a_bad_batch_size_keep_the_page_working(app):
    app.goto("classification?step=0&tab=sample")
    katex = " ".join(app.page.locator('[data-testid="stMarkdownContainer"] .katex').all_inner_texts())
    assert "0.3333" in katex  # W = 0, b = 0: p = 1/3 for each of the three classes
    box = app.page.get_by_role("spinbutton", name=translate("classification.train.batch", "en"))
    box.fill("301")
    box.press("Enter")
    app.settle()
    error = app.page.locator('[data-testid="stAlertContentError"]').first.inner_text()
    assert "batch size" in error and "300" in error
    assert "0.3333" in " ".join(app.page.locator('[data-testid="stMarkdownContainer"] .katex').all_inner_texts())
    app.screenshot("classification-en-bad-batch")
    app.assert_clean()


def test_a_lesson_link_opens_its_preset(app):
    app.goto("classification?tab=lessons")
    href = app.page.get_by_role("link", name=translate("classification.lessons.open", "en")[1:].split("]")[0])
    link = href.nth(1).get_attribute("href")
    assert "ls=0.2" in link
    app.goto(link)
    app.screenshot("classification-en-lesson")
    smoothing = app.page.get_by_role("group", name=translate("classification.model.smoothing", "en"))
    assert "0.20" in smoothing.inner_text()
    assert "ls=0.2" in app.page.url
    app.assert_clean()
