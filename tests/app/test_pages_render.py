"""Every page renders without an exception, in both languages, and survives hostile URL parameters."""

from __future__ import annotations

import pytest

from tests.app.helpers import HOSTILE_VALUES, PAGES, open_page, page_ids, widget_keys


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", PAGES, ids=page_ids())
def test_page_renders_without_exception(page, lang):
    at = open_page(page, params={"lang": lang})
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.session_state["lang"] == lang


@pytest.mark.parametrize("page", PAGES, ids=page_ids())
def test_chinese_page_shows_chinese_text(page):
    at = open_page(page, params={"lang": "zh"})
    text = " ".join(m.value for m in [*at.markdown, *at.title, *at.header, *at.subheader, *at.caption])
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.parametrize("page", PAGES, ids=page_ids())
def test_hostile_url_parameters_fall_back_with_a_warning(page):
    keys = widget_keys(open_page(page))
    assert "lang" in keys and "device" in keys
    for value in HOSTILE_VALUES:
        at = open_page(page, params=dict.fromkeys(keys, value))
        assert not at.exception, (value, [e.value for e in at.exception])
        if value not in ("", "0", "-1"):
            assert at.warning, f"no warning for {value!r}"
        shown = " ".join(w.value for w in at.warning)
        assert "<script>" not in shown or "`<script>" in shown
