"""The autograd page's Altair charts."""

from __future__ import annotations

import pandas as pd

from ui.autograd.charts import accumulation_chart, mode_cost_chart
from ui.charts import CATEGORICAL


def layers(spec: dict) -> dict[str, dict]:
    return {layer["mark"]["type"]: layer["encoding"] for layer in spec["layer"]}


def test_mode_cost_chart_groups_bars_by_shape_and_marks_each_mode_with_a_shape():
    df = pd.DataFrame({"shape": ["8 → 1", "8 → 1"], "mode": ["forward", "reverse"], "passes": [8, 1]})
    spec = mode_cost_chart(df, value="passes", value_title="passes", shape_title="shape", mode_title="mode").to_dict()
    bar, point = layers(spec)["bar"], layers(spec)["point"]
    assert bar["xOffset"]["field"] == "mode" and bar["y"]["field"] == "passes"
    assert bar["color"]["scale"]["range"] == CATEGORICAL[:2]
    assert point["shape"]["field"] == "mode" and len(set(point["shape"]["scale"]["range"])) == 2


def test_accumulation_chart_draws_one_line_per_series_with_its_own_dash_and_marker():
    df = pd.DataFrame({"series": ["a", "a", "b", "b"], "step": [1, 2, 1, 2], "grad": [2.0, 4.0, 2.0, 2.0]})
    spec = accumulation_chart(df, step_title="step", grad_title="w.grad", series_title="").to_dict()
    line, point = layers(spec)["line"], layers(spec)["point"]
    assert line["color"]["field"] == "series" and line["color"]["scale"]["range"] == CATEGORICAL[:2]
    assert line["strokeDash"]["scale"]["range"][0] != line["strokeDash"]["scale"]["range"][1]
    assert point["shape"]["scale"]["range"][0] != point["shape"]["scale"]["range"][1]
