"""Number lists typed as text: "1, 2" and "5 1 0" are lists; anything else is an InputError naming the field."""

from __future__ import annotations

import pytest

from core.errors import InputError
from core.number_lists import parse_number_list


@pytest.mark.parametrize(
    ("text", "expected"), [("1, 2", (1.0, 2.0)), ("5 1 0", (5.0, 1.0, 0.0)), ("", ()), ("-3.4;2e-1", (-3.4, 0.2))]
)
def test_commas_semicolons_and_spaces_separate_numbers(text, expected):
    assert parse_number_list(text, name="w0") == expected


def test_integer_lists_come_back_as_ints():
    assert parse_number_list("5, 1, 0", name="batch order", integer=True) == (5, 1, 0)


@pytest.mark.parametrize(
    ("text", "code"), [("1, two", "not_number"), ("nan", "not_number"), ("1.5", "not_integer"), ("-1", "out_of_range")]
)
def test_bad_entries_are_input_errors(text, code):
    with pytest.raises(InputError) as error:
        parse_number_list(text, name="batch order", integer=True, low=0)
    assert error.value.code == code


def test_too_many_values_is_an_input_error():
    with pytest.raises(InputError, match="at most 3"):
        parse_number_list("1 2 3 4", name="w0", max_len=3)
