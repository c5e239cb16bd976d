"""The regression page's quiz in a real browser: predict, reveal, see the verdict; a lesson link hides a control."""

from __future__ import annotations

import pytest

from ui.i18n import translate

pytestmark = pytest.mark.e2e

GUESS = '[class*="st-key-_guess_regression_loss_"] input'
REVEAL = '[class*="st-key-_reveal_regression_loss_"] button'


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_predict_then_reveal_the_batch_loss(app, lang):
    app.goto(f"regression?quiz=true&lang={lang}")
    app.assert_clean()
    main = app.page.locator('[data-testid="stMain"]')
    main.get_by_text(translate("classroom.quiz_title", lang)).first.wait_for()
    assert main.get_by_text(translate("classroom.hidden_until_answered", lang)).count() == 1
    assert app.page.locator(REVEAL).is_disabled()  # nothing to reveal before a guess
    app.page.locator(GUESS).fill("10")
    app.page.locator(GUESS).press("Enter")
    app.settle()
    app.page.locator(REVEAL).click()
    app.settle()
    verdict = translate("classroom.off_by", lang, answer="12", guess="10", error="-2")  # as the page writes numbers
    shown = app.page.locator('[data-testid="stAlertContentWarning"]', has_text=verdict)
    shown.wait_for(timeout=30_000)
    assert main.get_by_text("1/3·36 = 12").count() >= 1  # the reason, with the numbers
    shown.scroll_into_view_if_needed()
    app.page.wait_for_timeout(800)
    app.screenshot(f"regression-quiz-{lang}")
    hidden = main.get_by_text(translate("classroom.hidden_until_answered", lang))
    hidden.scroll_into_view_if_needed()  # the step tab below it, with its numbers left out
    app.page.wait_for_timeout(800)
    app.screenshot(f"regression-quiz-hidden-{lang}")
    app.assert_clean()


def test_a_lesson_link_hides_the_learning_rate_and_uses_its_value(app):
    label = translate("regression.train.lr", "en")
    app.goto("regression?quiz=true")
    app.page.get_by_role("spinbutton", name=label).wait_for()  # drawn without the lesson link
    app.page.locator(GUESS).wait_for()
    app.goto("regression?quiz=true&lr=0.1&hide=lr")
    app.page.locator(GUESS).wait_for()
    app.page.get_by_role(
        "spinbutton", name=translate("regression.train.epochs", "en")
    ).wait_for()  # the others are drawn
    assert app.page.get_by_role("spinbutton", name=label).count() == 0
    assert app.page.locator('[data-testid="stMain"]').get_by_text("η = 0.1:").count() >= 1
    assert "lr=0.1" in app.page.url
    app.screenshot("regression-quiz-lesson-link")
    app.assert_clean()
