"""The autograd page's Altair charts."""

from __future__ import annotations

import pandas as pd

from ui.autograd.charts import accumulation_chart, mode_cost_chart


def test_mode_cost_chart_groups_bars_by_shape_and_mode():
    df = pd.DataFrame({"shape": ["8 → 1", "8 → 1"], "mode": ["forward", "reverse"], "passes": [8, 1]})
    spec = mode_cost_chart(df, value="passes", value_title="passes", shape_title="shape", mode_title="mode").to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["xOffset"]["field"] == "mode"
    assert spec["encoding"]["y"]["field"] == "passes"


def test_accumulation_chart_draws_one_line_per_series():
    df = pd.DataFrame({"series": ["a", "a", "b", "b"], "step": [1, 2, 1, 2], "grad": [2.0, 4.0, 2.0, 2.0]})
    spec = accumulation_chart(df, step_title="step", grad_title="w.grad", series_title="").to_dict()
    assert spec["mark"]["type"] == "line"
    assert spec["encoding"]["color"]["field"] == "series"
