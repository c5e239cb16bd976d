"""ui.chart: a cached chart reaches the browser exactly as st.altair_chart sends it, built once per content."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from ui.chart import fingerprint, readable_text


def _frame(rows: int = 4) -> pd.DataFrame:
    return pd.DataFrame({"x": np.arange(rows), "y": np.linspace(0, 1, rows), "label": ["a", "b"] * (rows // 2)})


@pytest.mark.parametrize("rows", [4, 2000])  # the small frames' path and the large frames' path
def test_equal_frames_have_equal_fingerprints(rows):
    assert fingerprint((_frame(rows),)) == fingerprint((_frame(rows).copy(),))


@pytest.mark.parametrize("rows", [4, 2000])
@pytest.mark.parametrize(
    "change",
    [
        lambda f: f.assign(y=f["y"].where(f.index != len(f) - 1, 7.0)),  # the last value only
        lambda f: f.assign(label=f["label"].where(f.index != 0, "c")),
        lambda f: f.rename(columns={"y": "z"}),
        lambda f: f.astype({"x": "float64"}),
        lambda f: f.set_axis(f.index + 1),
        lambda f: f.iloc[:-1],
    ],
    ids=["value", "text", "column name", "dtype", "index", "length"],
)
def test_any_change_of_content_changes_the_fingerprint(rows, change):
    assert fingerprint((_frame(rows),)) != fingerprint((change(_frame(rows)),))


def test_the_order_of_the_frames_counts():
    a, b = _frame(4), _frame(6)
    assert fingerprint((a, b)) != fingerprint((b, a))


def _script(use_cache: bool, title: str = "t") -> None:
    import altair as alt
    import pandas as pd
    import streamlit as st

    from ui import chart

    def bars(frame: pd.DataFrame, *, title: str) -> alt.LayerChart:
        base = alt.Chart(frame, title=title).encode(alt.X("c:N"), alt.Y("v:Q"))
        return base.mark_bar() + base.mark_text(dy=-8).encode(text="v:Q")

    frame = pd.DataFrame({"c": ["0", "1", "2"], "v": [0.2, 0.5, 0.3]})
    if use_cache:
        chart.show(bars, frame, title=title, width="content")
    else:
        st.altair_chart(bars(frame, title=title), width="content")


def _sent(use_cache: bool, title: str = "t"):
    at = AppTest.from_function(_script, args=(use_cache, title)).run()
    assert not at.exception, [e.value for e in at.exception]
    (element,) = at.get("vega_lite_chart")
    return element.proto


def test_a_cached_chart_is_sent_exactly_as_st_altair_chart_sends_it():
    cached, direct = _sent(True), _sent(False)
    # but for the theme's text colour on its numbers, axes and legend (readable_text)
    assert json.loads(cached.spec) == readable_text(json.loads(direct.spec)) != json.loads(direct.spec)
    assert [(d.name, d.data.data) for d in cached.datasets] == [(d.name, d.data.data) for d in direct.datasets]
    assert cached.data.data == direct.data.data
    assert cached.theme == direct.theme


def test_other_options_give_another_chart():
    one, two = _sent(True, "one").spec, _sent(True, "two").spec
    assert '"one"' in one and '"two"' not in one
    assert '"two"' in two and '"one"' not in two


def test_a_rerun_with_the_same_data_does_not_build_the_chart_again(monkeypatch):
    import altair as alt

    from ui import chart

    calls = []

    def counted(frame: pd.DataFrame, *, title: str) -> alt.Chart:
        calls.append(title)
        return alt.Chart(frame, title=title).mark_point().encode(x="x:Q", y="y:Q")

    monkeypatch.setattr(chart.st, "vega_lite_chart", lambda **kwargs: None)
    chart.vega_lite_spec.clear()
    for _ in range(3):
        chart.show(counted, _frame(), title="same")
    chart.show(counted, _frame(6), title="same")
    assert calls == ["same", "same"]  # once for each content


def test_text_axes_and_legends_take_the_themes_text_colour_unless_the_chart_sets_its_own():
    import altair as alt
    import streamlit as st

    frame = pd.DataFrame({"c": ["a", "b"], "v": [0.2, 0.8]})
    base = alt.Chart(frame).encode(alt.X("c:N"), alt.Y("v:Q"))
    spec = readable_text((base.mark_bar() + base.mark_text()).configure_axis(labelColor="red").to_dict())
    light, dark = st.get_option("theme.light.textColor"), st.get_option("theme.dark.textColor")
    # Vega's `background` signal holds the background Streamlit's theme gives the chart
    themed = {"expr": f"luminance(background) > 0.5 ? '{light}' : '{dark}'"}
    assert spec["config"]["text"] == {"color": themed}
    assert spec["config"]["legend"] == {"labelColor": themed, "titleColor": themed}
    assert spec["config"]["axis"] == {"labelColor": "red", "titleColor": themed}
