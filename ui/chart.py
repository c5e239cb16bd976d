"""Altair charts on a page, built and converted once per input instead of on every rerun.

`st.altair_chart` converts its chart with `to_dict()` on every run, and Altair validates that
dict against the Vega-Lite JSON schema each time; with building the chart, that was most of a
topic page's rerun. The builders in `ui/charts/` are pure functions of their DataFrames and
options, so `show` caches what they give per input, converted exactly as `st.altair_chart`
converts it (data as Arrow datasets), and draws it with `st.vega_lite_chart`, the call
`st.altair_chart` itself ends in.

Text marks (a number over a bar), axes and legends that name no colour get the theme's text colour
(`readable_text`), readable in both themes.

A new input (the next step, another temperature) still builds and converts its chart. There the
builders use typed channels only (`alt.X("x:Q")`, `alt.Tooltip(...)`, `alt.ColorValue(...)`, never
a shorthand string or `alt.condition`): Altair turns those through `from_dict`, which hashes its
whole schema for every channel. And the conversion skips Altair's schema validation (a cost per
chart, as large as drawing it): the builders' output does not depend on who calls them, and
tests/app/test_chart_builders.py validates every chart that every tab of every page draws.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, Literal

import altair as alt
import pandas as pd
import streamlit as st
from pandas.api.types import is_float_dtype, is_integer_dtype

from ui.classroom import presenter_chart
from ui.i18n import t
from ui.numbers import count, num
from ui.streamlit_internals import altair_to_vega_lite  # tests/ui/test_chart.py: as st.altair_chart sends it

Builder = Callable[..., alt.TopLevelMixin]
_SMALL_FRAME = 256  # rows


def fingerprint(frames: tuple[pd.DataFrame, ...]) -> str:
    """A digest of the frames' whole content: column names, dtypes, index and every value.

    Streamlit hashes a DataFrame argument slower than drawing the chart takes, and samples the rows of
    a large one. A small frame's values are digested through their exact `repr`, a large one's through
    pandas' row hashes (every row, in vectorised code).
    """
    digest = hashlib.blake2b(digest_size=16)
    for frame in frames:
        digest.update(repr((frame.shape, tuple(frame.columns), tuple(map(str, frame.dtypes)))).encode())
        if len(frame) <= _SMALL_FRAME:
            digest.update(repr((frame.index.tolist(), frame.to_numpy().tolist())).encode())
        else:
            digest.update(pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes())
    return digest.hexdigest()


# cache_resource, not cache_data: the spec is only read (st.vega_lite_chart copies it before it changes
# anything), so it need not be unpickled afresh on every rerun
@st.cache_resource(max_entries=256, ttl=3600, show_spinner=False)
def vega_lite_spec(name: str, content: str, options: tuple, _builder: Builder, _frames: tuple) -> dict:
    """The Vega-Lite spec of `_builder(*_frames, **options)`. The cache key is the builder's `name`
    (module.function: Streamlit hashes a function by identity), the frames' `content` fingerprint and
    the options."""
    return readable_text(altair_to_vega_lite(_Unvalidated(_builder(*_frames, **dict(options)))))


# Streamlit's chart theme draws text marks that name no colour black, and axis and legend labels in a grey
# of 3.6:1 on the light background. Vega knows the background Streamlit gives each theme (its `background`
# signal), so one expression picks each theme's own text colour (>= 15:1) in the browser, and follows a
# change of theme without a rerun. A chart's own colours (mark, encoding or config) still win.
def _theme_text() -> dict:
    light, dark = (st.get_option(f"theme.{theme}.textColor") for theme in ("light", "dark"))
    return {"expr": f"luminance(background) > 0.5 ? '{light}' : '{dark}'"}


THEMED_TEXT = {"text": ("color",), "axis": ("labelColor", "titleColor"), "legend": ("labelColor", "titleColor")}


def readable_text(spec: dict) -> dict:
    """`spec` with the theme's text colour for the text marks, axes and legends that do not set their
    own (see `THEMED_TEXT`). Changes `spec` in place and returns it."""
    config = spec.setdefault("config", {})
    for part, keys in THEMED_TEXT.items():
        for key in keys:
            config.setdefault(part, {}).setdefault(key, _theme_text())
    return spec


class _Unvalidated:
    """A chart as Streamlit's conversion sees it (it only calls `to_dict()`), without Altair's validation."""

    def __init__(self, chart: alt.TopLevelMixin) -> None:
        self.chart = chart

    def to_dict(self) -> dict:
        return self.chart.to_dict(validate=False)


def show(
    builder: Builder,
    *frames: pd.DataFrame,
    container: Any = None,
    width: Literal["stretch", "content"] | None = None,
    **options: Any,
) -> None:
    """Draw `builder(*frames, **options)` like `st.altair_chart(chart, width=width)`, from the cache when
    the same chart was drawn before."""
    name = f"{builder.__module__}.{builder.__qualname__}"
    spec = vega_lite_spec(name, fingerprint(frames), tuple(sorted(options.items())), builder, frames)
    (container or st).vega_lite_chart(spec=presenter_chart(spec), width=width)


def described(
    builder: Builder,
    *frames: pd.DataFrame,
    summary: str,
    data: pd.DataFrame,
    container: Any = None,
    width: Literal["stretch", "content"] | None = None,
    **options: Any,
) -> None:
    """`show` the chart with its text alternative (WCAG 1.1.1) for readers who cannot see it:
    `summary`, a sentence the caller builds from the live numbers (what the chart shows, not how it
    looks: "The loss falls from 12 to 0.0415 in 6 steps."), as a caption under it, and `data`, the
    numbers behind it with translated column names, as a table in a closed expander below."""
    target = container or st
    show(builder, *frames, container=target, width=width, **options)
    target.caption(summary)
    with target.expander(t("a11y.chart_data")):
        st.table(data_table(data))


def data_table(data: pd.DataFrame) -> pd.DataFrame:
    """`data` as the table shows it: floats written by `ui.numbers.num`, the first column as the row headers,
    written as text (the browser's table leaves out a row header of plain integers)."""
    shown = data.reset_index(drop=True).copy()
    for column in shown.columns:
        if is_float_dtype(shown[column]):
            shown[column] = shown[column].map(num)
    if not len(shown.columns):
        return shown
    first = shown.columns[0]
    if is_integer_dtype(shown[first]):
        shown[first] = shown[first].map(count)
    return shown.set_index(first)
