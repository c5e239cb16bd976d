"""The loss surface with trajectories on it, a mark two pages share (regression, optimizers): each run's path
a fading trail in its own Okabe–Ito colour, with its own dash and marker shape, over a grey loss surface."""

from __future__ import annotations

from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from ui.charts import OKABE_ITO

MAX_POINTS = 5000  # per series: more would only slow the browser down
MAX_PATH_POINTS = 300  # per trajectory: more steps only blur into a smear on a 400-pixel plot
PATH_MARKERS = 8  # markers along each trajectory, besides its start and its end
# each run has a colour, a dash and a marker shape, so colour is never the only cue
RUN_COLORS = [
    OKABE_ITO[name] for name in ("blue", "vermillion", "bluish_green", "orange", "reddish_purple", "sky_blue")
]
RUN_DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [12, 4], [3, 6]]
RUN_SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down"]
HALO = "white"


def runs_in(frame: pd.DataFrame) -> list[str]:
    """The runs in the order they come in the frame (batch 1, k, n): that order fixes each one's style."""
    return list(dict.fromkeys(frame["run"]))


def run_channel(channel: type, frame: pd.DataFrame, styles: list, legend: bool = True) -> Any:
    runs = runs_in(frame)
    return channel(
        "run:N",
        title=None,
        scale=alt.Scale(domain=runs, range=(styles * len(runs))[: len(runs)]),
        # colour and shape share one legend (a dash would draw the symbols' outlines dashed); one item a line,
        # as in every legend here: a phone's width holds the longest label, not a row of them
        legend=alt.Legend(orient="top", direction="vertical", labelLimit=0, symbolStrokeWidth=2) if legend else None,
    )


def run_color(frame: pd.DataFrame) -> alt.Color:
    return run_channel(alt.Color, frame, RUN_COLORS)


def downsample(frame: pd.DataFrame, max_points: int = MAX_POINTS) -> pd.DataFrame:
    """At most `max_points` evenly spaced rows, always keeping the first and the last."""
    if len(frame) <= max_points:
        return frame
    keep = np.unique(np.linspace(0, len(frame) - 1, max_points).round().astype(int))
    return frame.iloc[keep]


def path_segments(paths: pd.DataFrame, max_points: int = MAX_PATH_POINTS) -> pd.DataFrame:
    """Each run's trajectory as segments from one kept point to the next (at most `max_points` points a run,
    evenly spaced, the first and the last always kept), with `age` from 0 (start) to 1 (end) for fading.

    paths: a, b, order, run. Returns a, b, a2, b2, age, run.
    """
    pieces = []
    for run in runs_in(paths):
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
    for run in runs_in(paths):
        path = paths[paths["run"] == run].sort_values("order")
        kept = downsample(path, markers + 2)
        pieces.append(kept.assign(end=kept["order"] == path["order"].iloc[-1]))
    return pd.concat(pieces, ignore_index=True)


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
            color=run_color(paths),
            strokeDash=run_channel(alt.StrokeDash, paths, RUN_DASHES, legend=False),
            # a fading trail shows the direction: faint at the start, solid at the end
            opacity=alt.Opacity("age:Q", scale=alt.Scale(domain=[0, 1], range=[0.25, 1]), legend=None),
        )
    )
    stops = (
        alt.Chart(path_markers(paths))
        .mark_point(filled=True, clip=True, stroke=HALO, strokeWidth=0.8, opacity=1)
        .encode(
            x=x,
            y=y,
            color=run_color(paths),
            shape=run_channel(alt.Shape, paths, RUN_SHAPES),
            size=alt.SizeValue(30, condition={"test": "datum.end", "value": 110}),
            tooltip=[alt.Tooltip("run:N"), alt.Tooltip("order:Q"), alt.Tooltip("a:Q"), alt.Tooltip("b:Q")],
        )
    )
    points = (
        alt.Chart(marks)
        .mark_point(shape="diamond", size=220, filled=True, color="white", stroke="black", clip=True)
        .encode(x=x, y=y, tooltip=[alt.Tooltip("label:N"), alt.Tooltip("a:Q"), alt.Tooltip("b:Q")])
    )
    text = dict(dx=10, dy=-10, align="left", fontWeight="bold", fontSize=13, clip=True)
    halo = (
        alt.Chart(marks)
        .mark_text(stroke=HALO, strokeWidth=4, strokeJoin="round", color=HALO, **text)
        .encode(x=x, y=y, text=alt.Text("label:N"))
    )
    labels = alt.Chart(marks).mark_text(color="black", **text).encode(x=x, y=y, text=alt.Text("label:N"))
    return (
        alt.layer(heat, trail, stops, points, halo, labels).resolve_scale(stroke="independent").properties(height=420)
    )
