"""URL state: every setting of a page lives in `st.query_params`, so a copied link reopens the view.

The pattern, used by every widget of every page:
1. the first time a widget is drawn in a session, its value is seeded from the URL if the URL has
   one; a malformed or out-of-range value is replaced by the default and a visible warning says so;
2. after the widget is drawn, its value is written back to the URL (and removed when it equals
   the default, to keep links short).

URL values are stable codes ("sum", "0.5", "true"), never translated labels, so a link works in
either language. Streamlit's own `bind="query-params"` stores the displayed label of a select box
(which changes with the language) and drops bad values silently, so it is not used here.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, Literal

import streamlit as st

from ui.i18n import current_lang, t
from ui.nav import page_info
from ui.text import shown


def warn_bad_param(key: str, raw: object, allowed: str, container: Any = None) -> None:
    """Say that URL parameter `key` had an unusable value and the default is used instead."""
    (container or st).warning(
        t("state.bad_param", name=key, value=shown(raw), allowed=allowed), icon=":material/warning:"
    )


def read_param(key: str, parse: Callable[[str], Any], default: Any, allowed: str, container: Any = None) -> Any:
    """The value of URL parameter `key` parsed by `parse`, or `default` (with a warning) if it fails.

    `parse` raises `ValueError` (InputError included) for a value it does not accept.
    """
    raw = st.query_params.get(key)
    if raw is None:
        return default
    try:
        return parse(raw)
    except ValueError:
        warn_bad_param(key, raw, allowed, container)
        return default


def write_param(key: str, encoded: str | None) -> None:
    """Put `encoded` in the URL under `key` (None removes it); only sends a change when there is one."""
    if encoded is None:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != encoded:
        st.query_params[key] = encoded


def encode_number(value: float) -> str:
    """The shortest text that reads back as the same number ("0.5", "3", "1e-05")."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


SPECS_KEY = "_url_specs"
DRAWN_KEY = "_url_drawn"
SHOWN_KEY = "_url_shown"
SHOWN_BEFORE_KEY = "_url_shown_before"
HIDE_PARAM = "hide"


def begin_run() -> None:
    """Forget which controls the last run drew (called once at the top of every run)."""
    st.session_state[DRAWN_KEY] = {}
    st.session_state[SHOWN_BEFORE_KEY] = st.session_state.get(SHOWN_KEY, set())
    st.session_state[SHOWN_KEY] = set()


def drawn_controls() -> dict[str, str]:
    """The URL-bound controls drawn so far in this run: key -> label."""
    return st.session_state.setdefault(DRAWN_KEY, {})


def hidden_keys() -> set[str]:
    """Controls a lesson link hides (`?hide=lr,batch`): they keep their URL value but are not drawn."""
    raw = st.query_params.get(HIDE_PARAM, "")
    return {key.strip() for key in raw.split(",") if key.strip()}


def _hidden(key: str, label: str, draw: bool = True) -> bool:
    """Register a control of this page; True if it is not to be drawn: a lesson link hides it, or
    it belongs to a tab that is closed (`draw=False`), where its value still counts."""
    drawn_controls()[key] = label
    if not draw or key in hidden_keys():
        return True
    st.session_state.setdefault(SHOWN_KEY, set()).add(key)
    return False


def url_specs() -> dict[str, tuple]:
    """What each URL-bound widget drawn in this session accepts, by key: ("select", options),
    ("number", min, max, integer), ("toggle",) or ("text", max_chars). Used by the fuzz tests."""
    return st.session_state.setdefault(SPECS_KEY, {})


def _seed(key: str, parse: Callable[[str], Any], default: Any, allowed: str, container: Any, spec: tuple) -> None:
    url_specs()[key] = spec
    if key not in st.session_state:
        st.session_state[key] = read_param(key, parse, default, allowed, container)
    elif key not in st.session_state.get(SHOWN_BEFORE_KEY, ()):
        # The last run did not draw this widget, e.g. a page's st.stop() ("upload a file first") came
        # before it: Streamlit then keeps its value on the server (a stopped run cleans up no widget
        # state) while the browser has dropped the element and would draw it afresh at the widget's
        # own default (the minimum, the first option, ""), then send that back with the next edit of
        # any other widget. Setting the value again sends it to the browser with the element.
        st.session_state[key] = st.session_state[key]


def _sync(key: str, value: Any, default: Any, encode: Callable[[Any], str]) -> None:
    write_param(key, None if value == default else encode(value))


def _parse_option(options: Sequence[str]) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        if raw not in options:
            raise ValueError(raw)
        return raw

    return parse


def url_select(
    key: str,
    label: str,
    options: Sequence[str],
    *,
    default: str | None = None,
    format_func: Callable[[str], str] = str,
    widget: Literal["selectbox", "radio", "segmented"] = "selectbox",
    container: Any = None,
    help: str | None = None,
    disabled: bool = False,
    draw: bool = True,
) -> str:
    """A select box, radio or segmented control whose value (an option code) lives in the URL.
    With `draw=False` (its tab is closed) the value is read but no widget is drawn."""
    c = container or st
    options = list(options)
    default = options[0] if default is None else default
    _seed(key, _parse_option(options), default, ", ".join(options), c, ("select", tuple(options)))
    if _hidden(key, label, draw):
        return st.session_state[key]
    # labels fixed now, in this run's language: a format_func that translated lazily could be
    # called later (by AppTest, say) in another language than the options were drawn in
    labels = {option: format_func(option) for option in options}
    common = dict(key=key, format_func=labels.__getitem__, help=help, disabled=disabled)
    if widget == "radio":
        value = c.radio(label, options, horizontal=True, **common)
    elif widget == "segmented":
        value = c.segmented_control(label, options, selection_mode="single", **common)
        if value is None:  # a segmented control can be clicked off; treat that as "keep the default"
            value = default
    else:
        value = c.selectbox(label, options, **common)
    _sync(key, value, default, str)
    return value


def _parse_number(low: float, high: float, integer: bool) -> Callable[[str], float | int]:
    def parse(raw: str) -> float | int:
        value = float(raw)
        if not math.isfinite(value) or not low <= value <= high:
            raise ValueError(raw)
        if integer:
            if not value.is_integer():
                raise ValueError(raw)
            return int(value)
        return value

    return parse


def url_number(
    key: str,
    label: str,
    *,
    default: float | int,
    min_value: float | int,
    max_value: float | int,
    step: float | int | None = None,
    widget: Literal["number", "slider"] = "number",
    container: Any = None,
    help: str | None = None,
    format: str | None = None,
    disabled: bool = False,
    draw: bool = True,
) -> float | int:
    """A number input or slider whose value lives in the URL; ints stay ints. `draw=False`: see url_select."""
    c = container or st
    integer = isinstance(default, int) and not isinstance(default, bool)
    allowed = f"{min_value} … {max_value}" + (t("state.integers") if integer else "")
    _seed(
        key,
        _parse_number(min_value, max_value, integer),
        default,
        allowed,
        c,
        ("number", min_value, max_value, integer),
    )
    if _hidden(key, label, draw):
        return st.session_state[key]
    common = dict(
        min_value=min_value, max_value=max_value, step=step, key=key, help=help, format=format, disabled=disabled
    )
    value = c.slider(label, **common) if widget == "slider" else c.number_input(label, **common)
    _sync(key, value, default, encode_number)
    return value


def _parse_bool(raw: str) -> bool:
    if raw.lower() in ("true", "1", "yes", "on"):
        return True
    if raw.lower() in ("false", "0", "no", "off"):
        return False
    raise ValueError(raw)


def url_toggle(
    key: str,
    label: str,
    *,
    default: bool = False,
    container: Any = None,
    help: str | None = None,
    disabled: bool = False,
    draw: bool = True,
) -> bool:
    """A toggle whose value lives in the URL as true/false. `draw=False`: see url_select."""
    c = container or st
    _seed(key, _parse_bool, default, "true, false", c, ("toggle",))
    if _hidden(key, label, draw):
        return st.session_state[key]
    value = c.toggle(label, key=key, help=help, disabled=disabled)
    _sync(key, value, default, lambda v: str(v).lower())
    return value


def url_text(
    key: str,
    label: str,
    *,
    default: str,
    max_chars: int,
    container: Any = None,
    help: str | None = None,
    placeholder: str | None = None,
    draw: bool = True,
) -> str:
    """A one-line text input whose value lives in the URL (validated by the page, not here).
    `draw=False`: see url_select."""
    c = container or st

    def parse(raw: str) -> str:
        if len(raw) > max_chars:
            raise ValueError(raw)
        return raw

    _seed(key, parse, default, t("state.at_most_chars", n=max_chars), c, ("text", max_chars))
    if _hidden(key, label, draw):
        return st.session_state[key]
    value = c.text_input(label, key=key, max_chars=max_chars, help=help, placeholder=placeholder)
    _sync(key, value, default, str)
    return value


TAB_PARAM = "tab"


def tabs_key(page: str, lang: str) -> str:
    """The session-state key of a page's tabs: their widget holds a label, which changes with the
    language, so each language has its own (the URL holds the code, which does not change)."""
    return f"_tabs.{page}.{lang}"


def url_tabs(page: str) -> tuple[dict[str, Any], str]:
    """The tabs of `page` (its URL path; the tabs are listed in ui/nav.py) with the open one in the URL as
    `tab=<code>`; returns the containers by code and the open tab's code.

    They are Streamlit's lazy tabs (`on_change="rerun"`): opening another tab reruns the page, so a
    page draws only the open tab's content and a rerun pays for one tab, not for all of them.
    """
    tabs = {code: t(label_key) for code, label_key in page_info(page).tabs}
    codes = list(tabs)
    key = tabs_key(page, current_lang())
    by_label = {label: code for code, label in tabs.items()}
    if st.session_state.get(key) not in by_label:
        st.session_state[key] = tabs[read_param(TAB_PARAM, _parse_option(codes), codes[0], ", ".join(codes))]
    url_specs()[TAB_PARAM] = ("select", tuple(codes))
    containers = st.tabs(list(tabs.values()), key=key, on_change="rerun")
    opened = by_label[st.session_state[key]]
    write_param(TAB_PARAM, None if opened == codes[0] else opened)
    return dict(zip(codes, containers, strict=True)), opened
