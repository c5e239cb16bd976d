"""Altair charts of the regression page: each takes DataFrames (and translated titles) and returns a chart."""

from __future__ import annotations

import json
from typing import Any

import altair as alt
import pandas as pd

from ui.a11y import contrast_ratio
from ui.charts import CATEGORICAL, DARK_TEXT, LIGHT_TEXT, NEUTRAL, categorical_scale

# the loss surface and the runs' styles are shared with the optimizers page; the regression views and tests
# read them here, beside this page's own charts
from ui.charts.surface import (  # noqa: F401
    MAX_PATH_POINTS,
    MAX_POINTS,
    PATH_MARKERS,
    RUN_DASHES,
    RUN_SHAPES,
    contour,
    contour_box,
    contour_trail,
    downsample,
    path_markers,
    path_segments,
    run_channel,
    run_color,
    runs_in,
)

BATCH_COLOR = CATEGORICAL[1]  # the batch's samples; the rest are NEUTRAL, and the batch's also larger diamonds
# a diverged run's axis numbers in scientific notation (2.5e+48), not a 2.500000… cut off at the label limit
NUMBER_AXIS = alt.Axis(labelExpr="abs(datum.value) >= 1e7 ? format(datum.value, '.2~e') : datum.label")


def _in_batch(channel: type, batch: Any, rest: Any) -> Any:
    """The batch's samples against the rest: in colour, and in shape and size too."""
    return channel("in_batch:N", scale=alt.Scale(domain=[True, False], range=[batch, rest]), legend=None)


def batch_scatter(points: pd.DataFrame, lines: pd.DataFrame, *, x_title: str, y_title: str) -> alt.Chart:
    """One feature: the samples (the current batch highlighted) and the fitted line before/after the step.

    points: x, y, in_batch (bool), sample; lines: x, y, which (legend label).
    """
    dots = (
        alt.Chart(downsample(points))
        .mark_point(filled=True, opacity=0.8)
        .encode(
            x=alt.X("x:Q", title=x_title, axis=NUMBER_AXIS),
            y=alt.Y("y:Q", title=y_title, axis=NUMBER_AXIS),
            color=_in_batch(alt.Color, BATCH_COLOR, NEUTRAL),
            shape=_in_batch(alt.Shape, "diamond", "circle"),
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
        .mark_line(color=NEUTRAL)
        .encode(x=alt.X("y_hat:Q"), y=alt.Y("y:Q"))
    )
    dots = (
        alt.Chart(downsample(points))
        .mark_point(filled=True, opacity=0.8)
        .encode(
            x=alt.X("y_hat:Q", title=x_title, axis=NUMBER_AXIS),
            y=alt.Y("y:Q", title=y_title, axis=NUMBER_AXIS),
            color=_in_batch(alt.Color, BATCH_COLOR, NEUTRAL),
            shape=_in_batch(alt.Shape, "diamond", "circle"),
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
    legend = alt.Legend(
        orient="top", direction="vertical", labelLimit=0, labelExpr=f"{names}[datum.value]", symbolStrokeWidth=2
    )
    color = alt.Color("series:N", title=None, scale=categorical_scale(codes), legend=legend)
    # the legend tells the two apart by shape too: a line for the steps, a diamond for the epochs
    shape = alt.Shape("series:N", title=None, scale=alt.Scale(domain=codes, range=["stroke", "diamond"]), legend=legend)
    x = alt.X("step:Q", title=x_title, axis=alt.Axis(format="d", tickMinStep=1))  # steps are whole numbers
    line = alt.Chart(downsample(steps)).mark_line(opacity=0.7).encode(x=x, y=y, color=color)
    dots = (
        alt.Chart(downsample(epochs))
        .mark_point(filled=False, size=70, strokeWidth=2, opacity=1)
        .encode(x=alt.X("step:Q"), y=y, color=color, shape=shape)
    )
    rule = (
        alt.Chart(pd.DataFrame({"step": [current]}))
        .mark_rule(color=NEUTRAL, strokeDash=[4, 3])
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


def text_on(color: str) -> str:
    """Black or white, whichever reads better on `color` (>= 4.5:1 on every Okabe–Ito colour)."""
    return max((DARK_TEXT, LIGHT_TEXT), key=lambda text: contrast_ratio(text, color))


def batch_strip(frame: pd.DataFrame, *, x_title: str, y_title: str) -> alt.Chart:
    """Which sample went into which batch: one row per epoch, one cell per position, coloured by batch, with
    the sample's index written in it; a rule between batches marks where one ends without colour.

    frame: epoch (label), position, sample, batch.
    """
    batches = sorted(frame["batch"].unique().tolist())
    fill = categorical_scale(batches)
    ink = alt.Scale(domain=batches, range=[text_on(color) for color in fill.range])
    x_scale, y_scale = alt.Scale(paddingInner=0.08), alt.Scale(paddingInner=0.12)
    base = alt.Chart(frame).encode(
        x=alt.X("position:O", title=x_title, scale=x_scale, axis=alt.Axis(labels=False, ticks=False)),
        y=alt.Y("epoch:O", title=y_title, sort=None, scale=y_scale),
    )
    cells = base.mark_rect().encode(
        color=alt.Color("batch:N", legend=None, scale=fill),
        tooltip=[alt.Tooltip("epoch:O"), alt.Tooltip("batch:O"), alt.Tooltip("sample:Q")],
    )
    text = base.mark_text(fontSize=11).encode(
        text=alt.Text("sample:Q"), color=alt.Color("batch:N", legend=None, scale=ink)
    )
    first = frame[frame["epoch"] == frame["epoch"].iloc[0]]
    starts = first.loc[first["batch"].diff().fillna(0) != 0, ["position"]]  # every epoch's batches start there
    rules = (
        alt.Chart(starts)
        .mark_rule(color=NEUTRAL, strokeWidth=3)
        .encode(x=alt.X("position:O", scale=x_scale, bandPosition=0))
    )
    return alt.layer(cells, text, rules).resolve_scale(color="independent").properties(height=alt.Step(26))
