"""Charts of the softmax page: bars per class, softmax beside sigmoid (its Jacobian is the shared heatmap,
ui/charts/matrix.py).

Every number a chart writes, on a mark or in a tooltip, is a string the page formatted with ui/numbers.py
(a column `label`), so a chart reads exactly like the tables beside it. Colours come from the shared
palette and only fill marks: the numbers take the theme's text colour.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ui.charts import CATEGORICAL
from ui.numbers import num

LOGIT_COLOR, PROBABILITY_COLOR, SIGMOID_COLOR = CATEGORICAL[:3]
SIGMOID_FILL = 0.3  # sigmoid's bars are pale with a solid outline: told from softmax's without their colour

_CLASS = alt.X("class:N", title=None, sort=None, axis=alt.Axis(labelAngle=0))


def labelled(df: pd.DataFrame, value: str) -> pd.DataFrame:
    """`df` with a `label` column: column `value` as the page writes numbers."""
    return df.assign(label=[num(v) for v in df[value]])


def class_bars(df: pd.DataFrame, *, value: str, title: str, color: str = LOGIT_COLOR) -> alt.LayerChart:
    """One bar per class (`df["class"]`) of column `value`, each labelled with `df["label"]`."""
    base = alt.Chart(df, title=title).encode(
        _CLASS,
        alt.Y(f"{value}:Q", title=None),
        tooltip=[alt.Tooltip("class:N"), alt.Tooltip("label:N", title=value)],
    )
    labels = base.mark_text(dy=-8, fontSize=13).encode(text=alt.Text("label:N"))
    return (base.mark_bar(color=color) + labels).properties(height=260)


def grouped_bars(df: pd.DataFrame, *, title: str) -> alt.LayerChart:
    """Bars per class side by side per `df["function"]` (softmax, then sigmoid), value in `df["value"]`:
    softmax's solid, sigmoid's pale with an outline, in one legend."""
    functions = list(dict.fromkeys(df["function"]))
    legend = alt.Legend(title=None, orient="top")
    colors = alt.Scale(domain=functions, range=[PROBABILITY_COLOR, SIGMOID_COLOR])
    opacity = alt.Scale(domain=functions, range=[1, SIGMOID_FILL])
    base = alt.Chart(df, title=title).encode(
        _CLASS,
        alt.Y("value:Q", title=None, scale=alt.Scale(domain=[0, 1])),
        alt.XOffset("function:N", sort=None),
        tooltip=[alt.Tooltip("class:N"), alt.Tooltip("function:N"), alt.Tooltip("label:N", title="value")],
    )
    bars = base.mark_bar(strokeWidth=2).encode(
        alt.Color("function:N", sort=None, scale=colors, legend=legend),
        alt.Stroke("function:N", sort=None, scale=colors, legend=legend),
        alt.FillOpacity("function:N", sort=None, scale=opacity, legend=legend),
    )
    labels = base.mark_text(dy=-8, fontSize=11).encode(text=alt.Text("label:N"))
    return (bars + labels).properties(height=260)
