"""The softmax page's layout at desktop size (1400×1000): nothing overlaps, nothing is clipped, in both languages."""

from __future__ import annotations

import pytest

from ui.i18n import translate

pytestmark = pytest.mark.e2e

TEN_LOGITS = "softmax?logits=1%2C2%2C3%2C4%2C5%2C6%2C7%2C8%2C9%2C10&T=0.4&target=4"

# Elements wider than their box, clipped or scrolled sideways: (what, how much wider). Left out: tables,
# which scroll by design (their grid is drawn on a canvas), and KaTeX's copy of a formula for screen
# readers, which is clipped to 1 pixel on purpose.
OVERFLOWING = """
(root) => [...root.querySelectorAll('[data-testid="stElementContainer"] *')]
    .filter(el => !el.closest('[data-testid="stDataFrame"], .katex-mathml') && el.clientWidth > 1)
    .filter(el => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
    .map(el => [el.tagName + '.' + (el.className.baseVal ?? el.className) + ' ' + el.textContent.slice(0, 60),
                el.scrollWidth - el.clientWidth])
"""
# Elements that stick out of their element container (what the page lays out), by how many pixels.
STICKING_OUT = """
(root) => [...root.querySelectorAll('[data-testid="stElementContainer"]')].flatMap(box => {
    const outer = box.getBoundingClientRect();
    return [...box.querySelectorAll('canvas, svg, pre, .katex-display, [data-testid="stMarkdownContainer"]')]
        .filter(el => !el.closest('[data-testid="stDataFrame"]'))
        .map(el => [el.tagName + ' ' + el.textContent.slice(0, 40), el.getBoundingClientRect().right - outer.right])
        .filter(([, over]) => over > 1);
})
"""
# Sidebar entries whose title is cut with an ellipsis (its box hides what does not fit): their text.
TRUNCATED_NAV = """
(root) => [...root.querySelectorAll('[data-testid="stSidebarNav"] a')]
    .filter(a => [...a.querySelectorAll('*')]
        .some(el => getComputedStyle(el).overflowX === 'hidden' && el.scrollWidth > el.clientWidth))
    .map(a => a.textContent)
"""


def _overlap(a: dict, b: dict) -> float:
    """Area shared by two bounding boxes."""
    width = min(a["x"] + a["width"], b["x"] + b["width"]) - max(a["x"], b["x"])
    height = min(a["y"] + a["height"], b["y"] + b["height"]) - max(a["y"], b["y"])
    return max(width, 0) * max(height, 0)


def _assert_nothing_sticks_out(app) -> None:
    main = app.page.locator('[data-testid="stMain"]')
    assert main.evaluate(OVERFLOWING) == []
    assert main.evaluate(STICKING_OUT) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_ten_logits_at_low_temperature_fit_the_page(app, lang):
    app.goto(f"{TEN_LOGITS}&lang={lang}")
    assert app.page.locator('[data-testid="stSidebar"]').evaluate(TRUNCATED_NAV) == []
    app.open_tab(translate("softmax.tab.jacobian", lang))
    panel = app.page.locator('[role="tabpanel"]:not([hidden])')
    charts = panel.locator('[data-testid="stVegaLiteChart"]')
    charts.nth(1).locator("canvas, svg").first.wait_for()
    left, right = (charts.nth(i).locator("canvas, svg").first.bounding_box() for i in range(2))
    assert _overlap(left, right) == 0, (left, right)
    panel_box = panel.bounding_box()
    for box in (left, right):
        assert box["x"] >= panel_box["x"] - 1 and box["x"] + box["width"] <= panel_box["x"] + panel_box["width"] + 1
    _assert_nothing_sticks_out(app)
    app.screenshot(f"softmax-{lang}-jacobian-10-logits")
    charts.nth(1).scroll_into_view_if_needed()
    app.screenshot(f"softmax-{lang}-jacobian-10-logits-autograd")
    panel.locator(".katex-display").last.scroll_into_view_if_needed()
    app.screenshot(f"softmax-{lang}-jacobian-10-logits-facts")
    for tab in ("probs", "vjp", "ce", "stability", "code"):
        app.open_tab(translate(f"softmax.tab.{tab}", lang))
        _assert_nothing_sticks_out(app)
        panel.locator('[data-testid="stElementContainer"]').last.scroll_into_view_if_needed()
        app.screenshot(f"softmax-{lang}-{tab}-10-logits")
    app.assert_clean()
