"""Running the real app (router + sidebar + page) under Streamlit's AppTest."""

from __future__ import annotations

import math
import random
import string
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ui.i18n import translate
from ui.nav import PAGES, PageInfo, page_info
from ui.state import tabs_key

ROOT = Path(__file__).resolve().parents[2]
HOSTILE_VALUES = [
    "",
    "nan",
    "-inf",
    "1e309",
    "-1",
    "0",
    "99999999999999999999",
    "<script>alert(1)</script>",
    "![x](http://127.0.0.1:9/x.png)",
    "' OR 1=1 --",
    "%00",
    "x" * 5000,
]


def open_page(page: PageInfo, *, params: dict[str, str] | None = None, timeout: float = 60) -> AppTest:
    """The app opened on `page` with `params` in the URL, after its first run."""
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=timeout)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if not page.is_home:
        at.switch_page(page.script).run()
    return at


def open_tab(at: AppTest, page: str, code: str) -> AppTest:
    """Open tab `code` of `page` (its URL path) as a click on it does, then rerun: a page draws only
    its open tab."""
    lang = at.session_state["lang"]
    at.session_state[tabs_key(page, lang)] = translate(dict(page_info(page).tabs)[code], lang)
    return at.run()


def url_param(at: AppTest, key: str) -> str | None:
    """URL parameter `key` as the app last left it (AppTest keeps the ones it set as lists)."""
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) else value


def page_tabs() -> list[tuple[PageInfo, str | None]]:
    """Every (page, tab code) of the app; Home, which has no tabs, once with None."""
    return [(page, code) for page in PAGES for code in ([c for c, _ in page.tabs] or [None])]


def tab_ids() -> list[str]:
    return [f"{page.url_path or 'home'}-{code}" if code else "home" for page, code in page_tabs()]


def widget_keys(at: AppTest) -> list[str]:
    """The keys of every keyed widget on the page (these are the page's URL parameters)."""
    keys = []
    for kind in (
        "selectbox",
        "radio",
        "slider",
        "number_input",
        "text_input",
        "toggle",
        "checkbox",
        "button_group",
        "select_slider",
        "multiselect",
        "text_area",
    ):
        for widget in getattr(at, kind, []):
            key = getattr(widget, "key", None)
            if key and not key.startswith("$$"):
                keys.append(key)
    return sorted(set(keys))


def page_ids() -> list[str]:
    return [p.url_path or "home" for p in PAGES]


def random_widget_value(rng: random.Random, spec: tuple):
    """A random value a URL-bound widget with this spec (ui.state.url_specs) accepts."""
    kind = spec[0]
    if kind == "select":
        return rng.choice(spec[1])
    if kind == "toggle":
        return rng.random() < 0.5
    if kind == "text":
        alphabet = string.digits + ",.;- eE" + "ab"
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, min(30, spec[1]))))
    low, high, integer = spec[1], spec[2], spec[3]
    roll = rng.random()
    if roll < 0.15:
        value = low
    elif roll < 0.3:
        value = high
    elif low > 0 and high / low > 100:  # log-uniform, so wide ranges are explored at every scale
        value = math.exp(rng.uniform(math.log(low), math.log(high)))
    else:
        value = rng.uniform(low, high)
    return round(value) if integer else float(value)


__all__ = [
    "HOSTILE_VALUES",
    "PAGES",
    "open_page",
    "open_tab",
    "page_ids",
    "page_tabs",
    "random_widget_value",
    "tab_ids",
    "url_param",
    "widget_keys",
]
