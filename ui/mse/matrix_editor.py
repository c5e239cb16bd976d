"""An editable number matrix (`st.data_editor`) that reports bad cells instead of crashing.

Cells are edited as text, so anything a learner types (an empty cell, "abc", "nan", "1e999") reaches
`parse_cells`, which names the first bad cell. Rows and columns are counted from 0, as Python indexes
X[i, j] and as the page's heatmaps label them.
Matrices travel in the URL as "3,1;4,2;5,3" (rows separated by ";", cells by ",").
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pandas as pd
import streamlit as st

from core.errors import InputError
from ui.state import encode_number

MAX_SIZE = 20
Matrix = list[list[float]]


def _cell_value(name: str, row: int, col: int, raw: object) -> float:
    text = "" if raw is None or raw is pd.NA else str(raw).strip()
    if text == "":
        raise InputError(f"{name}[{row}, {col}] is empty", code="matrix_empty", name=name, row=row, col=col)
    try:
        value = float(text)
    except ValueError:
        raise InputError(
            f"{name}[{row}, {col}] = {text!r} is not a number",
            code="matrix_text",
            name=name,
            row=row,
            col=col,
            value=text,
        ) from None
    if not math.isfinite(value):
        raise InputError(
            f"{name}[{row}, {col}] = {text} is not finite",
            code="matrix_not_finite",
            name=name,
            row=row,
            col=col,
            value=text,
        )
    return value


def check_size(name: str, rows: int, cols: int) -> None:
    """Raise `InputError` unless 1 ≤ rows, cols ≤ MAX_SIZE."""
    if not (1 <= rows <= MAX_SIZE and 1 <= cols <= MAX_SIZE):
        raise InputError(
            f"{name} is {rows}x{cols}; matrices must be between 1x1 and {MAX_SIZE}x{MAX_SIZE}",
            code="matrix_size",
            name=name,
            rows=rows,
            cols=cols,
            limit=MAX_SIZE,
        )


def parse_cells(name: str, cells: Sequence[Sequence[object]]) -> Matrix:
    """The matrix of floats in `cells`, or `InputError` naming the first bad cell by its 0-based row and column."""
    rows = len(cells)
    cols = len(cells[0]) if rows else 0
    check_size(name, rows, cols)
    if any(len(row) != cols for row in cells):
        raise InputError(f"{name} has rows of different lengths", code="matrix_ragged", name=name)
    return [[_cell_value(name, i, j, raw) for j, raw in enumerate(row)] for i, row in enumerate(cells)]


def encode_matrix(values: Matrix) -> str:
    """The URL form of a matrix: "3,1;4,2;5,3"."""
    return ";".join(",".join(encode_number(v) for v in row) for row in values)


def decode_matrix(raw: str, name: str = "X") -> Matrix:
    """The matrix in a URL value; raises `ValueError` (an `InputError`) for anything malformed."""
    return parse_cells(name, [row.split(",") for row in raw.split(";")])


def resize(values: Matrix, rows: int, cols: int, fill: float = 0.0) -> Matrix:
    """`values` cut or padded with `fill` to rows x cols, keeping every entry that still fits."""
    return [
        [values[i][j] if i < len(values) and j < len(values[i]) else fill for j in range(cols)] for i in range(rows)
    ]


def _frame(values: Matrix) -> pd.DataFrame:
    columns = [str(j) for j in range(len(values[0]))]
    index = pd.Index([str(i) for i in range(len(values))])
    return pd.DataFrame([[encode_number(v) for v in row] for row in values], columns=columns, index=index, dtype=object)


def matrix_editor(base: Matrix, *, key: str, container: Any = None) -> list[list[object]]:
    """Draw an editor over `base`; the cells as edited (text: `parse_cells` reads them).

    Give a new `key` whenever `base` changes (a preset, a resize): a keyed editor re-applies its old
    cell edits to new data of the same shape.
    """
    frame = _frame(base)
    column_config = {col: st.column_config.TextColumn(col, width="small") for col in frame.columns}
    edited = (container or st).data_editor(
        frame, key=key, num_rows="fixed", column_config=column_config, width="content"
    )
    return edited.to_numpy(dtype=object).tolist()
