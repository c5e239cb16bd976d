"""Accessibility for every page at once: focus rings, readable code colours, keyboard-reachable scroll boxes.

`inject()` runs once per script run, from streamlit_app.py, before the page. It sends
- CSS (a style-only `st.html`, which Streamlit puts in its event container: it takes no space):
  a visible focus ring on everything focusable; a closed sidebar out of the Tab order (Streamlit
  only slides it off screen, so Tab walked through controls nobody could see); code-token colours
  that keep 4.5:1 on each theme's code background (Streamlit's syntax colours are fixed and fall to
  2.2:1 on the light one); a visible scrollbar and edge shadow on the boxes that scroll sideways,
  and charts that scroll on a phone instead of being cut off;
- a small script (`st.html(..., unsafe_allow_javascript=True)`, not iframed, its container hidden
  by the CSS) that keeps three things true as Streamlit redraws the page:
  1. `<html data-ll-theme="light|dark">` follows the theme in use (the system's, or the one picked
     in the settings menu), read from the app's background, so the CSS can differ per theme, and
     `<html lang>` follows the page's language;
  2. keyboard focus survives a rerun: when the focused control is redrawn (opening a tab redraws the
     tab bar), its successor with the same key gets the focus back instead of <body>;
  3. a formula, code block, table or chart that is wider than its box (a wide `st.latex` matrix, long code
     on a phone) becomes a keyboard stop: `tabindex="0"`, `role="region"` and a translated
     `aria-label`, so it can be reached and scrolled with the arrow keys (WCAG 2.1.1; axe-core's
     scrollable-region-focusable). A box that fits again loses them, so no empty tab stops remain.

Checked against Streamlit 1.67.0: the class and test-id names below are Streamlit's (KaTeX's
`.katex-display` inside st.latex/st.markdown, `stCode`, `stTable`, `stVegaLiteChart`, `stApp`,
`stElementContainer`).
tests/e2e/test_accessibility_browser.py fails if they change (axe-core finds the scroll boxes again).
"""

from __future__ import annotations

import json
import re

import streamlit as st

from ui.i18n import current_lang, t

# Prism token colours for the light theme; each keeps >= 4.5:1 on the code background (tests/ui/test_a11y.py).
LIGHT_CODE_TOKENS = {
    ".token.comment, .token.prolog, .token.doctype, .token.cdata, .token.punctuation": "#555867",
    ".token.attr-name, .token.property, .token.variable": "#0e6b8a",
    ".token.boolean, .token.constant, .token.symbol, .token.url": "#6d3fc0",
    ".token.number, .token.regex": "#246e69",
    ".token.string, .token.char, .token.attr-value": "#177233",
    ".token.operator, .token.entity, .token.decorator, .token.atrule": "#a34700",
    ".token.keyword, .token.tag, .token.function, .token.class-name, .token.selector": "#0054a3",
}
# On the dark theme's code background only Streamlit's blue (keywords, functions) falls short (4.35:1).
DARK_CODE_TOKENS = {".token.keyword, .token.tag, .token.function, .token.class-name, .token.selector": "#60b4ff"}

# <html lang>, which Streamlit leaves at "en": screen readers pick their voice by it (WCAG 3.1.1)
HTML_LANG = {"en": "en", "zh": "zh-CN"}  # as the worksheets (ui/classroom.py) write it

# what scrolls sideways, and the translation key of its label
SCROLLERS = {
    ".katex-display": "a11y.formula",
    '[data-testid="stCode"] pre': "a11y.code",
    '[data-testid="stTable"]': "a11y.table",
    '[data-testid="stVegaLiteChart"]': "a11y.chart",
}


def _rgb(color: str) -> tuple[int, int, int]:
    digits = color.lstrip("#")
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def relative_luminance(color: str) -> float:
    """WCAG 2.2's relative luminance of a "#rrggbb" colour."""
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in _rgb(color)))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.2's contrast ratio of two "#rrggbb" colours, from 1 to 21 (AA: 4.5 for text, 3 for graphics)."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def blend(a: str, b: str, share: float) -> str:
    """`a` and `b` mixed channel by channel in sRGB, `share` of `b`: what a colour scale with
    interpolate="rgb" draws, and what text at opacity 1 - `share` over `b` looks like."""
    return "#" + "".join(f"{round((1 - share) * x + share * y):02x}" for x, y in zip(_rgb(a), _rgb(b), strict=True))


def focus_color(theme: str) -> str:
    """The focus ring's colour in `theme` ("light" or "dark"): the theme's primary colour."""
    return st.get_option(f"theme.{theme}.primaryColor")


def css() -> str:
    """The shared style sheet (see the module's docstring)."""
    tokens = "\n".join(
        f'html[data-ll-theme="{theme}"] [data-testid="stCode"] :is({selector}) {{ color: {color}; }}'
        for theme, colors in (("light", LIGHT_CODE_TOKENS), ("dark", DARK_CODE_TOKENS))
        for selector, color in colors.items()
    )
    return f"""
:root {{ --ll-focus: {focus_color("light")}; }}
html[data-ll-theme="dark"] {{ --ll-focus: {focus_color("dark")}; }}
[data-testid="stElementContainer"]:has(script[data-ll-a11y]) {{ display: none; }}
/* a closed sidebar is moved off screen; hidden, its controls also leave the Tab order */
[data-testid="stSidebar"][data-collapsed="true"] {{ visibility: hidden; }}
:focus-visible {{ outline: 2px solid var(--ll-focus) !important; outline-offset: 2px; }}
/* a chart drawn wider than a phone scrolls instead of being cut off */
[data-testid="stVegaLiteChart"] {{ overflow-x: auto; overflow-y: hidden; }}
[data-ll-scroll] {{
  overflow-x: auto;
  scrollbar-width: thin;
  scrollbar-color: var(--ll-focus) transparent;
  box-shadow: inset -12px 0 10px -10px color-mix(in srgb, currentColor 45%, transparent);
}}
{tokens}
"""


_SCRIPT = """
(() => {
  const state = (window.lossLabA11y = window.lossLabA11y || {});
  state.labels = LABELS;
  state.lang = LANG;
  const isDark = (color) => {
    const rgb = (color.match(/[\\d.]+/g) || ["255", "255", "255"]).slice(0, 3).map(Number);
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2] < 128;
  };
  const hasFocusable = (el) =>
    el.querySelector("a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])") !== null;
  state.update = () => {
    const app = document.querySelector('[data-testid="stApp"]') || document.body;
    document.documentElement.dataset.llTheme = isDark(getComputedStyle(app).backgroundColor) ? "dark" : "light";
    document.documentElement.lang = state.lang;
    for (const [selector, label] of Object.entries(state.labels)) {
      for (const el of document.querySelectorAll(selector)) {
        const wide = el.scrollWidth > el.clientWidth + 1;
        if (wide && (el.hasAttribute("data-ll-scroll") || !hasFocusable(el))) {
          el.setAttribute("data-ll-scroll", "");
          el.setAttribute("tabindex", "0");
          el.setAttribute("role", "region");
          el.setAttribute("aria-label", label);
        } else if (!wide && el.hasAttribute("data-ll-scroll")) {
          for (const name of ["data-ll-scroll", "tabindex", "role", "aria-label"]) el.removeAttribute(name);
        }
      }
    }
  };
  // A rerun can replace the focused control (opening a tab redraws the tab bar): focus its successor,
  // the control with the same key and role (for tabs: the selected one), instead of dropping to the page's body.
  const restoreFocus = () => {
    const last = state.lastFocus;
    if (!last || last.el.isConnected || (document.activeElement && document.activeElement !== document.body)) return;
    const scope = last.key && document.querySelector(`.${CSS.escape(last.key)}`);
    const same = last.role ? `[role="${last.role}"]` : last.tag;
    const selector = last.role === "tab" ? '[role="tab"][aria-selected="true"]' : same;
    const next = scope && (scope.matches(selector) ? scope : scope.querySelector(selector));
    if (next) next.focus({ preventScroll: true });
  };
  state.restoreFocus = restoreFocus;
  if (state.observer) {
    state.update();
    return;
  }
  let pending = false;
  const schedule = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      state.update();
      state.restoreFocus();
    });
  };
  document.addEventListener("focusin", (event) => {
    const el = event.target;
    const holder = el.closest && el.closest('[class*="st-key-"]');
    const key = holder ? [...holder.classList].find((name) => name.startsWith("st-key-")) : null;
    state.lastFocus = { el, key, role: el.getAttribute("role"), tag: el.tagName.toLowerCase() };
  });
  state.observer = new MutationObserver(schedule);
  const watched = { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] };
  state.observer.observe(document.body, watched);
  window.addEventListener("resize", schedule);
  window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", schedule);
  state.update();
})();
"""


def script() -> str:
    """The script (see the module's docstring), with this run's translated labels."""
    labels = json.dumps({selector: t(key) for selector, key in SCROLLERS.items()}, ensure_ascii=False)
    # DOMPurify, which st.html runs, drops a script whose text has "<" before a letter, "/" or "!"
    return _SCRIPT.replace("LABELS", re.sub(r"<(?=[\w/!])", r"\\u003c", labels)).replace(
        "LANG", json.dumps(HTML_LANG[current_lang()])
    )


def inject() -> None:
    """Send the style sheet and the script; call once per run, before the page draws anything."""
    st.html(f"<style>{css()}</style>")
    st.html(f"<script data-ll-a11y>{script()}</script>", unsafe_allow_javascript=True)
