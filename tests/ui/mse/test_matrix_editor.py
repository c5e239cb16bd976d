"""The MSE page's matrix editor, without a browser: the cell parser and the URL encoding."""

from __future__ import annotations

import pytest

from core.errors import InputError
from ui.mse.matrix_editor import MAX_SIZE, decode_matrix, encode_matrix, parse_cells, resize


def test_cells_typed_as_text_become_floats():
    assert parse_cells("X", [["3", " 1.5 "], ["-2", "1e-3"]]) == [[3.0, 1.5], [-2.0, 0.001]]


@pytest.mark.parametrize(
    ("cell", "code"),
    [(None, "matrix_empty"), ("", "matrix_empty"), ("abc", "matrix_text"), ("inf", "matrix_not_finite")],
)
def test_a_bad_cell_is_reported_with_its_0_based_position(cell, code):
    with pytest.raises(InputError) as raised:
        parse_cells("Y", [["1", "2"], ["3", cell]])
    assert raised.value.code == code
    assert (raised.value.details["row"], raised.value.details["col"]) == (1, 1)  # Y[1, 1], as Python indexes it


def test_matrices_past_the_size_limit_are_rejected():
    with pytest.raises(InputError, match=f"between 1x1 and {MAX_SIZE}x{MAX_SIZE}"):
        parse_cells("X", [["1"]] * (MAX_SIZE + 1))


def test_url_encoding_round_trips_and_stays_short():
    values = [[3.0, 1.0], [4.0, 2.5], [-5.0, 3.0]]
    assert encode_matrix(values) == "3,1;4,2.5;-5,3"
    assert decode_matrix(encode_matrix(values)) == values


@pytest.mark.parametrize("raw", ["1,2;3", "", "1,x", "1;nan"])
def test_malformed_url_matrices_raise_value_error(raw):
    with pytest.raises(ValueError):
        decode_matrix(raw)


def test_resize_keeps_what_fits_and_pads_with_zeros():
    assert resize([[1.0, 2.0], [3.0, 4.0]], 3, 1) == [[1.0], [3.0], [0.0]]
