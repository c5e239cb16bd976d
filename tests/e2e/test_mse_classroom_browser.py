"""The MSE page's quiz mode and lesson links in a real browser."""

from __future__ import annotations

import pytest

from ui.i18n import translate

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_guess_and_reveal_the_first_question(app, lang):
    app.goto(f"mse?quiz=true&lang={lang}")
    page = app.page
    assert page.get_by_text(translate("classroom.quiz_title", lang)).first.is_visible()
    assert page.get_by_text(translate("classroom.hidden_until_answered", lang)).count() == 1
    loss_label = translate("mse.result.loss", lang, reduction="mean")
    assert page.locator('[data-testid="stMetricLabel"]').get_by_text(loss_label).count() == 0  # loss hidden
    guess = page.get_by_label(translate("classroom.your_guess", lang)).first
    guess.wait_for(state="visible")
    app.screenshot(f"mse-quiz-{lang}")
    page.get_by_text(translate("classroom.hidden_until_answered", lang)).scroll_into_view_if_needed()
    app.screenshot(f"mse-quiz-{lang}-hidden-results")

    guess.fill("8")
    guess.press("Enter")
    app.settle()
    page.get_by_role("button", name=translate("classroom.reveal", lang), exact=True).first.click()
    app.settle()
    app.screenshot(f"mse-quiz-{lang}-revealed")
    # the first question is the largest squared error: X[1, 0], (4 − 1)² = 9
    verdict = translate("classroom.off_by", lang, answer="9", guess="8", error="-1")  # as ui.numbers writes them
    page.get_by_text(verdict).wait_for(state="visible")
    page.get_by_text("(x − y)² = (4 − 1)² = 3² = 9").wait_for(state="visible")
    app.assert_clean()


def test_lesson_link_hides_the_reduction_picker_and_keeps_its_value(app):
    app.goto("mse?reduction=sum&hide=reduction")
    page = app.page
    assert page.locator('[data-testid="stButtonGroup"]').get_by_text("'mean'", exact=True).count() == 0
    assert page.locator('[data-testid="stMetricValue"]').first.inner_text() == "17"  # 'sum', from the URL
    assert page.get_by_text("MSELoss(reduction='sum')").first.is_visible()
    app.screenshot("mse-lesson-link")
    app.assert_clean()
