"""The MSE page's two heatmaps, squared error and X.grad, each with its text alternative (`ui.chart.described`):
a sentence built from the live numbers and the table of entries. The heatmap is the shared one
(`ui.charts.matrix`: 0-based rows and columns, coloured around 0 on the shared diverging scale)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from core.mse import MSEReport
from ui import chart
from ui.charts.matrix import heatmap, matrix_frame
from ui.i18n import translate
from ui.mse.formulas import focus_entry
from ui.numbers import num

MAX_WIDTH = 300  # pixels: a heatmap shares a row with text, even at 20 columns
Rows = list[list[float]]


def entries(columns: dict[str, Rows], lang: str) -> pd.DataFrame:
    """Matrices of one shape side by side in long form: the 0-based row and column of each entry, then one
    column per matrix, headed by its name in `columns`."""
    first = next(iter(columns.values()))
    cells = [(i, j) for i in range(len(first)) for j in range(len(first[0]))]
    table = {
        translate("mse.chart.row", lang): [i for i, _ in cells],
        translate("mse.chart.col", lang): [j for _, j in cells],
    }
    table |= {name: [float(values[i][j]) for i, j in cells] for name, values in columns.items()}
    return pd.DataFrame(table)


def squared_error_summary(x: Rows, y: Rows, squared: Rows, lang: str) -> str:
    """Where the largest squared error is, its value and inputs, and what all of them add up to."""
    total = sum(v for row in squared for v in row)
    if total == 0:
        return translate("mse.chart.squared_zero", lang)
    i, j = focus_entry(squared)
    count = len(squared) * len(squared[0])
    return translate(
        "mse.chart.squared_summary",
        lang,
        value=num(squared[i][j]),
        row=i,
        col=j,
        x=num(x[i][j]),
        y=num(y[i][j]),
        count=count,
        total=num(total),
    )


def gradient_summary(x: Rows, y: Rows, grad: Rows, lang: str) -> str:
    """X.grad's largest entry in size, where it is and its sign, with what the sign means for a step."""
    i, j = focus_entry(grad)
    value = grad[i][j]
    if value == 0:
        return translate("mse.chart.grad_zero", lang)
    key = "mse.chart.grad_positive" if value > 0 else "mse.chart.grad_negative"
    return translate(key, lang, value=num(value), row=i, col=j, x=num(x[i][j]), y=num(y[i][j]))


def squared_error_heatmap(x: Rows, y: Rows, report: MSEReport, lang: str, container: Any) -> None:
    """(x − y)² of every entry, as a heatmap with its summary and table."""
    squared = report.squared_error.tolist()
    chart.described(
        heatmap,
        matrix_frame(squared),
        title=translate("mse.chart.squared_title", lang),
        value_title="(x−y)²",
        row_title=translate("mse.chart.row", lang),
        col_title=translate("mse.chart.col", lang),
        max_width=MAX_WIDTH,
        container=container,
        width="content",
        summary=squared_error_summary(x, y, squared, lang),
        data=entries({"x": x, "y": y, "(x−y)²": squared}, lang),
    )


def gradient_heatmap(x: Rows, y: Rows, report: MSEReport, reduction: str, lang: str, container: Any) -> None:
    """X.grad from autograd, as a heatmap with its summary and table."""
    grad = report.grad.tolist()
    chart.described(
        heatmap,
        matrix_frame(grad),
        title="X.grad",
        value_title="∂(Σ loss)/∂x" if reduction == "none" else "∂loss/∂x",
        row_title=translate("mse.chart.row", lang),
        col_title=translate("mse.chart.col", lang),
        max_width=MAX_WIDTH,
        container=container,
        width="content",
        summary=gradient_summary(x, y, grad, lang),
        data=entries({"x": x, "y": y, "X.grad": grad}, lang),
    )
