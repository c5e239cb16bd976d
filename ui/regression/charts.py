"""Altair charts of the regression page: each takes DataFrames (and translated titles) and returns a chart."""

from __future__ import annotations

import json
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from ui.a11y import contrast_ratio
from ui.charts import CATEGORICAL, DARK_TEXT, LIGHT_TEXT, NEUTRAL, categorical_scale

MAX_POINTS = 5000  # per series: more would only slow the browser down
MAX_PATH_POINTS = 300  # per trajectory: more steps only blur into a smear on a 400-pixel plot
PATH_MARKERS = 8  # markers along each trajectory, besides its start and its end
# each run (a batch size, a regime) gets its own Okabe–Ito colour and also its own dash and marker shape,
# so colour is never the only cue
RUN_DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3]]
RUN_SHAPES = ["circle", "square", "triangle-up", "diamond"]
BATCH_COLOR = CATEGORICAL[1]  # the batch's samples; the rest are NEUTRAL, and the batch's also larger diamonds
# a diverged run's axis numbers in scientific notation (2.5e+48), not a 2.500000… cut off at the label limit
NUMBER_AXIS = alt.Axis(labelExpr="abs(datum.value) >= 1e7 ? format(datum.value, '.2~e') : datum.label")


def _runs(frame: pd.DataFrame) -> list[str]:
    """The runs in the order they come in the frame (batch 1, k, n): that order fixes each one's style."""
    return list(dict.fromkeys(frame["run"]))


def _legend(outline: float) -> alt.Legend:
    """One item a line, as in every legend here: a phone's width holds the longest label, not a row of them.
    `outline`: the symbols' stroke width (a line's symbol is its stroke; a filled marker's needs none)."""
    return alt.Legend(orient="top", direction="vertical", labelLimit=0, symbolStrokeWidth=outline)


def _run_channel(channel: type, frame: pd.DataFrame, styles: list, legend: bool = True, outline: float = 2) -> Any:
    runs = _runs(frame)
    scale = alt.Scale(domain=runs, range=(styles * len(runs))[: len(runs)])
    return channel("run:N", title=None, scale=scale, legend=_legend(outline) if legend else None)


def _run_color(frame: pd.DataFrame, outline: float = 2) -> alt.Color:
    return alt.Color("run:N", title=None, scale=categorical_scale(_runs(frame)), legend=_legend(outline))


def _in_batch(channel: type, batch: Any, rest: Any) -> Any:
    """The batch's samples against the rest: in colour, and in shape and size too."""
    return channel("in_batch:N", scale=alt.Scale(domain=[True, False], range=[batch, rest]), legend=None)


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


def path_segments(paths: pd.DataFrame, max_points: int = MAX_PATH_POINTS) -> pd.DataFrame:
    """Each run's trajectory as segments from one kept point to the next (at most `max_points` points a run,
    evenly spaced, the first and the last always kept), with `age` from 0 (start) to 1 (end) for fading.

    paths: a, b, order, run. Returns a, b, a2, b2, age, run.
    """
    pieces = []
    for run in _runs(paths):
        path = downsample(paths[paths["run"] == run].sort_values("order"), max_points)
        if len(path) < 2:
            continue
        last = max(float(path["order"].iloc[-1]), 1.0)
        pieces.append(
            pd.DataFrame(
                {
                    "a": path["a"].to_numpy()[:-1],
                    "b": path["b"].to_numpy()[:-1],
                    "a2": path["a"].to_numpy()[1:],
                    "b2": path["b"].to_numpy()[1:],
                    "age": path["order"].to_numpy()[1:] / last,
                    "run": run,
                }
            )
        )
    columns = ["a", "b", "a2", "b2", "age", "run"]
    return pd.concat(pieces, ignore_index=True) if pieces else pd.DataFrame(columns=columns)


def path_markers(paths: pd.DataFrame, markers: int = PATH_MARKERS) -> pd.DataFrame:
    """A few points along each trajectory (start and end included) for its marker shape; `end` marks the last."""
    pieces = []
    for run in _runs(paths):
        path = paths[paths["run"] == run].sort_values("order")
        kept = downsample(path, markers + 2)
        pieces.append(kept.assign(end=kept["order"] == path["order"].iloc[-1]))
    return pd.concat(pieces, ignore_index=True)


def contour_box(paths: dict[str, np.ndarray], theta_star: np.ndarray, pa: int, pb: int) -> tuple[float, ...]:
    """(a_low, a_high, b_low, b_high): a box around the optimum θ* over parameters pa, pb that holds every
    trajectory in `paths` (name -> (steps + 1, d + 1) array of θ), as long as none runs away."""
    box = []
    for p in (pa, pb):
        values = np.concatenate([path[:, p] for path in paths.values()])
        start = np.concatenate([path[:1, p] for path in paths.values()])
        reach = max(float(np.max(np.abs(values - theta_star[p]))), 0.5) * 1.15
        cap = 10 * (float(np.max(np.abs(start - theta_star[p]))) + 1)  # a diverging run must not flatten the plot
        half = min(reach, cap)
        box += [float(theta_star[p] - half), float(theta_star[p] + half)]
    return tuple(box)


def contour_trail(paths: dict[str, np.ndarray], pa: int, pb: int, box: tuple[float, ...]) -> pd.DataFrame:
    """Each trajectory over parameters pa, pb as rows a, b, order, run.

    The trail may leave the box (the chart clips it there), but a diverging run's huge values would only
    break the drawing: points more than ten boxes away are left out."""
    trail = pd.concat([
        pd.DataFrame({"a": path[:, pa], "b": path[:, pb], "order": np.arange(len(path)), "run": name})
        for name, path in paths.items()
    ])  # fmt: skip
    reach_a, reach_b = 10 * (box[1] - box[0]), 10 * (box[3] - box[2])
    a_near = trail["a"].between(box[0] - reach_a, box[1] + reach_a)
    return trail[a_near & trail["b"].between(box[2] - reach_b, box[3] + reach_b)]


def contour(
    surface: pd.DataFrame,
    paths: pd.DataFrame,
    marks: pd.DataFrame,
    *,
    a_title: str,
    b_title: str,
    loss_title: str,
) -> alt.Chart:
    """The loss over two parameters as a shaded surface, each run's trajectory (a thin trail fading in from
    its start, its own colour, dash and marker) and the marked points, labelled on a halo.

    surface: a, b, loss (a regular grid, each value drawn over the cell centred on it); paths: a, b, order,
    run; marks: a, b, label.
    """
    a_values, b_values = np.unique(surface["a"]), np.unique(surface["b"])
    da = float(a_values[1] - a_values[0]) if len(a_values) > 1 else 1.0
    db = float(b_values[1] - b_values[0]) if len(b_values) > 1 else 1.0
    grid = surface.assign(
        a=surface["a"] - da / 2, b=surface["b"] - db / 2, a2=surface["a"] + da / 2, b2=surface["b"] + db / 2
    )
    x_scale = alt.Scale(domain=[float(a_values[0] - da / 2), float(a_values[-1] + da / 2)], nice=False, zero=False)
    y_scale = alt.Scale(domain=[float(b_values[0] - db / 2), float(b_values[-1] + db / 2)], nice=False, zero=False)
    positive = bool((surface["loss"] > 0).all())
    # a light grey scale (low loss lightest): the coloured trajectories and the dark labels stand out on it
    shades = alt.Scale(scheme=alt.SchemeParams("greys", extent=[0.02, 0.65]), type="log" if positive else "linear")
    # each cell is also stroked in its own colour: anti-aliasing would otherwise leave white seams between cells
    heat = (
        alt.Chart(grid)
        .mark_rect(strokeWidth=0.6)
        .encode(
            x=alt.X("a:Q", title=a_title, scale=x_scale),
            x2=alt.X2("a2:Q"),
            y=alt.Y("b:Q", title=b_title, scale=y_scale),
            y2=alt.Y2("b2:Q"),
            # fill, not color: the runs' colour legend stays theirs alone (and merges with their dash and shape)
            fill=alt.Fill("loss:Q", title=loss_title, scale=shades),
            stroke=alt.Stroke("loss:Q", scale=shades, legend=None),
            tooltip=[alt.Tooltip("loss:Q", title=loss_title)],
        )
    )
    x, y = alt.X("a:Q", scale=x_scale), alt.Y("b:Q", scale=y_scale)
    trail = (
        alt.Chart(path_segments(paths))
        .mark_rule(strokeWidth=1.4, clip=True)
        .encode(
            x=x,
            y=y,
            x2=alt.X2("a2:Q"),
            y2=alt.Y2("b2:Q"),
            # colour and shape share one legend of filled markers: the trail's dash, which Vega-Lite draws into
            # the symbols' outlines, is left out of it with the outlines
            color=_run_color(paths, outline=0),
            strokeDash=_run_channel(alt.StrokeDash, paths, RUN_DASHES, legend=False),
            # a fading trail shows the direction: faint at the start, solid at the end
            opacity=alt.Opacity("age:Q", scale=alt.Scale(domain=[0, 1], range=[0.25, 1]), legend=None),
        )
    )
    stops = (
        alt.Chart(path_markers(paths))
        .mark_point(filled=True, clip=True, stroke=LIGHT_TEXT, strokeWidth=0.8, opacity=1)
        .encode(
            x=x,
            y=y,
            color=_run_color(paths, outline=0),
            shape=_run_channel(alt.Shape, paths, RUN_SHAPES, outline=0),
            size=alt.SizeValue(30, condition={"test": "datum.end", "value": 110}),
            tooltip=[alt.Tooltip("run:N"), alt.Tooltip("order:Q"), alt.Tooltip("a:Q"), alt.Tooltip("b:Q")],
        )
    )
    points = (
        alt.Chart(marks)
        .mark_point(shape="diamond", size=220, filled=True, color=LIGHT_TEXT, stroke=DARK_TEXT, clip=True)
        .encode(x=x, y=y, tooltip=[alt.Tooltip("label:N"), alt.Tooltip("a:Q"), alt.Tooltip("b:Q")])
    )
    # the labels sit on the grey surface, not on the page: one fixed colour in both themes, on a halo of the
    # other, reads on every cell however light or dark
    text = dict(dx=10, dy=-10, align="left", fontWeight="bold", fontSize=13, clip=True)
    halo = (
        alt.Chart(marks)
        .mark_text(stroke=LIGHT_TEXT, strokeWidth=4, strokeJoin="round", color=LIGHT_TEXT, **text)
        .encode(x=x, y=y, text=alt.Text("label:N"))
    )
    labels = alt.Chart(marks).mark_text(color=DARK_TEXT, **text).encode(x=x, y=y, text=alt.Text("label:N"))
    return (
        alt.layer(heat, trail, stops, points, halo, labels).resolve_scale(stroke="independent").properties(height=420)
    )


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
            color=_run_color(frame),
            strokeDash=_run_channel(alt.StrokeDash, frame, RUN_DASHES),
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
