"""The autograd page's quiz in a real browser: predict, reveal, see the verdict; lesson links hide controls."""

from __future__ import annotations

import pytest

from core.autograd_presets import LinearInputs, preset_graph
from ui.i18n import translate

pytestmark = pytest.mark.e2e

GRAPH = '[data-testid="stGraphVizChart"] svg'
MAIN = '[data-testid="stMain"]'


@pytest.fixture(autouse=True)
def warm_server(app):
    app.goto("")  # see test_autograd_browser.py: a fresh server's first deep link needs Home first
    app.console_errors.clear()


def graph_text(app) -> str:
    app.page.wait_for_selector(GRAPH, timeout=30_000)
    return app.page.locator(GRAPH).first.text_content() or ""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_predict_then_reveal_shows_the_verdict(app, lang):
    app.goto(f"autograd?quiz=true&lang={lang}")
    main = app.page.locator(MAIN)
    main.get_by_text(translate("classroom.quiz_title", lang), exact=True).wait_for(timeout=30_000)
    main.get_by_text(translate("classroom.hidden_until_answered", lang)).wait_for(timeout=10_000)
    graph = graph_text(app)
    assert "MseLossBackward0" in graph and "w.grad" not in graph  # structure shown, gradients hidden
    app.page.locator(GRAPH).first.scroll_into_view_if_needed()
    app.screenshot(f"autograd-quiz-graph-{lang}")
    main.get_by_text(translate("classroom.quiz_title", lang), exact=True).scroll_into_view_if_needed()
    app.screenshot(f"autograd-quiz-{lang}")

    guess = main.get_by_label(translate("classroom.your_guess", lang)).first
    guess.fill("-0.5")
    guess.press("Enter")
    app.settle()
    main.get_by_role("button", name=translate("classroom.reveal", lang)).first.click()
    app.settle()
    y_hat = preset_graph(LinearInputs()).node("ŷ").value[0, 0].item()  # the first question: ŷ[0]
    verdict = main.locator('[data-testid="stAlert"]', has_text=f"{y_hat:.4f}").first
    verdict.wait_for(timeout=10_000)
    verdict.scroll_into_view_if_needed()
    assert "ŷ[0] = 1·0.5 + 2·(-0.5) + 0 = -0.5" in main.inner_text()  # the reason with the numbers
    app.screenshot(f"autograd-quiz-revealed-{lang}")
    app.assert_clean()


def test_a_wrong_guess_says_how_far_off(app):
    app.goto("autograd?quiz=true")
    main = app.page.locator(MAIN)
    guess = main.get_by_label(translate("classroom.your_guess", "en")).nth(1)  # the loss
    guess.fill("5")
    guess.press("Enter")
    app.settle()
    main.get_by_role("button", name=translate("classroom.reveal", "en")).nth(1).click()
    app.settle()
    loss = preset_graph(LinearInputs()).node("L").value.item()
    main.locator('[data-testid="stAlert"]', has_text=f"{5 - loss:+.4f}").first.wait_for(timeout=10_000)
    app.assert_clean()


def test_a_lesson_link_hides_the_learning_rate_and_keeps_its_value(app):
    app.goto("autograd?quiz=true&hide=ag_lr&ag_lr=0.5")
    main = app.page.locator(MAIN)
    main.get_by_text(translate("classroom.quiz_title", "en"), exact=True).wait_for(timeout=30_000)
    app.open_tab(translate("autograd.tab_optim", "en"))
    assert main.get_by_label(translate("autograd.lr", "en")).count() == 0
    assert main.get_by_text("lr=0.5", exact=False).count() > 0  # the optimizer line uses the hidden value
    assert "lr = 0.5" in main.inner_text()  # and so does the question
    main.locator('[data-testid="stCode"]', has_text="lr=0.5").first.scroll_into_view_if_needed()
    app.screenshot("autograd-quiz-lesson-link")
    app.assert_clean()
