"""Altair charts of the regression page: each takes DataFrames (and translated titles) and returns a chart."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

MAX_POINTS = 5000  # per series: more would only slow the browser down
BATCH_COLOR = "#d9480f"
REST_COLOR = "#9aa5b1"
RUN_COLORS = ["#1c7ed6", "#d9480f", "#2b8a3e"]


def _run_color(frame: pd.DataFrame) -> alt.Color:
    """One colour per run, in the order the runs come in the frame (batch 1, k, n), with full legend labels."""
    runs = list(dict.fromkeys(frame["run"]))
    return alt.Color(
        "run:N",
        title=None,
        scale=alt.Scale(domain=runs, range=RUN_COLORS[: len(runs)] or RUN_COLORS),
        legend=alt.Legend(orient="top", labelLimit=0),
    )


def downsample(frame: pd.DataFrame, max_points: int = MAX_POINTS) -> pd.DataFrame:
    """At most `max_points` evenly spaced rows, always keeping the first and the last."""
    if len(frame) <= max_points:
        return frame
    keep = np.unique(np.linspace(0, len(frame) - 1, max_points).round().astype(int))
    return frame.iloc[keep]


def batch_scatter(points: pd.DataFrame, lines: pd.DataFrame, *, x_title: str, y_title: str) -> alt.Chart:
    """One feature: the samples (the current batch highlighted) and the fitted line before/after the step.

    points: x, y, in_batch (bool), sample; lines: x, y, which (legend label).
    """
    dots = (
        alt.Chart(downsample(points))
        .mark_circle(size=70, opacity=0.8)
        .encode(
            x=alt.X("x:Q", title=x_title),
            y=alt.Y("y:Q", title=y_title),
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
            x=alt.X("y_hat:Q", title=x_title),
            y=alt.Y("y:Q", title=y_title),
            color=alt.Color(
                "in_batch:N", scale=alt.Scale(domain=[True, False], range=[BATCH_COLOR, REST_COLOR]), legend=None
            ),
            size=alt.SizeValue(40, condition={"test": "datum.in_batch", "value": 140}),
            tooltip=[alt.Tooltip("sample:Q"), alt.Tooltip("y:Q"), alt.Tooltip("y_hat:Q")],
        )
    )
    return (diagonal + dots).properties(height=320)


def loss_chart(steps: pd.DataFrame, epochs: pd.DataFrame, *, x_title: str, y_title: str, current: int) -> alt.Chart:
    """The batch loss of each step (line) and the full-data loss after each epoch (points).

    steps: step, loss, series; epochs: step, loss, series. A rule marks the current step.
    """
    positive = bool((steps["loss"] > 0).all()) and bool((epochs["loss"] > 0).all())
    scale = alt.Scale(type="log") if positive and len(steps) > 1 else alt.Scale()
    y = alt.Y("loss:Q", title=y_title, scale=scale)
    color = alt.Color("series:N", title=None, legend=alt.Legend(orient="top", labelLimit=0))
    line = (
        alt.Chart(downsample(steps)).mark_line(opacity=0.7).encode(x=alt.X("step:Q", title=x_title), y=y, color=color)
    )
    dots = alt.Chart(downsample(epochs)).mark_point(filled=True, size=60).encode(x=alt.X("step:Q"), y=y, color=color)
    rule = (
        alt.Chart(pd.DataFrame({"step": [current]}))
        .mark_rule(color="#495057", strokeDash=[4, 3])
        .encode(x=alt.X("step:Q"))
    )
    return (line + dots + rule).properties(height=300)


def contour(
    surface: pd.DataFrame,
    paths: pd.DataFrame,
    marks: pd.DataFrame,
    *,
    a_title: str,
    b_title: str,
    loss_title: str,
) -> alt.Chart:
    """The loss over two parameters as a heat map with its level sets, the trajectories and marked points.

    surface: a, b, loss (a regular grid); paths: a, b, order, run; marks: a, b, label.
    """
    a_values, b_values = np.unique(surface["a"]), np.unique(surface["b"])
    da = float(a_values[1] - a_values[0]) if len(a_values) > 1 else 1.0
    db = float(b_values[1] - b_values[0]) if len(b_values) > 1 else 1.0
    grid = surface.assign(a2=surface["a"] + da, b2=surface["b"] + db)
    x_scale = alt.Scale(domain=[float(a_values[0]), float(a_values[-1] + da)], nice=False, zero=False)
    y_scale = alt.Scale(domain=[float(b_values[0]), float(b_values[-1] + db)], nice=False, zero=False)
    positive = bool((surface["loss"] > 0).all())
    heat = (
        alt.Chart(grid)
        .mark_rect()
        .encode(
            x=alt.X("a:Q", title=a_title, scale=x_scale),
            x2=alt.X2("a2:Q"),
            y=alt.Y("b:Q", title=b_title, scale=y_scale),
            y2=alt.Y2("b2:Q"),
            color=alt.Color(
                "loss:Q", title=loss_title, scale=alt.Scale(scheme="viridis", type="log" if positive else "linear")
            ),
        )
    )
    path = (
        alt.Chart(downsample(paths))
        .mark_line(point=alt.OverlayMarkDef(size=18), clip=True, strokeWidth=2)
        .encode(
            x=alt.X("a:Q", scale=x_scale),
            y=alt.Y("b:Q", scale=y_scale),
            order=alt.Order("order:Q"),
            color=_run_color(paths),
        )
    )
    points = (
        alt.Chart(marks)
        .mark_point(shape="diamond", size=220, filled=True, color="white", stroke="black", clip=True)
        .encode(
            x=alt.X("a:Q", scale=x_scale),
            y=alt.Y("b:Q", scale=y_scale),
            tooltip=[alt.Tooltip("label:N"), alt.Tooltip("a:Q"), alt.Tooltip("b:Q")],
        )
    )
    labels = (
        alt.Chart(marks)
        .mark_text(dx=10, dy=-10, align="left", fontWeight="bold", clip=True)
        .encode(x=alt.X("a:Q", scale=x_scale), y=alt.Y("b:Q", scale=y_scale), text=alt.Text("label:N"))
    )
    return alt.layer(heat, path, points, labels).resolve_scale(color="independent").properties(height=420)


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
                axis=alt.Axis(tickCount=5),
            ),
            color=_run_color(frame),
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
