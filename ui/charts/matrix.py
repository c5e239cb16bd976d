"""A matrix as an annotated heatmap: the one builder every page that shows a matrix uses.

Cells are coloured on the shared diverging scale centred at 0 (blue below, white at 0, red above), so a
signed matrix (a gradient, a Jacobian) and a non-negative one (squared errors: the same white to red, its
legend from 0) read the same way on every page; the number written on a cell is black or white,
whichever is readable on that cell.
Rows and columns are counted from 0, as Python indexes the tensor.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ui.charts import DIVERGING_POSITIVE, DIVERGING_ZERO, diverging_scale, diverging_text
from ui.numbers import num

MIN_STEP, MAX_STEP = 12, 44  # pixels per cell
LABELLED_UP_TO = 8  # columns: past this, cells of a narrow chart are too small for numbers (tooltips remain)


def matrix_frame(values: list[list[float]]) -> pd.DataFrame:
    """A matrix in long form: one row per entry with its 0-based `row`, `col`, its `value` and `label` (the
    value as every page writes numbers, so a small non-zero entry never reads 0)."""
    return pd.DataFrame(
        [(i, j, float(v), num(v)) for i, row in enumerate(values) for j, v in enumerate(row)],
        columns=["row", "col", "value", "label"],
    )


def heatmap(
    frame: pd.DataFrame,
    *,
    title: str,
    value_title: str,
    row_title: str | None = None,
    col_title: str | None = None,
    max_width: int | None = None,
    labelled_up_to: int = LABELLED_UP_TO,
) -> alt.LayerChart:
    """`frame` (from `matrix_frame`) as coloured cells, each with its label written in it.

    `max_width` (pixels) sizes the cells so the chart fits beside text; without it the chart takes its
    container's width (draw it with width="stretch"). Numbers are written in the cells up to
    `labelled_up_to` columns."""
    cols = int(frame["col"].max()) + 1
    limit = max(float(frame["value"].abs().max()), 1e-300)
    base = alt.Chart(frame, title=title).encode(
        alt.X("col:O", title=col_title, axis=alt.Axis(labelAngle=0, orient="top")),
        alt.Y("row:O", title=row_title),
        tooltip=[
            alt.Tooltip("row:O", title=row_title or "row"),
            alt.Tooltip("col:O", title=col_title or "col"),
            alt.Tooltip("label:N", title=value_title),
        ],
    )
    scale = diverging_scale(limit)
    if float(frame["value"].min()) >= 0:  # nothing below 0: the legend starts at 0, the colours stay the same
        scale = alt.Scale(domain=[0.0, limit], range=[DIVERGING_ZERO, DIVERGING_POSITIVE], interpolate="rgb")
    cells = base.mark_rect().encode(alt.Color("value:Q", scale=scale, title=value_title))
    step = max(MIN_STEP, min(MAX_STEP, max_width // cols)) if max_width else MAX_STEP
    text = base.mark_text(fontSize=13 if step >= MAX_STEP else 11).encode(
        text=alt.Text("label:N"), color=diverging_text(limit)
    )
    layers = [cells, text] if cols <= labelled_up_to else [cells]
    height = alt.Step(max(MIN_STEP, step * 3 // 4)) if max_width else alt.Step(40)
    chart = alt.layer(*layers).properties(height=height)
    return chart.properties(width=alt.Step(step)) if max_width else chart
