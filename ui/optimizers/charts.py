"""The optimizers page's own chart: the full-data loss of each optimizer, step after step. (Their paths on the
loss surface are the shared `ui.charts.surface.contour`, in the same colour, dash and marker per optimizer.)"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ui.charts import NEUTRAL
from ui.charts.surface import RUN_DASHES, RUN_SHAPES, downsample, run_channel, run_color

LOSS_AXIS = alt.Axis(labelExpr="abs(datum.value) >= 1e7 ? format(datum.value, '.2~e') : datum.label")


def loss_curves(steps: pd.DataFrame, epochs: pd.DataFrame, optimum: float, *, x_title: str, y_title: str) -> alt.Chart:
    """One line per optimizer (its colour and dash), a marker of its shape at the end of each epoch, and the
    optimum's loss as a grey rule; a log scale when every loss is positive.

    steps: step, loss, run; epochs: step, loss, run (the same runs, in the same order).
    """
    per_run = [downsample(part) for _, part in steps.groupby("run", sort=False)]
    lines_frame = pd.concat(per_run, ignore_index=True) if per_run else steps
    positive = bool((steps["loss"] > 0).all()) and optimum > 0
    y = alt.Y("loss:Q", title=y_title, scale=alt.Scale(type="log") if positive else alt.Scale(), axis=LOSS_AXIS)
    x = alt.X("step:Q", title=x_title, axis=alt.Axis(format="d", tickMinStep=1))
    lines = (
        alt.Chart(lines_frame)
        .mark_line(strokeWidth=2, clip=True)
        .encode(
            x=x,
            y=y,
            color=run_color(steps),
            strokeDash=run_channel(alt.StrokeDash, steps, RUN_DASHES, legend=False),
            tooltip=[alt.Tooltip("run:N"), alt.Tooltip("step:Q"), alt.Tooltip("loss:Q")],
        )
    )
    marks = (
        alt.Chart(downsample(epochs, 600))
        .mark_point(filled=True, size=60, clip=True)
        .encode(x=x, y=y, color=run_color(steps), shape=run_channel(alt.Shape, steps, RUN_SHAPES))
    )
    rule = alt.Chart(pd.DataFrame({"loss": [optimum]})).mark_rule(color=NEUTRAL, strokeDash=[4, 3]).encode(y=y)
    return alt.layer(lines, marks, rule).properties(height=320)
