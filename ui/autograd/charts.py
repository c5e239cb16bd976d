"""Charts of the autograd page: forward vs reverse mode cost, and gradients piling up without zero_grad()."""

from __future__ import annotations

import altair as alt
import pandas as pd

MODE_COLORS = ["#1f77b4", "#d62728"]


def mode_cost_chart(df: pd.DataFrame, *, value: str, value_title: str, shape_title: str, mode_title: str) -> alt.Chart:
    """Grouped bars: for each shape (column "shape"), one bar per mode (column "mode") of `value`.

    `df` has one row per (shape, mode) with the columns "shape", "mode" and `value`, in display order.
    """
    shapes = list(dict.fromkeys(df["shape"]))
    return (
        alt.Chart(df)
        .mark_bar()
        .encode(
            x=alt.X("shape:N", sort=shapes, title=shape_title, axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("mode:N"),
            y=alt.Y(f"{value}:Q", title=value_title),
            color=alt.Color("mode:N", title=mode_title, scale=alt.Scale(range=MODE_COLORS)),
            tooltip=[alt.Tooltip(column) for column in df.columns],
        )
        .properties(height=260)
    )


def accumulation_chart(df: pd.DataFrame, *, step_title: str, grad_title: str, series_title: str) -> alt.Chart:
    """Lines of `w.grad` (column "grad") against "step", one line per "series"."""
    return (
        alt.Chart(df)
        .mark_line(point=alt.OverlayMarkDef(size=80))
        .encode(
            x=alt.X("step:O", title=step_title, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("grad:Q", title=grad_title),
            color=alt.Color("series:N", title=series_title, scale=alt.Scale(range=MODE_COLORS)),
            tooltip=[alt.Tooltip("series"), alt.Tooltip("step"), alt.Tooltip("grad")],
        )
        .properties(height=240)
    )
