"""CSV uploads: numbers in, every problem reported by column and row, nothing evaluated or guessed."""

from __future__ import annotations

import io
import zipfile

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from core.errors import InputError
from core.table import MAX_UPLOAD_BYTES, parse_csv, table_xy


def test_a_clean_csv_becomes_float64_tensors():
    table = parse_csv(b"area,age,price\n1,2,1\n4,2,6\n8,1,2\n")
    X, y, dropped = table_xy(table, ["area", "age"], "price")
    assert table.columns == ["area", "age", "price"] and not table.issues
    assert X.dtype == torch.float64 and X.tolist() == [[1, 2], [4, 2], [8, 1]]
    assert y.tolist() == [[1], [6], [2]] and dropped == []


def test_missing_and_non_numeric_cells_are_reported_by_column_and_row():
    table = parse_csv(b"x,y\n1,2\n,3\nabc,4\n5,\n")
    issues = {i.column: i for i in table.issues}
    assert (issues["x"].missing, issues["x"].not_numeric, issues["x"].examples) == (1, 1, ((2, ""), (3, "abc")))
    assert (issues["y"].missing, issues["y"].not_numeric, issues["y"].examples) == (1, 0, ((4, ""),))


def test_rows_with_a_bad_cell_in_a_chosen_column_are_left_out_and_listed():
    table = parse_csv(b"x,z,y\n1,oops,2\n,0,3\n3,0,4\n")
    X, y, dropped = table_xy(table, ["x"], "y")
    assert X.tolist() == [[1], [3]] and y.tolist() == [[2], [4]]
    assert dropped == [2]


def test_a_spreadsheet_formula_is_only_a_non_numeric_value():
    table = parse_csv(b"x,y\n\"=cmd|' /C calc'!A0\",1\n2,3\n")
    assert table.issues[0].examples == ((1, "=cmd|' /C calc'!A0"),)


def test_infinity_and_nan_spelled_out_are_not_numbers():
    table = parse_csv(b"x,y\ninf,1\nnan,2\n1e3,3\n")
    assert table.issues[0].not_numeric == 2
    assert table_xy(table, ["x"], "y")[0].tolist() == [[1000.0]]


def test_a_utf8_bom_and_spaces_after_commas_are_accepted():
    table = parse_csv("\ufeffx, y\n1, 2\n".encode())
    assert table.columns == ["x", "y"] and table.values.to_numpy().tolist() == [[1.0, 2.0]]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "csv_empty"),
        (b"x,y\n", "csv_empty"),
        (b"x,y\n\x00\x01\x02", "csv_binary"),
        ("x,y\n1,2\n".encode("utf-16"), "csv_binary"),
        (b"x,y\n\xff\xfe1,2\n", "csv_encoding"),
        (b"x,y\n" + b"1,2\n" * (MAX_UPLOAD_BYTES // 4 + 1), "csv_too_big"),
        (b'x,y\n"1,2\n', "csv_parse"),
    ],
)
def test_unusable_files_are_rejected_with_a_reason(data, code):
    with pytest.raises(InputError) as error:
        parse_csv(data)
    assert error.value.code == code


def test_a_zipped_workbook_is_rejected():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(InputError, match="zip archive"):
        parse_csv(buffer.getvalue())


@pytest.mark.parametrize(
    ("features", "target", "code"),
    [(["x"], "nope", "csv_column"), ([], "y", "csv_features"), (["x", "y"], "y", "csv_target")],
)
def test_bad_column_choices_are_input_errors(features, target, code):
    table = parse_csv(b"x,y\n1,2\n")
    with pytest.raises(InputError) as error:
        table_xy(table, features, target)
    assert error.value.code == code


def test_no_usable_row_is_an_input_error():
    with pytest.raises(InputError, match="no row"):
        table_xy(parse_csv(b"x,y\n,1\na,2\n"), ["x"], "y")


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.binary(max_size=300), st.text(alphabet='0123456789.,-e \n"=abc\t;', max_size=300).map(str.encode)))
def test_any_bytes_give_a_table_or_an_input_error(data):
    try:
        table = parse_csv(data)
    except InputError:
        return
    assert len(table.values) >= 1 and all(dtype == "float64" for dtype in table.values.dtypes)


def test_a_row_with_too_many_cells_is_a_parse_error_naming_the_line():
    with pytest.raises(InputError, match="line 3") as error:
        parse_csv(b"x,y\n1,2\n3,4,5\n")
    assert error.value.code == "csv_parse"


def test_a_row_with_too_few_cells_is_reported_as_missing():
    table = parse_csv(b"x,y\n1\n3,4\n")
    [issue] = table.issues
    assert (issue.column, issue.missing, issue.not_numeric) == ("y", 1, 0)
    assert issue.examples[0][0] == 1
