"""Charts of the softmax page: bars per class, softmax beside sigmoid, the Jacobian as a heatmap.

Every number a chart writes, on a mark or in a tooltip, is a string the page formatted with ui/numbers.py
(a column `label`), so a chart reads exactly like the tables beside it.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ui.numbers import num

_CLASS = alt.X("class:N", title=None, sort=None, axis=alt.Axis(labelAngle=0))


def labelled(df: pd.DataFrame, value: str) -> pd.DataFrame:
    """`df` with a `label` column: column `value` as the page writes numbers."""
    return df.assign(label=[num(v) for v in df[value]])


def class_bars(df: pd.DataFrame, *, value: str, title: str, color: str = "#4c78a8") -> alt.LayerChart:
    """One bar per class (`df["class"]`) of column `value`, each labelled with `df["label"]`."""
    base = alt.Chart(df, title=title).encode(
        _CLASS,
        alt.Y(f"{value}:Q", title=None),
        tooltip=[alt.Tooltip("class:N"), alt.Tooltip("label:N", title=value)],
    )
    labels = base.mark_text(dy=-8, fontSize=13).encode(text=alt.Text("label:N"))
    return (base.mark_bar(color=color) + labels).properties(height=260)


def grouped_bars(df: pd.DataFrame, *, title: str) -> alt.LayerChart:
    """Bars per class side by side per `df["function"]` (softmax next to sigmoid), value in `df["value"]`."""
    base = alt.Chart(df, title=title).encode(
        _CLASS,
        alt.Y("value:Q", title=None, scale=alt.Scale(domain=[0, 1])),
        alt.XOffset("function:N", sort=None),
        alt.Color("function:N", sort=None, legend=alt.Legend(title=None, orient="top")),
        tooltip=[alt.Tooltip("class:N"), alt.Tooltip("function:N"), alt.Tooltip("label:N", title="value")],
    )
    labels = base.mark_text(dy=-8, fontSize=11).encode(text=alt.Text("label:N"))
    return (base.mark_bar() + labels).properties(height=260)
