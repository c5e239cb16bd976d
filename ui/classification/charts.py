"""Altair charts of the classification page: each takes DataFrames (and translated titles) and returns a chart.

Each class has an Okabe–Ito colour and a marker shape, so a class never reads by colour alone; the regions
behind the points are the same colours, pale, and the points on top carry the shapes.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from ui.charts import CATEGORICAL, NEUTRAL

SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "triangle-left", "triangle-right"]
MAX_POINTS = 3000  # points drawn; more only slow the browser (the data table still lists them all)
SERIES_DASHES = [[1, 0], [6, 3]]


def _classes(classes: int) -> list[str]:
    return [str(k) for k in range(classes)]


def _class_scale(classes: int, values: list) -> alt.Scale:
    return alt.Scale(domain=_classes(classes), range=[values[k % len(values)] for k in range(classes)])


def thin(frame: pd.DataFrame, max_rows: int = MAX_POINTS) -> pd.DataFrame:
    """At most `max_rows` evenly spaced rows."""
    if len(frame) <= max_rows:
        return frame
    return frame.iloc[np.unique(np.linspace(0, len(frame) - 1, max_rows).round().astype(int))]


def regions(
    cells: pd.DataFrame,
    points: pd.DataFrame,
    followed: pd.DataFrame,
    *,
    classes: int,
    x_title: str,
    y_title: str,
    class_title: str,
    wrong_title: str,
) -> alt.LayerChart:
    """The plane coloured by predicted class, the points (colour and shape by label) on top, a ring around each
    misclassified point and a square around the followed sample.

    cells: x, x2, y, y2, predicted; points: x, y, label, predicted, wrong, index; followed: x, y (one row).
    """
    cells = cells.assign(predicted=cells["predicted"].astype(str))
    points = thin(points).assign(label=points["label"].astype(str), predicted=points["predicted"].astype(str))
    x = alt.X("x:Q", title=x_title, scale=alt.Scale(domain=[cells["x"].min(), cells["x2"].max()], nice=False))
    y = alt.Y("y:Q", title=y_title, scale=alt.Scale(domain=[cells["y"].min(), cells["y2"].max()], nice=False))
    area = (
        alt.Chart(cells)
        .mark_rect(opacity=0.3)
        .encode(
            x=x,
            x2=alt.X2("x2:Q"),
            y=y,
            y2=alt.Y2("y2:Q"),
            # fill, not color: the points' colour and shape then share one legend of coloured symbols (a colour
            # scale shared with the regions' legend=None left only black shapes, unreadable in the dark theme)
            fill=alt.Fill("predicted:N", scale=_class_scale(classes, CATEGORICAL), legend=None),
        )
    )
    dots = (
        alt.Chart(points)
        .mark_point(filled=True, size=60, opacity=0.9)
        .encode(
            x=x,
            y=y,
            color=alt.Color("label:N", title=class_title, scale=_class_scale(classes, CATEGORICAL)),
            shape=alt.Shape("label:N", title=class_title, scale=_class_scale(classes, SHAPES)),
            tooltip=[
                alt.Tooltip("index:Q"),
                alt.Tooltip("x:Q", format=".4f"),
                alt.Tooltip("y:Q", format=".4f"),
                alt.Tooltip("label:N"),
                alt.Tooltip("predicted:N"),
            ],
        )
    )
    rings = (
        alt.Chart(points.loc[points["wrong"]].assign(what=wrong_title))
        .mark_point(shape="circle", size=220, filled=False, strokeWidth=2, color=NEUTRAL)
        .encode(x=x, y=y, opacity=alt.Opacity("what:N", title=None, legend=alt.Legend(orient="bottom")))
    )
    box = alt.Chart(followed).mark_point(shape="square", size=420, filled=False, strokeWidth=2.5).encode(x=x, y=y)
    return (area + dots + rings + box).properties(height=420)


def epoch_curve(frame: pd.DataFrame, *, x_title: str, y_title: str, current: float | None = None) -> alt.LayerChart:
    """One quantity per epoch (epoch, value) as a line with points; a rule at the epoch being replayed."""
    line = (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X("epoch:Q", title=x_title, axis=alt.Axis(tickMinStep=1)),
            y=alt.Y("value:Q", title=y_title),
            tooltip=[alt.Tooltip("epoch:Q"), alt.Tooltip("value:Q", format=".4f")],
        )
    )
    rule = alt.Chart(pd.DataFrame({"epoch": [current if current is not None else np.nan]})).mark_rule(
        color=NEUTRAL, strokeDash=[4, 3]
    )
    return (line + rule.encode(x=alt.X("epoch:Q"))).properties(height=220)


def gradient_sweep(frame: pd.DataFrame, *, x_title: str, y_title: str) -> alt.Chart:
    """‖∂loss/∂z‖ of two losses against how sure the model is of a wrong class (margin, loss, norm):
    a colour, a dash and a marker per loss."""
    series = list(dict.fromkeys(frame["loss"]))
    return (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X("margin:Q", title=x_title),
            y=alt.Y("norm:Q", title=y_title),
            color=alt.Color("loss:N", title=None, scale=alt.Scale(domain=series, range=CATEGORICAL[: len(series)])),
            strokeDash=alt.StrokeDash("loss:N", title=None, scale=alt.Scale(domain=series, range=SERIES_DASHES)),
            shape=alt.Shape("loss:N", title=None, scale=alt.Scale(domain=series, range=SHAPES[: len(series)])),
            tooltip=[alt.Tooltip("loss:N"), alt.Tooltip("margin:Q"), alt.Tooltip("norm:Q", format=".4g")],
        )
        .properties(height=260)
    )
