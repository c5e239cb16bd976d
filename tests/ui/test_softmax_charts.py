"""The softmax page's chart builders, checked as Vega-Lite specs (no browser needed)."""

from __future__ import annotations

import pandas as pd

from ui.charts.softmax import class_bars, grouped_bars, heatmap, matrix_frame

J = [[0.1860, -0.0947, -0.0914], [-0.0947, 0.2364, -0.1417], [-0.0914, -0.1417, 0.2330]]


def test_matrix_frame_has_one_row_per_entry():
    frame = matrix_frame(J)
    assert len(frame) == 9
    assert frame.query("row == 1 and col == 2")["value"].item() == -0.1417


def test_heatmap_colours_around_zero_and_writes_every_value():
    spec = heatmap(matrix_frame(J), title="J", row_title="i", col_title="j").to_dict()
    cells, text = spec["layer"]
    assert cells["encoding"]["color"]["scale"]["domain"] == [-0.2364, 0.2364]
    assert text["encoding"]["text"]["format"] == ".4f"


def test_class_bars_label_each_bar_with_four_decimals():
    frame = pd.DataFrame({"class": ["0", "1"], "p": [0.25, 0.75]})
    bars, labels = class_bars(frame, value="p", title="p").to_dict()["layer"]
    assert bars["mark"]["type"] == "bar"
    assert labels["encoding"]["text"] == {"field": "p", "format": ".4f", "type": "quantitative"}


def test_grouped_bars_put_softmax_and_sigmoid_side_by_side_on_a_0_to_1_scale():
    frame = pd.DataFrame({"class": ["0", "0"], "function": ["softmax", "sigmoid"], "value": [0.4, 0.6]})
    bars = grouped_bars(frame, title="t").to_dict()["layer"][0]
    assert bars["encoding"]["xOffset"]["field"] == "function"
    assert bars["encoding"]["y"]["scale"]["domain"] == [0, 1]
