"""WCAG 2.2 AA in a real browser: axe-core on every tab of every page in both languages and both themes,
the same tabs at phone size, the keyboard, and screenshots of every page in the dark theme.

One server and one browser page for the whole sweep: each tab is opened by URL (`?tab=…&lang=…`), checked
in the light theme, switched to the dark one by the emulated system setting (the app follows it with no
reload), checked again, then narrowed to a 390 px phone and checked for content that is cut off.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from tests.app.helpers import ROOT, page_tabs, tab_ids
from tests.e2e.conftest import SETTLED, Watched
from ui.a11y import HTML_LANG
from ui.i18n import translate
from ui.nav import PAGES

pytestmark = pytest.mark.e2e


# WCAG 2.0, 2.1 and 2.2, levels A and AA
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
BLOCKING = {"serious", "critical"}
DESKTOP = {"width": 1400, "height": 1000}
PHONE = {"width": 390, "height": 844}
THEMES = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["theme"]
# Transitions would let axe see a colour halfway between two themes; what is checked is where they end.
STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"

# Everything in the main area that is wider than its box must scroll in a box the keyboard can reach
# (or be a control itself); anything reaching past the screen's edge must be inside such a box.
CUT_OFF = """() => {
  const focusable = "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])";
  const scrolls = (el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
  const name = (el) =>
    `${el.tagName.toLowerCase()}.${String(el.className).split(" ")[0]} "${el.textContent.slice(0, 40)}"`;
  const width = document.documentElement.clientWidth;
  const main = document.querySelector('[data-testid="stMain"]');
  const problems = [];
  for (const el of document.querySelectorAll('[data-testid="stMain"] *')) {
    const box = el.getBoundingClientRect();
    // KaTeX's MathML is for screen readers only, clipped to 1 px on purpose; so is a slider's range input, in
    // react-aria's visually hidden 1 px box (at the slider's right end the input itself reaches past it)
    const hidden = "[hidden], [aria-hidden='true'], .katex-mathml, [style*='clip-path: inset(50%)']";
    if (box.width <= 1 || box.height <= 1 || el.closest(hidden)) continue;
    // a data grid scrolls a layer over its canvas; the canvas takes the focus and the arrow keys
    const widget = el.closest('[data-testid="stDataFrame"]') || el;
    const reachable = el.matches(focusable) || widget.querySelector(focusable) !== null;
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible") {
      if (!scrolls(el) && !el.matches(focusable)) problems.push(`clipped, cannot scroll: ${name(el)}`);
      else if (!reachable) problems.push(`scrolls, not focusable: ${name(el)}`);
    }
    let inside = false;
    for (let up = el.parentElement; up !== main && !inside; up = up.parentElement) inside = scrolls(up);
    if (box.right > width + 1 && !inside) problems.push(`past the screen's edge: ${name(el)}`);
  }
  const overflow = Math.max(document.documentElement.scrollWidth - width, main.scrollWidth - main.clientWidth);
  return { overflow, problems };
}"""


@pytest.fixture(scope="module")
def tab(browser, server) -> Iterator[Watched]:
    context = browser.new_context(viewport=DESKTOP, locale="en-US", color_scheme="light")
    watched = Watched(context.new_page(), server.url)
    yield watched
    context.close()


def _settle(app: Watched) -> None:
    """Wait for the script run to end, wherever the sidebar is (a phone starts with it closed)."""
    app.page.wait_for_selector('[data-testid="stSidebar"]', state="attached", timeout=60_000)
    app.page.wait_for_selector(SETTLED, timeout=60_000)
    app.page.wait_for_timeout(400)
    app.page.wait_for_selector(SETTLED, timeout=60_000)


def _open(app: Watched, path: str) -> None:
    app.page.goto(f"{app.base_url}/{path}")
    _settle(app)
    app.page.add_style_tag(content=STILL)


def _use_theme(app: Watched, scheme: str) -> None:
    """Switch the emulated system setting and wait until the app (and ui/a11y.py's script) follow it."""
    app.page.emulate_media(color_scheme=scheme)
    app.page.wait_for_function(f"document.documentElement.dataset.llTheme === '{scheme}'", timeout=10_000)
    expected = THEMES[scheme]["backgroundColor"].lower()
    background = app.page.evaluate(
        """() => getComputedStyle(document.querySelector('[data-testid="stApp"]')).backgroundColor"""
    )
    assert _hex(background) == expected, (scheme, background)


def _hex(css_color: str) -> str:
    red, green, blue = (int(v) for v in re.findall(r"\d+", css_color)[:3])
    return f"#{red:02x}{green:02x}{blue:02x}"


def _axe(app: Watched) -> list[str]:
    """Every serious or critical violation on the page, one line per element."""
    if not app.page.evaluate("typeof window.axe !== 'undefined'"):  # once per page load, not per run
        app.page.evaluate(AXE_SCRIPT)
    results = app.page.evaluate(f"axe.run(document, {json.dumps(AXE_OPTIONS)})")
    assert "color-contrast" in {rule["id"] for rule in results["passes"]}  # it did look at the text
    return [
        f"{violation['id']} ({violation['impact']}): {', '.join(node['target'])} {node['html'][:160]}"
        for violation in results["violations"]
        if violation["impact"] in BLOCKING
        for node in violation["nodes"]
    ]


def _phone_problems(app: Watched) -> list[str]:
    """What `CUT_OFF` finds once the layout has followed the new width (data grids re-measure after a delay)."""
    for _ in range(6):
        app.page.wait_for_timeout(300)
        fit = app.page.evaluate(CUT_OFF)
        problems = [f"the page scrolls sideways by {fit['overflow']} px"] * (fit["overflow"] > 0) + fit["problems"]
        if not problems:
            break
    return problems


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("page", "code"), page_tabs(), ids=tab_ids())
def test_every_tab_passes_axe_in_both_themes_and_fits_a_phone(tab, page, code, lang):
    _open(tab, f"{page.url_path}?lang={lang}" + (f"&tab={code}" if code else ""))
    if code:
        selected = tab.page.locator('[role="tab"][aria-selected="true"]').first.inner_text().strip()
        assert selected == translate(dict(page.tabs)[code], lang)
    found = {}
    try:
        for scheme in ("light", "dark"):
            _use_theme(tab, scheme)
            found[scheme] = _axe(tab)
        assert tab.page.evaluate("document.documentElement.lang") == HTML_LANG[lang]
        tab.page.set_viewport_size(PHONE)
        found["phone"] = _phone_problems(tab)
    finally:
        tab.page.set_viewport_size(DESKTOP)
        tab.page.emulate_media(color_scheme="light")
    assert found == {"light": [], "dark": [], "phone": []}
    tab.assert_clean()


@pytest.mark.parametrize("page", PAGES, ids=[p.url_path or "home" for p in PAGES])
def test_presenter_and_quiz_mode_pass_axe_in_both_themes(tab, page):
    _open(tab, f"{page.url_path}?present=true&quiz=true")
    found = {}
    try:
        for scheme in ("light", "dark"):
            _use_theme(tab, scheme)
            found[scheme] = _axe(tab)
    finally:
        tab.page.emulate_media(color_scheme="light")
    assert found == {"light": [], "dark": []}
    tab.assert_clean()


def test_the_app_follows_the_system_theme_and_the_settings_menu_still_overrides_it(tab):
    _open(tab, "mse")
    try:
        _use_theme(tab, "dark")
        for choice, expected in (("Light", "light"), ("Dark", "dark"), ("System", "dark")):
            tab.page.get_by_test_id("stMainMenu").click()
            tab.page.get_by_test_id(f"stMainMenuItem-theme-{choice}").click()
            tab.page.keyboard.press("Escape")
            tab.page.wait_for_function(f"document.documentElement.dataset.llTheme === '{expected}'", timeout=10_000)
        tab.page.emulate_media(color_scheme="light")  # "System" follows the system again
        _use_theme(tab, "light")
    finally:
        tab.page.evaluate("window.localStorage.clear()")  # the menu's choice is kept there
        tab.page.emulate_media(color_scheme="light")


FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    role: el.getAttribute("role") || el.tagName.toLowerCase(),
    name: (el.getAttribute("aria-label") || el.innerText || "").trim().split("\\n").pop().slice(0, 60),
    selected: el.getAttribute("aria-selected") || el.getAttribute("aria-checked"),
    ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    scrollLeft: el.scrollLeft,
    scrolls: el.hasAttribute("data-ll-scroll"),
  };
}"""


def _tab_to(app: Watched, wanted, limit: int = 80) -> list[dict]:
    """Press Tab until `wanted(focused)` holds; every stop on the way, that one last."""
    stops = []
    for _ in range(limit):
        app.page.keyboard.press("Tab")
        stops.append(app.page.evaluate(FOCUSED))
        if wanted(stops[-1]):
            return stops
    raise AssertionError(f"not reached by Tab in {limit} presses: {stops}")


def test_the_keyboard_reaches_every_control_in_order_with_a_visible_focus_ring(tab):
    _open(tab, "softmax?lang=en")
    stops = _tab_to(tab, lambda f: f["role"] == "tab")
    names = [stop["name"] for stop in stops]
    assert [stop for stop in stops if not stop["ring"]] == []
    # sidebar (menu, language, device, classroom), then the page's inputs, then its tabs
    order = [translate("nav.home", "en"), "English", translate("sidebar.device", "en")]
    order += [translate("softmax.input.logits", "en"), translate("softmax.tab.probs", "en")]
    assert [names.index(name) for name in order] == sorted(names.index(name) for name in order), names
    # the tab bar: the arrow keys open the next tab and the focus stays on it through the rerun
    tab.page.keyboard.press("ArrowRight")
    _settle(tab)
    assert re.search(r"[?&]tab=jacobian\b", tab.page.url), tab.page.url
    tab.page.wait_for_function("document.activeElement.getAttribute('role') === 'tab'", timeout=10_000)
    focused = tab.page.evaluate(FOCUSED)
    assert (focused["name"], focused["selected"], focused["ring"]) == (
        translate("softmax.tab.jacobian", "en"),
        "true",
        True,
    )
    # the language control: Shift+Tab back to it, an arrow key and Space switch the language
    stops = []
    while not stops or stops[-1]["name"] != "English":
        tab.page.keyboard.press("Shift+Tab")
        stops.append(tab.page.evaluate(FOCUSED))
        assert len(stops) < 80, stops
    tab.page.keyboard.press("ArrowRight")
    tab.page.keyboard.press("Space")
    _settle(tab)
    assert re.search(r"[?&]lang=zh\b", tab.page.url), tab.page.url
    tab.assert_clean()


def test_a_wide_formula_is_a_labelled_keyboard_stop_that_the_arrow_keys_scroll(tab):
    tab.page.set_viewport_size(PHONE)
    try:
        _open(tab, "mse?lang=zh&tab=grad")
        stops = _tab_to(tab, lambda f: f["name"] == translate("a11y.formula", "zh"))
        assert (stops[-1]["role"], stops[-1]["scrolls"], stops[-1]["ring"]) == ("region", True, True)
        # the one-line code above the tabs is wider than a phone too, and a stop of its own
        assert translate("a11y.code", "zh") in [stop["name"] for stop in stops[:-1]]
        for _ in range(5):
            tab.page.keyboard.press("ArrowRight")
        # keyboard scrolling is animated: wait for it to move
        tab.page.wait_for_function("document.activeElement.scrollLeft > 0", timeout=5_000)
    finally:
        tab.page.set_viewport_size(DESKTOP)


def test_presenter_mode_can_be_left_with_the_keyboard(tab):
    """Presenter mode closes the sidebar, where its switch is: the keyboard opens it and turns it off."""
    _open(tab, "mse?present=true")
    assert tab.page.locator('[data-testid="stSidebar"][aria-expanded="false"], [data-collapsed="true"]').count()
    _tab_to(tab, lambda f: f["name"] in {"Expand sidebar", "keyboard_double_arrow_right"})
    tab.page.keyboard.press("Enter")
    switch = _tab_to(tab, lambda f: f["name"] == translate("classroom.present", "en"))[-1]
    assert (switch["role"], switch["ring"]) == ("switch", True)
    tab.page.keyboard.press("Space")
    _settle(tab)
    assert "present=" not in tab.page.url
    tab.assert_clean()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_page_in_the_dark_theme_screenshot(browser, server, lang):
    """Screenshots of the whole of every page in the dark theme (artifacts/screenshots/dark-*.png)."""
    context = browser.new_context(viewport=DESKTOP, locale="en-US", color_scheme="dark")
    app = Watched(context.new_page(), server.url)
    try:
        for page in PAGES:
            _open(app, f"{page.url_path}?lang={lang}")
            _use_theme(app, "dark")
            height = app.page.evaluate("""document.querySelector('[data-testid="stMain"]').scrollHeight""")
            app.page.set_viewport_size({"width": DESKTOP["width"], "height": min(height, 8000)})
            app.page.wait_for_timeout(500)
            path = app.screenshot(f"dark-{page.url_path or 'home'}-{lang}")
            assert path.stat().st_size > 10_000
            app.page.set_viewport_size(DESKTOP)
        app.assert_clean()
    finally:
        context.close()
