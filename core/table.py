"""A user's CSV upload, from bytes to a numeric table: every cell read as text, then checked, never evaluated.

Nothing is written to disk and nothing in a cell is interpreted beyond "is this a number": a
spreadsheet formula such as `=cmd|' /C calc'!A0` is just a non-numeric value, reported like any other.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch

from core.config import MAX_FEATURES, MAX_ROWS
from core.errors import InputError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_COLUMNS = 100
EXAMPLES_PER_COLUMN = 5


@dataclass(frozen=True)
class ColumnIssues:
    """The cells of one column that are not numbers: how many, and the first few (row, raw text).

    Rows are numbered from 1 for the first data row (the header is row 0).
    """

    column: str
    missing: int
    not_numeric: int
    examples: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class Table:
    """The parsed upload: float64 values (NaN where a cell is missing or not a number) and what was wrong."""

    values: pd.DataFrame
    issues: tuple[ColumnIssues, ...]

    @property
    def columns(self) -> list[str]:
        return list(self.values.columns)

    def __repr__(self) -> str:
        return f"Table(rows={len(self.values)}, columns={self.columns}, issues={len(self.issues)})"


def _decode(data: bytes) -> str:
    if len(data) > MAX_UPLOAD_BYTES:
        raise InputError(
            f"the file has {len(data)} bytes; at most {MAX_UPLOAD_BYTES} are allowed",
            code="csv_too_big",
            size=len(data),
            limit=MAX_UPLOAD_BYTES,
        )
    if data.startswith(b"PK\x03\x04"):
        raise InputError(
            "this is a zip archive (an .xlsx workbook?), not a CSV text file; export it as CSV", code="csv_zip"
        )
    if b"\x00" in data:
        raise InputError("this is a binary file, not a CSV text file", code="csv_binary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"the file is not UTF-8 text (byte {error.start}); save it as UTF-8 CSV",
            code="csv_encoding",
            position=error.start,
        ) from None


def parse_csv(data: bytes) -> Table:
    """Parse a comma-separated file with a header row into a numeric `Table`.

    >>> parse_csv(b"x,y\\n1,2\\n3,oops\\n").issues[0].examples
    ((2, 'oops'),)
    """
    text = _decode(data)
    if not text.strip():
        raise InputError("the file is empty", code="csv_empty")
    try:
        raw = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_filter=False, skipinitialspace=True)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise InputError(
            f"the file is not a valid CSV table: {error}", code="csv_parse", reason=str(error)[:200]
        ) from None
    if raw.empty:
        raise InputError("the file has a header but no data rows", code="csv_empty")
    if len(raw.columns) > MAX_COLUMNS:
        raise InputError(
            f"the file has {len(raw.columns)} columns; at most {MAX_COLUMNS} are allowed",
            code="csv_too_many_columns",
            columns=len(raw.columns),
            limit=MAX_COLUMNS,
        )
    if len(raw) > MAX_ROWS:
        raise InputError(
            f"the file has {len(raw)} rows; at most {MAX_ROWS} are allowed",
            code="csv_too_many_rows",
            rows=len(raw),
            limit=MAX_ROWS,
        )
    values, issues = {}, []
    for name in raw.columns:
        cells = raw[name].str.strip()
        numbers = pd.to_numeric(cells, errors="coerce").astype("float64")
        numbers[~np.isfinite(numbers)] = np.nan
        missing = cells.eq("")
        bad = numbers.isna()
        if bad.any():
            rows = np.flatnonzero(bad.to_numpy())[:EXAMPLES_PER_COLUMN]
            examples = tuple((int(r) + 1, str(raw[name].iloc[r])) for r in rows)
            issues.append(ColumnIssues(str(name), int(missing.sum()), int((bad & ~missing).sum()), examples))
        values[str(name)] = numbers.to_numpy()
    return Table(pd.DataFrame(values), tuple(issues))


def table_xy(table: Table, features: Sequence[str], target: str) -> tuple[torch.Tensor, torch.Tensor, list[int]]:
    """X (n×d) and y (n×1) in float64 from the chosen columns, and the 1-based rows left out.

    A row is left out when one of the chosen columns has a missing or non-numeric cell there.
    """
    features = list(features)
    for name in [*features, target]:
        if name not in table.columns:
            raise InputError(f"column {name!r} is not in the table", code="csv_column", name=name)
    if not 1 <= len(features) <= MAX_FEATURES:
        raise InputError(
            f"choose 1 to {MAX_FEATURES} feature columns, got {len(features)}",
            code="csv_features",
            got=len(features),
            limit=MAX_FEATURES,
        )
    if target in features or len(set(features)) != len(features):
        raise InputError("the target must not also be a feature, and each feature only once", code="csv_target")
    chosen = table.values[[*features, target]].to_numpy()
    usable = np.isfinite(chosen).all(axis=1)
    if not usable.any():
        raise InputError("no row has numbers in all the chosen columns", code="csv_no_rows")
    X = torch.from_numpy(chosen[usable, :-1].copy())
    y = torch.from_numpy(chosen[usable, -1:].copy())
    return X, y, [int(r) + 1 for r in np.flatnonzero(~usable)]


MAX_EMBEDDED_VALUES = 50_000  # a table is written into an exported script; beyond this the script is unreadable


def embedded_rows(X: Sequence[Sequence[float]]) -> str:
    """The rows of X as Python list literals, one per line, for an exported script to hold the user's table;
    `InputError` when the table (with its label column) has more than `MAX_EMBEDDED_VALUES` numbers."""
    size = len(X) * (len(X[0]) + 1) if len(X) else 0
    if size > MAX_EMBEDDED_VALUES:
        raise InputError(
            f"the table has {size} values; a script embeds at most {MAX_EMBEDDED_VALUES}",
            code="script_too_big",
            values=size,
            limit=MAX_EMBEDDED_VALUES,
        )
    return ",\n    ".join("[" + ", ".join(repr(float(v)) for v in row) + "]" for row in X)
