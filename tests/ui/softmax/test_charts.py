"""The softmax page's chart builders, checked as Vega-Lite specs (no browser needed)."""

from __future__ import annotations

import pandas as pd

from ui.softmax.charts import class_bars, grouped_bars, labelled

J = [[0.1860, -0.0947, -0.0914], [-0.0947, 0.2364, -0.1417], [-0.0914, -0.1417, 0.2330]]


def test_class_bars_label_each_bar_as_the_page_writes_numbers():
    frame = labelled(pd.DataFrame({"class": ["0", "1"], "p": [0.383198878874, 1.5e-10]}), "p")
    assert frame["label"].tolist() == ["0.3832", "1.5e-10"]
    bars, labels = class_bars(frame, value="p", title="p").to_dict()["layer"]
    assert bars["mark"]["type"] == "bar"
    assert labels["encoding"]["text"] == {"field": "label", "type": "nominal"}
    assert [tip["field"] for tip in bars["encoding"]["tooltip"]] == ["class", "label"]


def test_grouped_bars_put_softmax_and_sigmoid_side_by_side_on_a_0_to_1_scale():
    frame = pd.DataFrame({"class": ["0", "0"], "function": ["softmax", "sigmoid"], "value": [0.4, 0.6]})
    bars = grouped_bars(labelled(frame, "value"), title="t").to_dict()["layer"][0]
    assert bars["encoding"]["xOffset"]["field"] == "function"
    assert [tip["field"] for tip in bars["encoding"]["tooltip"]] == ["class", "function", "label"]
    assert bars["encoding"]["y"]["scale"]["domain"] == [0, 1]
