"""Running the real app (router + sidebar + page) under Streamlit's AppTest."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from ui.nav import PAGES, PageInfo

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


__all__ = ["HOSTILE_VALUES", "PAGES", "open_page", "page_ids", "widget_keys"]
