"""Altair charts of the regression page: each takes DataFrames (and translated titles) and returns a chart."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

# the loss surface with the runs' paths moved to ui/charts/surface.py (the optimizers page draws it too);
# its names stay importable from here
from ui.charts.surface import (  # noqa: F401 (the names its tests and views read here)
    MAX_PATH_POINTS,
    MAX_POINTS,
    RUN_COLORS,
    RUN_DASHES,
    contour,
    downsample,
    path_segments,
    run_channel,
    run_color,
)

BATCH_COLOR = "#D55E00"
REST_COLOR = "#9aa5b1"
# a diverged run's axis numbers in scientific notation (2.5e+48), not a 2.500000… cut off at the label limit
NUMBER_AXIS = alt.Axis(labelExpr="abs(datum.value) >= 1e7 ? format(datum.value, '.2~e') : datum.label")


def batch_scatter(points: pd.DataFrame, lines: pd.DataFrame, *, x_title: str, y_title: str) -> alt.Chart:
    """One feature: the samples (the current batch highlighted) and the fitted line before/after the step.

    points: x, y, in_batch (bool), sample; lines: x, y, which (legend label).
    """
    dots = (
        alt.Chart(downsample(points))
        .mark_circle(size=70, opacity=0.8)
        .encode(
            x=alt.X("x:Q", title=x_title, axis=NUMBER_AXIS),
            y=alt.Y("y:Q", title=y_title, axis=NUMBER_AXIS),
            color=alt.Color(
                "in_batch:N", scale=alt.Scale(domain=[True, False], range=[BATCH_COLOR, REST_COLOR]), legend=None
            ),
            size=alt.SizeValue(40, condition={"test": "datum.in_batch", "value": 140}),
            tooltip=[alt.Tooltip("sample:Q"), alt.Tooltip("x:Q"), alt.Tooltip("y:Q")],
        )
    )
    fit = (
        alt.Chart(lines)
        .mark_line()
        .encode(x=alt.X("x:Q"), y=alt.Y("y:Q"), strokeDash=alt.StrokeDash("which:N", title=None))
    )
    return (dots + fit).properties(height=320)


def fit_scatter(points: pd.DataFrame, *, x_title: str, y_title: str) -> alt.Chart:
    """Several features: y against ŷ (before the step); on the diagonal the fit is perfect.

    points: y, y_hat, in_batch (bool), sample.
    """
    low = float(min(points["y"].min(), points["y_hat"].min()))
    high = float(max(points["y"].max(), points["y_hat"].max()))
    diagonal = (
        alt.Chart(pd.DataFrame({"y": [low, high], "y_hat": [low, high]}))
        .mark_line(color="#868e96")
        .encode(x=alt.X("y_hat:Q"), y=alt.Y("y:Q"))
    )
    dots = (
        alt.Chart(downsample(points))
        .mark_circle(opacity=0.8)
        .encode(
            x=alt.X("y_hat:Q", title=x_title, axis=NUMBER_AXIS),
            y=alt.Y("y:Q", title=y_title, axis=NUMBER_AXIS),
            color=alt.Color(
                "in_batch:N", scale=alt.Scale(domain=[True, False], range=[BATCH_COLOR, REST_COLOR]), legend=None
            ),
            size=alt.SizeValue(40, condition={"test": "datum.in_batch", "value": 140}),
            tooltip=[alt.Tooltip("sample:Q"), alt.Tooltip("y:Q"), alt.Tooltip("y_hat:Q")],
        )
    )
    return (diagonal + dots).properties(height=320)


def loss_chart(
    steps: pd.DataFrame, epochs: pd.DataFrame, *, x_title: str, y_title: str, current: int, labels: tuple
) -> alt.Chart:
    """The batch loss of each step (line) and the full-data loss after each epoch (points).

    steps: step, loss, series; epochs: step, loss, series. `series` holds a code ("batch", "epoch"), which
    fixes the colour in every language; `labels` pairs each code with its legend text. A rule marks the
    current step.
    """
    positive = bool((steps["loss"] > 0).all()) and bool((epochs["loss"] > 0).all())
    scale = alt.Scale(type="log") if positive and len(steps) > 1 else alt.Scale()
    y = alt.Y("loss:Q", title=y_title, scale=scale, axis=NUMBER_AXIS)
    codes = [code for code, _ in labels]
    names = json.dumps(dict(labels), ensure_ascii=False)
    color = alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(domain=codes, range=RUN_COLORS[: len(codes)]),
        legend=alt.Legend(orient="top", direction="vertical", labelLimit=0, labelExpr=f"{names}[datum.value]"),
    )
    x = alt.X("step:Q", title=x_title, axis=alt.Axis(format="d", tickMinStep=1))  # steps are whole numbers
    line = alt.Chart(downsample(steps)).mark_line(opacity=0.7).encode(x=x, y=y, color=color)
    dots = (
        alt.Chart(downsample(epochs))
        .mark_point(filled=True, size=70, shape="diamond")
        .encode(x=alt.X("step:Q"), y=y, color=color)
    )
    rule = (
        alt.Chart(pd.DataFrame({"step": [current]}))
        .mark_rule(color="#495057", strokeDash=[4, 3])
        .encode(x=alt.X("step:Q"))
    )
    return (line + dots + rule).properties(height=300)


def distance_chart(frame: pd.DataFrame, *, x_title: str, y_title: str) -> alt.Chart:
    """‖θ_t − θ*‖ after each step, one line per run. frame: step, distance, run."""
    positive = bool((frame["distance"] > 0).all())
    return (
        alt.Chart(downsample(frame))
        .mark_line()
        .encode(
            x=alt.X("step:Q", title=x_title, axis=alt.Axis(format="d", tickMinStep=1)),
            y=alt.Y(
                "distance:Q",
                title=y_title,
                scale=alt.Scale(type="log" if positive else "linear"),
                axis=alt.Axis(tickCount=5, labelExpr=NUMBER_AXIS.labelExpr),
            ),
            color=run_color(frame),
            strokeDash=run_channel(alt.StrokeDash, frame, RUN_DASHES),
        )
        .properties(height=260)
    )


def batch_strip(frame: pd.DataFrame, *, x_title: str, y_title: str) -> alt.Chart:
    """Which sample went into which batch: one row per epoch, one cell per position, coloured by batch.

    frame: epoch (label), position, sample, batch.
    """
    base = alt.Chart(frame).encode(
        x=alt.X("position:O", title=x_title, axis=alt.Axis(labels=False, ticks=False)),
        y=alt.Y("epoch:O", title=y_title, sort=None),
    )
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color("batch:N", legend=None, scale=alt.Scale(scheme="tableau20")),
        tooltip=[alt.Tooltip("epoch:O"), alt.Tooltip("batch:O"), alt.Tooltip("sample:Q")],
    )
    text = base.mark_text(fontSize=11, color="black").encode(text=alt.Text("sample:Q"))
    return (cells + text).properties(height=alt.Step(26))
