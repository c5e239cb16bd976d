"""Charts of the MSE page: a matrix as an annotated heatmap."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ui.numbers import num


def matrix_frame(values: list[list[float]]) -> pd.DataFrame:
    """A matrix in long form: one row per entry with its 1-based `row`, `col`, `value` and `label`
    (the value as every page writes numbers, so a small non-zero entry never reads 0)."""
    return pd.DataFrame(
        [(i + 1, j + 1, float(v), num(v)) for i, row in enumerate(values) for j, v in enumerate(row)],
        columns=["row", "col", "value", "label"],
    )


MAX_WIDTH = 300  # pixels: the chart shares a row with text, even at 20 columns
MAX_LABELLED = 8  # above this many columns the cells are too small to write numbers in (tooltips remain)


def heatmap(frame: pd.DataFrame, *, title: str, value_title: str, diverging: bool = False) -> alt.LayerChart:
    """Colored cells with their value written in them; `diverging` centres a red-blue scale on 0."""
    cols = int(frame["col"].max())
    step = max(12, min(44, MAX_WIDTH // cols))
    scale = alt.Scale(scheme="redblue", domainMid=0, reverse=True) if diverging else alt.Scale(scheme="oranges")
    base = alt.Chart(frame, title=title).encode(
        x=alt.X("col:O", title=None, axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("row:O", title=None),
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("value:Q", scale=scale, title=value_title),
        tooltip=[alt.Tooltip("row:O"), alt.Tooltip("col:O"), alt.Tooltip("label:N", title=value_title)],
    )
    # white text on the strongest colours, dark text elsewhere, so every number stays readable
    extreme = frame["value"].abs().max() or 1.0
    strong = alt.datum.value > 0.6 * extreme if not diverging else abs(alt.datum.value) > 0.6 * extreme
    labels = base.mark_text(fontSize=13 if step >= 44 else 11).encode(
        text=alt.Text("label:N"),
        color=alt.ColorValue("#1f2933", condition={"test": strong, "value": "white"}),
    )
    layers = [cells, labels] if cols <= MAX_LABELLED else [cells]
    return alt.layer(*layers).properties(width=alt.Step(step), height=alt.Step(max(12, step * 3 // 4)))
