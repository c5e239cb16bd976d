"""The one number formatter: tutorial-style decimals, never a false zero."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ui.numbers import count, factor, num, tex_num


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (12.0, "12"),
        (17 / 6, "2.8333"),
        (-13 / 3, "-4.3333"),
        (0.0, "0"),
        (-0.0, "0"),
        (0.09471, "0.09471"),
        (0.000123456, "0.0001235"),
        (1.234e-7, "1.234e-07"),
        (5.4e13, "5.4e+13"),
        (float("inf"), "inf"),
        (float("nan"), "nan"),
    ],
)
def test_num_writes_tutorial_decimals_and_significant_digits_below_one(value, text):
    assert num(value) == text


@given(st.floats(min_value=-1e300, max_value=1e300).filter(lambda v: v != 0))
def test_num_never_reads_as_zero_and_keeps_four_significant_digits(value):
    text = num(value)
    assert float(text) != 0
    assert math.isclose(float(text), value, rel_tol=5e-4)


def test_tex_num_writes_powers_of_ten():
    assert tex_num(1.234e-7) == r"1.234 \times 10^{-7}"
    assert tex_num(float("inf")) == r"\infty"
    assert tex_num(0.5) == "0.5"


def test_factor_wraps_negative_operands():
    assert factor(-2.5) == "(-2.5)"
    assert factor(2.5) == "2.5"
    assert factor(-1e-9, tex=True) == r"(-1 \times 10^{-9})"


def test_count_uses_thousands_separators():
    assert count(100000) == "100,000"
    assert count(1) == "1"
