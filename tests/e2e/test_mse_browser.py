"""The MSE page in a real browser: both languages, the reduction picker, a cell edit, a bad cell."""

from __future__ import annotations

import re

import pytest

from ui.i18n import translate

pytestmark = pytest.mark.e2e


def show_tab_content(app) -> None:
    """Scroll the tab bar to the top of the view, so a screenshot shows the open tab, not the editors."""
    app.page.get_by_role("tablist").first.evaluate("bar => bar.scrollIntoView()")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_mse_page_renders_each_tab_in_both_languages(app, lang):
    app.goto(f"mse?lang={lang}")
    assert app.page.locator("h1").first.inner_text().strip() == translate("mse.page.title", lang)
    assert app.page.locator('[data-testid="stMetricValue"]').first.inner_text() == "17/6 = 2.8333"
    assert app.page.locator('[data-testid="stVegaLiteChart"]').count() >= 1
    app.screenshot(f"mse-{lang}")
    for key in ("mse.tab.grad", "mse.tab.switch", "mse.tab.norms", "mse.tab.autograd", "mse.tab.legacy"):
        app.open_tab(translate(key, lang))
        show_tab_content(app)
        app.screenshot(f"mse-{lang}-{key.rsplit('.', 1)[1]}")
    app.open_tab(translate("mse.tab.code", lang))
    download = app.page.get_by_text(translate("code.download", lang, file="mse_mean.py"))
    download.first.wait_for(state="visible")  # the script is offered as a file too
    show_tab_content(app)
    app.screenshot(f"mse-{lang}-code")
    app.assert_clean()


def test_choosing_sum_updates_the_loss_and_the_url(app):
    app.goto("mse")
    app.page.locator('[data-testid="stButtonGroup"]').get_by_text("'sum'", exact=True).click()
    app.settle()
    assert app.page.locator('[data-testid="stMetricValue"]').first.inner_text() == "17"
    assert re.search(r"[?&]reduction=sum\b", app.page.url)
    app.assert_clean()


def test_choosing_none_shows_pytorchs_error_text(app):
    app.goto("mse?reduction=none")
    app.open_tab(translate("mse.tab.grad", "en"))
    app.page.get_by_text("grad can be implicitly created only for scalar outputs").first.wait_for(state="visible")
    app.screenshot("mse-en-none-grad")
    app.assert_clean()


def test_typing_text_into_a_cell_names_it_and_keeps_the_last_result(app):
    app.goto("mse")
    grid = app.page.locator('[data-testid="stDataFrame"]').first
    box = grid.bounding_box()
    # glide-data-grid draws on a canvas: click X[1, 1] (header and row index take the first band)
    app.page.mouse.click(box["x"] + box["width"] * 0.85, box["y"] + 35 * 2.5)
    app.page.keyboard.type("abc", delay=80)
    app.page.keyboard.press("Enter")
    app.settle()
    alert = app.page.locator('[data-testid="stAlertContentError"]').first.inner_text()
    assert "abc" in alert and "row 1, column 1 (counted from 0)" in alert
    assert app.page.locator('[data-testid="stMetricValue"]').first.inner_text() == "17/6 = 2.8333"
    app.screenshot("mse-en-bad-cell")
    app.assert_clean()
