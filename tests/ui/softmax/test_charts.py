"""The softmax page's chart builders, checked as Vega-Lite specs (no browser needed)."""

from __future__ import annotations

import pandas as pd

from ui.charts import CATEGORICAL
from ui.softmax.charts import LOGIT_COLOR, PROBABILITY_COLOR, SIGMOID_COLOR, class_bars, grouped_bars, labelled


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


def _grouped(functions=("softmax", "sigmoid")) -> tuple[dict, dict]:
    frame = pd.DataFrame({"class": ["0", "0"], "function": list(functions), "value": [0.4, 0.6]})
    bars, labels = grouped_bars(labelled(frame, "value"), title="t").to_dict()["layer"]
    return bars, labels


def test_bar_colours_come_from_the_shared_palette():
    assert {LOGIT_COLOR, PROBABILITY_COLOR, SIGMOID_COLOR} <= set(CATEGORICAL)
    frame = labelled(pd.DataFrame({"class": ["0"], "p": [1.0]}), "p")
    bars, _ = class_bars(frame, value="p", title="p", color=PROBABILITY_COLOR).to_dict()["layer"]
    assert bars["mark"]["color"] == PROBABILITY_COLOR
    bars, _ = _grouped(["softmax", "sigmoid"])
    assert bars["encoding"]["color"]["scale"]["range"] == [PROBABILITY_COLOR, SIGMOID_COLOR]


def test_softmax_and_sigmoid_differ_by_more_than_colour_in_one_legend():
    bars, _ = _grouped(["softmax", "sigmoid"])
    opacity = bars["encoding"]["fillOpacity"]
    assert opacity["field"] == "function" and opacity["scale"]["range"][0] == 1 > opacity["scale"]["range"][1]
    assert bars["encoding"]["stroke"]["scale"] == bars["encoding"]["color"]["scale"]  # an outline of its colour
    legends = [bars["encoding"][channel]["legend"] for channel in ("color", "stroke", "fillOpacity")]
    assert all(legend == legends[0] for legend in legends)  # Vega-Lite merges equal legends into one


def test_the_numbers_over_the_bars_take_the_theme_text_colour():
    frame = labelled(pd.DataFrame({"class": ["0"], "p": [1.0]}), "p")
    _, labels = class_bars(frame, value="p", title="p").to_dict()["layer"]
    assert "color" not in labels["encoding"] and "color" not in labels["mark"]
    _, labels = _grouped()
    assert not {"color", "stroke", "fill"} & set(labels["encoding"]) and "color" not in labels["mark"]
