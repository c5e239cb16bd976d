"""The autograd page in a real browser: the graph is drawn, the controls work, in both languages."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import GRAPHVIZ, Watched
from ui.autograd.graph import GRAD_COLOR, LEAF_COLOR, OP_COLOR, ROOT_COLOR
from ui.charts import DARK_TEXT
from ui.i18n import translate

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_linear_graph_is_drawn_with_pytorchs_node_names(app, lang, graph_text):
    app.goto(f"autograd?lang={lang}")
    text = graph_text()
    for name in ("MseLossBackward0", "AddmmBackward0", "AccumulateGrad", "w.grad"):
        assert name in text
    assert app.page.locator("h1").first.inner_text().strip() == translate("autograd.page.title", lang)
    app.screenshot(f"autograd-graph-{lang}")
    app.assert_clean()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_switching_preset_redraws_the_graph_and_goes_into_the_url(app, lang, graph_text):
    app.goto(f"autograd?lang={lang}")
    preset = translate("autograd.preset.softmax_ce", lang)
    app.page.locator('[data-testid="stMain"] [data-testid="stButtonGroup"] button', has_text=preset).click()
    app.settle()
    assert re.search(r"[?&]ag_p=softmax_ce\b", app.page.url)
    text = graph_text()
    assert "NllLossBackward0" in text and "LogSoftmaxBackward0" in text
    app.screenshot(f"autograd-softmax-{lang}")
    app.assert_clean()


def test_pitfalls_tab_shows_pytorchs_message(app):
    app.goto("autograd?lang=zh")
    app.open_tab(translate("autograd.tab.pitfalls", "zh"))
    app.page.locator('[data-testid="stExpander"] summary', has_text="backward()").first.click()  # "calling it twice"
    app.page.get_by_text("Trying to backward through the graph a second time").first.wait_for(timeout=10_000)
    main = app.page.locator('[data-testid="stMain"]').inner_text()
    assert "# 抛出 RuntimeError: Trying to backward through the graph a second time" in main
    assert "# tensor(4.)" in main  # the fix, retain_graph=True, and what it prints
    app.screenshot("autograd-pitfalls-zh")
    app.assert_clean()


def test_forward_vs_reverse_tab_shows_the_pass_table(app):
    app.goto("autograd")
    app.open_tab(translate("autograd.tab.modes", "en"))
    app.page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=10_000)
    app.page.wait_for_timeout(500)
    app.screenshot("autograd-modes-en")
    app.assert_clean()


def test_the_graph_writes_its_own_text_colour_on_its_own_fills_in_the_dark_theme(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US", color_scheme="dark")
    app = Watched(context.new_page(), server.url)
    try:
        app.goto("autograd")
        app.page.wait_for_selector(GRAPHVIZ, timeout=30_000)
        # Graphviz draws on the page's background: the text must not inherit a colour meant for it
        text_colours = app.page.locator(f"{GRAPHVIZ} g.node text").evaluate_all(
            "els => els.map(e => e.getAttribute('fill'))"
        )
        fills = app.page.locator(f"{GRAPHVIZ} g.node :is(polygon, path)").evaluate_all(
            "els => els.map(e => e.getAttribute('fill'))"
        )
        assert set(text_colours) == {DARK_TEXT, GRAD_COLOR}
        assert {ROOT_COLOR, OP_COLOR, LEAF_COLOR} <= set(fills)
        app.page.locator(GRAPHVIZ).first.scroll_into_view_if_needed()
        app.screenshot("autograd-graph-dark")
        app.assert_clean()
    finally:
        context.close()
