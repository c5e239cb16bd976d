"""The autograd page's quiz in a real browser: predict, reveal, see the verdict; lesson links hide controls."""

from __future__ import annotations

import pytest

from core.autograd_presets import LinearInputs, preset_graph
from tests.e2e.conftest import GRAPHVIZ, SETTLED, Watched
from ui.i18n import translate
from ui.numbers import num

pytestmark = pytest.mark.e2e

MAIN = '[data-testid="stMain"]'


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_predict_then_reveal_shows_the_verdict(app, lang, graph_text):
    app.goto(f"autograd?quiz=true&lang={lang}")
    main = app.page.locator(MAIN)
    main.get_by_text(translate("classroom.quiz_title", lang), exact=True).wait_for(timeout=30_000)
    main.get_by_text(translate("classroom.hidden_until_answered", lang)).wait_for(timeout=10_000)
    graph = graph_text()
    assert "MseLossBackward0" in graph and "w.grad" not in graph  # structure shown, gradients hidden
    app.page.locator(GRAPHVIZ).first.scroll_into_view_if_needed()
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
    verdict = main.locator('[data-testid="stAlert"]', has_text=num(y_hat)).first
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
    error = 5 - loss  # the verdict writes numbers as the page does, with the sign of the error
    shown = ("+" if error >= 0 else "") + num(error)
    main.locator('[data-testid="stAlert"]', has_text=shown).first.wait_for(timeout=10_000)
    app.assert_clean()


def test_a_lesson_link_hides_the_learning_rate_and_keeps_its_value(app):
    app.goto("autograd?quiz=true&hide=ag_lr&ag_lr=0.5")
    main = app.page.locator(MAIN)
    main.get_by_text(translate("classroom.quiz_title", "en"), exact=True).wait_for(timeout=30_000)
    app.open_tab(translate("autograd.tab.optim", "en"))
    assert main.get_by_label(translate("autograd.optim.lr", "en")).count() == 0
    assert main.get_by_text("lr=0.5", exact=False).count() > 0  # the optimizer line uses the hidden value
    assert "lr = 0.5" in main.inner_text()  # and so does the question
    main.locator('[data-testid="stCode"]', has_text="lr=0.5").first.scroll_into_view_if_needed()
    app.screenshot("autograd-quiz-lesson-link")
    app.assert_clean()


@pytest.fixture
def projector(browser, server):
    """A 1280×720 window, as a classroom projector shows the page."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-US")
    watched = Watched(context.new_page(), server.url)
    yield watched
    context.close()


def settle_collapsed(app) -> None:
    """`settle` for presenter mode, whose sidebar is collapsed (attached, not visible)."""
    app.page.wait_for_selector('[data-testid="stSidebar"]', state="attached", timeout=60_000)
    for _ in range(3):
        app.page.wait_for_selector(SETTLED, timeout=60_000)
        app.page.wait_for_timeout(400)
        if app.page.locator(SETTLED).count():
            break


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_presenter_mode_fills_a_1280x720_projector_with_the_graph_and_large_charts(projector, lang):
    app = projector
    app.page.goto(f"{app.base_url}/autograd?present=true&lang={lang}")
    settle_collapsed(app)
    graph = app.page.locator(GRAPHVIZ).first
    graph.wait_for(timeout=30_000)
    app.page.wait_for_timeout(500)
    graph.scroll_into_view_if_needed()
    column = app.page.locator('[data-testid="stMainBlockContainer"]').first.bounding_box()
    box = graph.bounding_box()
    # the graph is scaled up to the column (or to 88% of the window's height, whichever is reached first)
    assert box["width"] >= 0.8 * column["width"] or box["height"] >= 0.8 * 720, (box, column)
    node_title = app.page.locator(f"{GRAPHVIZ} text", has_text="MseLossBackward0").first.bounding_box()
    assert node_title["height"] >= 18  # px on screen, readable from the back of a room
    app.screenshot(f"autograd-present-graph-{lang}")

    app.page.get_by_role("tab", name=translate("autograd.tab.modes", lang), exact=True).click()
    settle_collapsed(app)
    chart = app.page.locator('[data-testid="stVegaLiteChart"]').first
    chart.wait_for(timeout=30_000)
    app.page.wait_for_timeout(800)
    chart.scroll_into_view_if_needed()
    label = app.page.locator('[data-testid="stVegaLiteChart"] text', has_text="32 → 1").first.bounding_box()
    assert label["height"] >= 18
    chart_box = chart.bounding_box()
    assert chart_box["x"] + chart_box["width"] <= 1280 and chart_box["height"] >= 380  # not cut off, taller
    app.screenshot(f"autograd-present-modes-{lang}")
    app.assert_clean()


def test_the_share_panel_keeps_links_whole_and_chips_readable(projector):
    app = projector
    app.goto("autograd?hide=ag_lr,ag_p,ag_z1&ag_p=softmax_ce")
    sidebar = app.page.locator('[data-testid="stSidebar"]')
    sidebar.locator("summary", has_text=translate("classroom.share", "en")).click()
    app.settle()
    chips = sidebar.locator("[data-tag] > span[title]")
    chips.first.wait_for(timeout=30_000)
    assert chips.count() == 3
    for i in range(chips.count()):  # no chip is cut off with an ellipsis
        assert chips.nth(i).evaluate("e => e.scrollWidth <= e.clientWidth + 1"), chips.nth(i).inner_text()
    assert "z₀ (ag_z1)" in sidebar.inner_text()
    links = sidebar.locator('[data-testid="stCode"] code')
    assert links.count() == 2
    for i in range(2):  # one line each, scrolled sideways rather than broken inside the URL
        line = links.nth(i).evaluate("e => getComputedStyle(e).lineHeight")
        assert links.nth(i).bounding_box()["height"] <= 2 * float(line.rstrip("px"))
        assert "hide=ag_lr%2Cag_p%2Cag_z1" in links.nth(i).inner_text()
    sidebar.locator('[data-testid="stMultiSelect"]').scroll_into_view_if_needed()
    app.screenshot("autograd-share-panel")
    app.assert_clean()
