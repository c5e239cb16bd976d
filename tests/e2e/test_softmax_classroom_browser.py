"""The softmax page's quiz mode and lesson links in a real browser, in both languages."""

from __future__ import annotations

import pytest

from ui.i18n import translate

pytestmark = pytest.mark.e2e


def _guess_and_reveal(app, key: str, guess: str) -> str:
    box = app.page.locator(f".st-key-_guess_{key} input")
    box.fill(guess)
    box.press("Enter")
    app.settle()
    app.page.locator(f".st-key-_reveal_{key} button").click()
    app.settle()
    return " ".join(app.page.locator('[data-testid="stAlertContentWarning"]').all_inner_texts())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_predict_then_reveal(app, lang):
    app.goto(f"softmax?quiz=true&lang={lang}")
    main = app.page.locator('[data-testid="stMain"]')
    assert main.get_by_text(translate("classroom.quiz_title", lang), exact=True).count() == 1
    assert translate("classroom.hidden_until_answered", lang) in main.inner_text()
    assert "0.3832" not in main.inner_text()  # p of the largest logit, the first question's answer
    app.screenshot(f"softmax-quiz-{lang}")
    app.page.locator('[data-testid="stTabs"]').scroll_into_view_if_needed()
    app.screenshot(f"softmax-quiz-{lang}-tabs")
    verdict = _guess_and_reveal(app, "softmax_p_top", "0.5")
    expected = translate("classroom.off_by", lang, answer="0.3832", guess="0.5", error="+0.1168")
    assert expected in verdict, verdict  # numbers written as the page writes them
    assert "1 / 2.6096 = 0.3832" in main.inner_text()  # the reason
    app.screenshot(f"softmax-quiz-{lang}-revealed")
    app.assert_clean()


def test_lesson_link_hides_the_logits_but_asks_about_them(app):
    app.goto("softmax?quiz=true&logits=2.0%2C1.0%2C0.1&T=0.5&hide=logits")
    assert app.page.locator(".st-key-logits").count() == 0
    assert app.page.locator(".st-key-T").count() == 1
    assert app.page.locator(".st-key-p_classic").count() == 0  # presets would change the hidden logits
    main = app.page.locator('[data-testid="stMain"]').inner_text()
    assert "[2, 1, 0.1]" in main and "T = 0.5" in main
    verdict = _guess_and_reveal(app, "softmax_p_top", "0.9")
    assert "0.8638" in verdict, verdict  # softmax([4, 2, 0.2])[0]
    app.screenshot("softmax-quiz-lesson-link")
    app.assert_clean()
