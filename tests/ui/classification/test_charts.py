"""The classification page's chart builders: valid Vega-Lite, a colour and a shape per class, misclassified rings."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ui.charts import CATEGORICAL, NEUTRAL
from ui.classification import charts
from ui.classification.compute import point_frame, region_frame


def _regions(classes: int) -> dict:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 2)).astype(np.float32)
    y = np.arange(40) % classes
    W, b = rng.normal(size=(classes, 2)), np.zeros(classes)
    points = point_frame(X, y, W, b)
    followed = pd.DataFrame({"x": [0.0], "y": [0.0]})
    chart = charts.regions(region_frame(W, b, (-3, 3, -3, 3)), points, followed, classes=classes, x_title="x0",
                           y_title="x1", class_title="label", wrong_title="wrong")  # fmt: skip
    return chart.to_dict(validate=True), points


def test_each_class_has_its_own_colour_and_shape():
    spec, _ = _regions(6)
    dots = spec["layer"][1]["encoding"]
    assert dots["color"]["scale"]["range"] == CATEGORICAL[:6]
    assert len(set(dots["shape"]["scale"]["range"])) == 6
    assert dots["color"]["scale"]["domain"] == [str(k) for k in range(6)]


def test_the_class_legend_is_one_of_coloured_symbols():
    spec, _ = _regions(3)
    area, dots = spec["layer"][0]["encoding"], spec["layer"][1]["encoding"]
    # the regions colour by `fill`: were they a second user of the colour scale, their legend=None would leave
    # the legend with black shapes only (unreadable in the dark theme)
    assert "color" not in area and area["fill"]["legend"] is None
    assert dots["color"]["field"] == dots["shape"]["field"] and dots["color"]["title"] == dots["shape"]["title"]


def test_misclassified_points_are_ringed_in_the_neutral_grey():
    spec, points = _regions(3)
    rings = spec["layer"][2]
    assert rings["mark"]["color"] == NEUTRAL and rings["mark"]["filled"] is False
    ringed = spec["datasets"][rings["data"]["name"]]
    assert len(ringed) == int(points["wrong"].sum())


def test_gradient_sweep_tells_the_losses_apart_by_dash_and_shape_too():
    frame = pd.DataFrame({"margin": [0.0, 1.0] * 2, "loss": ["ce", "ce", "mse", "mse"], "norm": [1.0, 1.2, 0.2, 0.1]})
    encoding = charts.gradient_sweep(frame, x_title="m", y_title="n").to_dict(validate=True)["encoding"]
    assert {"color", "strokeDash", "shape"} <= set(encoding)
