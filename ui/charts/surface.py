"""The loss over two parameters as a shaded surface, with runs' trajectories on it: the regression page
draws its batch sizes and regimes there, the optimizers page its optimizers.

Each run gets its own Okabe–Ito colour and also its own dash and marker shape, so colour is never the only cue.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from ui.charts import DARK_TEXT, LIGHT_TEXT, categorical_scale

MAX_POINTS = 5000  # per series: more would only slow the browser down
MAX_PATH_POINTS = 300  # per trajectory: more steps only blur into a smear on a 400-pixel plot
PATH_MARKERS = 8  # markers along each trajectory, besides its start and its end
RUN_DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [12, 4], [3, 6]]
RUN_SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down"]


def runs_in(frame: pd.DataFrame) -> list[str]:
    """The runs in the order they come in the frame (batch 1, k, n): that order fixes each one's style."""
    return list(dict.fromkeys(frame["run"]))


def run_legend(outline: float) -> alt.Legend:
    """One item a line, as in every legend here: a phone's width holds the longest label, not a row of them.
    `outline`: the symbols' stroke width (a line's symbol is its stroke; a filled marker's needs none)."""
    return alt.Legend(orient="top", direction="vertical", labelLimit=0, symbolStrokeWidth=outline)


def run_channel(channel: type, frame: pd.DataFrame, styles: list, legend: bool = True, outline: float = 2) -> Any:
    runs = runs_in(frame)
    scale = alt.Scale(domain=runs, range=(styles * len(runs))[: len(runs)])
    return channel("run:N", title=None, scale=scale, legend=run_legend(outline) if legend else None)


def run_color(frame: pd.DataFrame, outline: float = 2) -> alt.Color:
    return alt.Color("run:N", title=None, scale=categorical_scale(runs_in(frame)), legend=run_legend(outline))


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
            fill=alt.Fill("loss:Q", title=loss_title, scale=shades, legend=alt.Legend(format=".4~g")),
            stroke=alt.Stroke("loss:Q", scale=shades, legend=None),
            tooltip=[alt.Tooltip("loss:Q", title=loss_title, format=".4~g")],
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
            color=run_color(paths, outline=0),
            strokeDash=run_channel(alt.StrokeDash, paths, RUN_DASHES, legend=False),
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
            color=run_color(paths, outline=0),
            shape=run_channel(alt.Shape, paths, RUN_SHAPES, outline=0),
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
