"""The regression page in a real browser: both languages, the step buttons, every tab, a CSV upload."""

from __future__ import annotations

import re

import pytest

from ui.i18n import translate

pytestmark = pytest.mark.e2e


def _open_tab(app, key: str, lang: str) -> None:
    app.open_tab(translate(key, lang))
    app.page.wait_for_timeout(500)  # the charts' canvases, for the screenshot


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_regression_page_shows_the_seed_example_in_every_tab(app, lang):
    app.goto(f"regression?lang={lang}")
    app.assert_clean()
    assert app.page.locator("h1").first.inner_text().strip() == translate("nav.regression", lang)
    assert app.page.locator(".katex").count() >= 6
    app.page.locator('[data-testid="stNumberInputField"]').first.wait_for()  # widgets drawn, not placeholders
    app.page.wait_for_timeout(1000)
    app.screenshot(f"regression-step-{lang}")
    for key in ("regression.tab.curves", "regression.tab.regimes", "regression.tab.result"):
        _open_tab(app, key, lang)
        app.assert_clean()
        if key == "regression.tab.curves":  # a chart's numbers, each row headed by its step
            app.page.get_by_text(translate("a11y.chart_data", lang)).first.click()
            header = app.page.locator('[data-testid="stTable"] th').first
            assert header.inner_text().strip() == translate("regression.curves.axis_step", lang)
        app.screenshot(f"regression-{key.rsplit('.', 1)[1]}-{lang}")
    assert app.page.locator('[data-testid="stCode"]').count() >= 1


def test_next_step_button_moves_the_step_into_the_url(app):
    app.goto("regression")
    app.page.locator(".st-key-step_next button").click()
    app.settle()
    assert re.search(r"[?&]step=2\b", app.page.url), app.page.url
    app.page.locator(".st-key-step_next button").click()
    app.settle()
    assert re.search(r"[?&]step=3\b", app.page.url), app.page.url
    app.assert_clean()


def test_changing_the_learning_rate_retrains_and_updates_the_url(app):
    app.goto("regression")
    box = app.page.get_by_role("spinbutton", name=translate("regression.train.lr", "en"))
    box.fill("0.02")
    box.press("Enter")
    app.settle()
    assert re.search(r"[?&]lr=0\.02\b", app.page.url), app.page.url
    assert app.page.locator('[data-testid="stAlertContentWarning"]').count() == 0  # 0.02 is below the stable bound
    app.assert_clean()


def test_the_suggested_learning_rate_is_one_click_away_and_standardising_keeps_the_page_working(app):
    app.goto("regression")
    lesson = app.page.locator('[data-testid="stAlertContentWarning"]').filter(has_text="mini-batch bound").first
    lesson.wait_for(timeout=30_000)
    assert "0.02437" in lesson.inner_text() and "0.04393" in lesson.inner_text()  # this run's and full-batch GD's
    app.page.locator(".st-key-use_lr button").first.click()
    app.settle()
    assert re.search(r"[?&]lr=0\.012\b", app.page.url), app.page.url
    assert app.page.get_by_role("spinbutton", name=translate("regression.train.lr", "en")).input_value() == "0.012"
    assert app.page.locator('[data-testid="stAlertContentWarning"]').count() == 0
    app.goto("regression?std=true&lang=zh&tab=result")
    app.page.get_by_text("换回原始单位").first.wait_for(timeout=30_000)
    app.page.wait_for_timeout(500)
    app.screenshot("regression-standardised-zh")
    app.assert_clean()


def test_an_uploaded_csv_is_trained_on(app, tmp_path):
    csv = tmp_path / "houses.csv"
    csv.write_text("size,age,price\n1,2,3\n2,oops,5\n3,1,7\n4,0,9\n5,1,11\n6,2,13\n")
    app.goto("regression?data=csv&w0=&lr=0.01&batch=2")
    app.page.locator('input[type="file"]').set_input_files(str(csv))
    app.settle()
    app.page.get_by_text("5 usable rows").wait_for(timeout=30_000)
    assert app.page.get_by_text("**age**").count() == 0  # markdown is rendered, not shown raw
    assert "oops" in app.page.locator('[data-testid="stAlertContentWarning"]').first.inner_text()
    app.screenshot("regression-csv-en")
    app.assert_clean()


# the largest run the page allows: 200,000 samples × 20 features, batch 20 × 10 epochs = 100,000 steps
_TRUE_W = ",".join(f"{-1 + 2 * i / 19:.2f}" for i in range(20))
LARGEST = f"data=synthetic&tw={_TRUE_W}&n=200000&batch=20&epochs=10&lr=0.01&loss=mean&w0="


def test_the_largest_allowed_run_trains_behind_a_live_progress_bar(app):
    """The bar appears, moves on while the run trains, counts the steps, and is gone when the steps show."""
    app.page.goto(f"{app.base_url}/regression?{LARGEST}")
    bar = app.page.locator('[data-testid="stProgress"]')
    bar.wait_for(timeout=60_000)
    values, texts = [], []
    while bar.count() and len(values) < 400:  # sample the bar until the run is done and the bar is emptied
        try:
            values.append(float(bar.get_by_role("progressbar").get_attribute("aria-valuenow", timeout=1000)))
            texts.append(bar.inner_text(timeout=1000))
        except Exception:  # the bar went away between count() and reading it
            break
        app.page.wait_for_timeout(100)
    app.settle(timeout=120_000)
    assert len(set(values)) >= 2 and values == sorted(values), values  # it moved, and only forwards
    assert any(re.search(r"step [\d,]+ of 100,000", text) for text in texts), texts
    assert bar.count() == 0
    assert "100,000" in app.page.get_by_text(re.compile(r"^Step 1 of 100,000")).first.inner_text()
    app.assert_clean()
