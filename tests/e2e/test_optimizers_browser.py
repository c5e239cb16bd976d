"""The optimizers page in a real browser: a lesson link in both languages, every tab, and a hyperparameter
typed into its box retraining that optimizer and landing in the URL."""

from __future__ import annotations

import re

import pytest

from ui.i18n import translate

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_lesson_link_races_every_optimizer_in_every_tab(app, lang):
    app.goto(f"optimizers?lang={lang}&lesson=ill&opts=torch_sgd,momentum,nesterov,rmsprop,adam,adamw")
    app.assert_clean()
    assert app.page.locator("h1").first.inner_text().strip() == translate("nav.optimizers", lang)
    lesson = app.page.locator('[data-testid="stAlertContentInfo"]').first
    lesson.wait_for(timeout=30_000)
    assert "AᵀA" in lesson.inner_text()
    app.page.locator('[data-testid="stVegaLiteChart"]').nth(1).wait_for(timeout=30_000)  # curves and surface
    app.page.get_by_text(translate("optimizers.page.settings", lang), exact=True).click()  # fold the settings away
    app.page.wait_for_timeout(1500)
    app.screenshot(f"optimizers-race-{lang}")
    app.page.locator('[data-testid="stVegaLiteChart"]').nth(1).scroll_into_view_if_needed()
    app.page.wait_for_timeout(500)
    app.screenshot(f"optimizers-surface-{lang}")
    for key, name in (("optimizers.tab.update", "update"), ("optimizers.tab.code", "code")):
        app.open_tab(translate(key, lang))
        app.page.wait_for_timeout(500)
        app.assert_clean()
        app.screenshot(f"optimizers-{name}-{lang}")
    assert app.page.locator('[data-testid="stCode"]').count() == 6  # one script per optimizer


def test_typing_a_learning_rate_retrains_and_a_bad_momentum_is_named_at_its_box(app):
    app.goto("optimizers")
    boxes = app.page.get_by_role("spinbutton", name="lr")
    boxes.nth(2).fill("0.05")  # Adam's
    boxes.nth(2).press("Enter")
    app.settle()
    assert re.search(r"[?&]adam_lr=0\.05\b", app.page.url), app.page.url
    momentum = app.page.get_by_role("spinbutton", name="momentum")
    momentum.fill("1")
    momentum.press("Enter")
    app.settle()
    error = app.page.locator('[data-testid="stAlertContentError"]')
    assert error.count() == 1 and "momentum" in error.inner_text() and "[0, 1)" in error.inner_text()
    assert re.search(r"[?&]mom_mu=1\b", app.page.url) and "&n=" not in app.page.url, app.page.url
    assert app.page.get_by_role("spinbutton", name="Samples n").input_value() == "200"  # the rest is untouched
    app.assert_clean()
    app.screenshot("optimizers-bad-momentum-en")


def test_an_uploaded_csv_races_and_its_scripts_embed_the_values(app, tmp_path):
    csv = tmp_path / "houses.csv"
    csv.write_text("size,age,price\n1,2,3\n2,oops,5\n3,1,7\n4,0,9\n5,1,11\n6,2,13\n")
    app.goto("optimizers?data=csv&w0=&batch=2&tab=code")
    app.page.locator('input[type="file"]').set_input_files(str(csv))
    app.settle()
    app.page.get_by_text("1 row(s) with a missing or non-numeric cell are left out.").wait_for(timeout=30_000)
    app.page.locator('[data-testid="stCode"]').nth(2).wait_for(timeout=30_000)
    assert "features = torch.tensor([" in app.page.locator('[data-testid="stCode"]').first.inner_text()
    app.assert_clean()
