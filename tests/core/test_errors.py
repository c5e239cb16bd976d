"""The validation helpers name the bad value and what is allowed."""

import math

import pytest
import torch

from core.errors import InputError, check_choice, check_finite, check_number, check_shape


def test_input_error_is_a_value_error():
    assert issubclass(InputError, ValueError)


def test_check_finite_names_the_first_bad_index():
    x = torch.tensor([[1.0, 2.0], [math.inf, math.nan]])
    with pytest.raises(InputError, match=r"X has a non-finite value inf at index \(1, 0\)") as info:
        check_finite("X", x)
    assert info.value.code == "not_finite" and info.value.details["index"] == (1, 0)


def test_check_shape_names_both_shapes():
    with pytest.raises(InputError, match=r"Y has shape \(3, 2\), expected \(2, 3\)"):
        check_shape("Y", torch.zeros(3, 2), (2, 3))


@pytest.mark.parametrize("value", ["abc", None, math.nan, math.inf])
def test_check_number_rejects_non_numbers(value):
    with pytest.raises(InputError, match="lr must be"):
        check_number("lr", value)


def test_check_number_open_lower_bound():
    with pytest.raises(InputError, match=r"lr must be in \(0, 10\]"):
        check_number("lr", 0, low=0, high=10, low_open=True)
    assert check_number("lr", "0.5", low=0, high=10, low_open=True) == 0.5


def test_check_number_integer():
    assert check_number("batch", 3.0, low=1, integer=True) == 3
    with pytest.raises(InputError, match="whole number"):
        check_number("batch", 2.5, integer=True)


def test_check_choice_lists_the_allowed_values():
    assert check_choice("loss", "mean", ("mean", "sum")) == "mean"
    with pytest.raises(InputError, match=r"loss must be one of \('mean', 'sum'\), got 'avg'") as info:
        check_choice("loss", "avg", ("mean", "sum"))
    assert info.value.code == "unknown_option"
