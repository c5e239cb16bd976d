"""Charts of the autograd page: forward vs reverse mode cost, and gradients piling up without zero_grad().

Each series has an Okabe–Ito colour (`categorical_scale`) and a marker shape too (a dash as well for lines),
so the two read apart without colour; the legend shows both.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ui.charts import categorical_scale

SHAPES = ["circle", "triangle-up"]
DASHES = [[1, 0], [6, 4]]


def _series(df: pd.DataFrame, column: str) -> list:
    return list(dict.fromkeys(df[column]))


def mode_cost_chart(df: pd.DataFrame, *, value: str, value_title: str, shape_title: str, mode_title: str) -> alt.Chart:
    """Grouped bars: for each shape (column "shape"), one bar per mode (column "mode") of `value`, with the
    mode's marker on top of its bar.

    `df` has one row per (shape, mode) with the columns "shape", "mode" and `value`, in display order.
    """
    shapes, modes = _series(df, "shape"), _series(df, "mode")
    base = alt.Chart(df).encode(
        x=alt.X("shape:N", sort=shapes, title=shape_title, axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("mode:N", sort=modes),
        y=alt.Y(f"{value}:Q", title=value_title),
        color=alt.Color("mode:N", title=mode_title, scale=categorical_scale(modes)),
        tooltip=[alt.Tooltip(column) for column in df.columns],
    )
    marker = alt.Shape("mode:N", title=mode_title, scale=alt.Scale(domain=modes, range=SHAPES[: len(modes)]))
    points = base.mark_point(filled=True, size=90, opacity=1).encode(shape=marker)
    return alt.layer(base.mark_bar(), points).properties(height=260)


def accumulation_chart(df: pd.DataFrame, *, step_title: str, grad_title: str, series_title: str) -> alt.Chart:
    """Lines of `w.grad` (column "grad") against "step", one line per "series", each with its own dash and
    marker shape."""
    series = _series(df, "series")
    base = alt.Chart(df).encode(
        x=alt.X("step:O", title=step_title, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("grad:Q", title=grad_title),
        color=alt.Color("series:N", title=series_title, scale=categorical_scale(series)),
        tooltip=[alt.Tooltip("series"), alt.Tooltip("step"), alt.Tooltip("grad")],
    )
    dash = alt.StrokeDash("series:N", title=series_title, scale=alt.Scale(domain=series, range=DASHES[: len(series)]))
    marker = alt.Shape("series:N", title=series_title, scale=alt.Scale(domain=series, range=SHAPES[: len(series)]))
    points = base.mark_point(filled=True, size=80, opacity=1).encode(shape=marker)
    return alt.layer(base.mark_line().encode(strokeDash=dash), points).properties(height=240)
