"""URL-state parsing and the safe display of user-supplied values."""

from __future__ import annotations

import pytest

from ui.state import _parse_bool, _parse_number, _parse_option, encode_number
from ui.text import escape_md, shown


@pytest.mark.parametrize("value", [0.5, 3.0, 1e-05, -2.25, 7, 0.1 + 0.2])
def test_encoded_number_reads_back_exactly(value):
    assert float(encode_number(value)) == value


def test_whole_floats_encode_without_a_decimal_point():
    assert encode_number(3.0) == "3"


@pytest.mark.parametrize("raw", ["nan", "inf", "-inf", "abc", "", "11", "-0.5"])
def test_number_parser_rejects_non_finite_and_out_of_range(raw):
    with pytest.raises(ValueError):
        _parse_number(0, 10, integer=False)(raw)


def test_integer_parser_rejects_fractions_and_returns_ints():
    parse = _parse_number(1, 100, integer=True)
    assert parse("12") == 12 and isinstance(parse("12"), int)
    assert parse("12.0") == 12
    with pytest.raises(ValueError):
        parse("12.5")


def test_option_parser_accepts_only_listed_codes():
    parse = _parse_option(["mean", "sum"])
    assert parse("sum") == "sum"
    with pytest.raises(ValueError):
        parse("SUM")


@pytest.mark.parametrize("raw,expected", [("true", True), ("1", True), ("off", False), ("FALSE", False)])
def test_bool_parser(raw, expected):
    assert _parse_bool(raw) is expected


def test_shown_value_is_an_inert_short_code_span():
    text = shown("<script>`x`</script>" * 10)
    assert text.startswith("`<script>'x'") and text.endswith("…`")
    assert text.count("`") == 2


def test_escape_md_makes_markdown_literal():
    assert escape_md("![x](http://a/b.png) *y*") == r"\!\[x\]\(http://a/b\.png\) \*y\*"
