"""Every page renders without an exception, in both languages, and survives hostile URL parameters."""

from __future__ import annotations

import pytest

from tests.app.helpers import (
    HOSTILE_VALUES,
    PAGES,
    open_page,
    open_tab,
    page_ids,
    page_tabs,
    tab_ids,
    url_param,
    widget_keys,
)
from ui.state import SPECS_KEY, TAB_PARAM


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("page", "tab"), page_tabs(), ids=tab_ids())
def test_every_tab_renders_without_exception(page, tab, lang):
    at = open_page(page, params={"lang": lang, **({TAB_PARAM: tab} if tab else {})})
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.session_state["lang"] == lang
    if tab:
        assert url_param(at, TAB_PARAM) == (None if tab == page.tabs[0][0] else tab)


@pytest.mark.parametrize("page", [p for p in PAGES if p.tabs], ids=[p.url_path for p in PAGES if p.tabs])
def test_opening_a_tab_draws_it_alone_and_puts_it_in_the_url(page):
    at = open_page(page)
    default = widget_keys(at)
    for code, _ in page.tabs[1:]:
        open_tab(at, page.url_path, code)
        assert not at.exception, (code, [e.value for e in at.exception])
        assert url_param(at, TAB_PARAM) == code
        assert len(at.tabs) == len(page.tabs)
        assert [len(tab.children) > 0 for tab in at.tabs] == [c == code for c, _ in page.tabs]
    open_tab(at, page.url_path, page.tabs[0][0])
    assert url_param(at, TAB_PARAM) is None  # the first tab is the default: no parameter
    assert widget_keys(at) == default


@pytest.mark.parametrize("page", PAGES, ids=page_ids())
def test_chinese_page_shows_chinese_text(page):
    at = open_page(page, params={"lang": "zh"})
    text = " ".join(m.value for m in [*at.markdown, *at.title, *at.header, *at.subheader, *at.caption])
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.parametrize(("page", "tab"), page_tabs(), ids=tab_ids())
def test_hostile_url_parameters_fall_back_with_a_warning(page, tab):
    at = open_page(page, params={TAB_PARAM: tab} if tab else None)
    # the drawn widgets, and the URL-bound controls read without drawing (a closed editor's numbers)
    keys = sorted((set(widget_keys(at)) | set(at.session_state[SPECS_KEY])) - {TAB_PARAM})
    assert "lang" in keys and "device" in keys
    for value in HOSTILE_VALUES:
        params = dict.fromkeys(keys, value) | ({TAB_PARAM: tab} if tab else {})
        at = open_page(page, params=params)
        assert not at.exception, (value, [e.value for e in at.exception])
        if value not in ("", "0", "-1"):
            assert at.warning, f"no warning for {value!r}"
        shown = " ".join(w.value for w in at.warning)
        assert "<script>" not in shown or "`<script>" in shown


@pytest.mark.parametrize("page", [p for p in PAGES if p.tabs], ids=[p.url_path for p in PAGES if p.tabs])
@pytest.mark.parametrize("value", ["<script>alert(1)</script>", "Jacobian", "nope", "1"])
def test_an_unknown_tab_in_the_url_opens_the_first_tab_with_a_warning(page, value):
    at = open_page(page, params={TAB_PARAM: value})
    assert not at.exception, [e.value for e in at.exception]
    assert any(f"`{TAB_PARAM}`" in w.value or TAB_PARAM in w.value for w in at.warning)
    assert [len(tab.children) > 0 for tab in at.tabs] == [i == 0 for i in range(len(page.tabs))]
    assert url_param(at, TAB_PARAM) is None
