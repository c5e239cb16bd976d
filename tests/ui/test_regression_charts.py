"""The regression page's chart builders take DataFrames and return Altair charts, at most 5,000 points a series."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from ui.charts import regression as charts


def test_downsample_keeps_at_most_the_limit_and_both_ends():
    frame = pd.DataFrame({"step": np.arange(100_000)})
    small = charts.downsample(frame)
    assert len(small) <= charts.MAX_POINTS
    assert small["step"].iloc[0] == 0 and small["step"].iloc[-1] == 99_999


def test_loss_chart_of_a_long_run_sends_at_most_5000_points_a_series():
    steps = pd.DataFrame({"step": np.arange(1, 100_001), "loss": np.linspace(10, 1, 100_000), "series": "batch"})
    epochs = pd.DataFrame({"step": [50_000, 100_000], "loss": [2.0, 1.0], "series": "epoch"})
    chart = charts.loss_chart(steps, epochs, x_title="step", y_title="loss", current=7)
    spec = chart.to_dict()
    assert isinstance(chart, alt.LayerChart)
    assert all(len(rows) <= charts.MAX_POINTS for rows in spec["datasets"].values())


def test_contour_layers_the_surface_the_paths_and_the_marks():
    a, b = np.meshgrid(np.linspace(-1, 1, 5), np.linspace(-2, 2, 5))
    surface = pd.DataFrame({"a": a.ravel(), "b": b.ravel(), "loss": (a**2 + b**2).ravel() + 0.1})
    paths = pd.DataFrame({"a": [1.0, 0.5, 0.0], "b": [2.0, 1.0, 0.0], "order": [0, 1, 2], "run": "sgd"})
    marks = pd.DataFrame({"a": [0.0], "b": [0.0], "label": ["optimum"]})
    chart = charts.contour(surface, paths, marks, a_title="w1", b_title="b", loss_title="loss")
    assert len(chart.to_dict()["layer"]) == 4


def test_batch_strip_has_one_cell_per_sample_and_epoch():
    frame = pd.DataFrame(
        {
            "epoch": ["e1"] * 3 + ["e2"] * 3,
            "position": [0, 1, 2] * 2,
            "sample": [2, 0, 1, 1, 2, 0],
            "batch": [1, 1, 2, 1, 1, 2],
        }
    )
    spec = charts.batch_strip(frame, x_title="position", y_title="").to_dict()
    assert sum(len(rows) for rows in spec["datasets"].values()) == 6
