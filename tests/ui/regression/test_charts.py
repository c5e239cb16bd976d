"""The regression page's chart builders take DataFrames and return Altair charts, at most 5,000 points a series."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import pytest

from ui.a11y import contrast_ratio
from ui.charts import CATEGORICAL, DARK_TEXT, LIGHT_TEXT, NEUTRAL
from ui.i18n import translate
from ui.regression import charts

LABELS = (("batch", "batch loss"), ("epoch", "full-data loss"))


def test_downsample_keeps_at_most_the_limit_and_both_ends():
    frame = pd.DataFrame({"step": np.arange(100_000)})
    small = charts.downsample(frame)
    assert len(small) <= charts.MAX_POINTS
    assert small["step"].iloc[0] == 0 and small["step"].iloc[-1] == 99_999


def test_loss_chart_of_a_long_run_sends_at_most_5000_points_a_series():
    steps = pd.DataFrame({"step": np.arange(1, 100_001), "loss": np.linspace(10, 1, 100_000), "series": "batch"})
    epochs = pd.DataFrame({"step": [50_000, 100_000], "loss": [2.0, 1.0], "series": "epoch"})
    chart = charts.loss_chart(steps, epochs, x_title="step", y_title="loss", current=7, labels=LABELS)
    spec = chart.to_dict()
    assert isinstance(chart, alt.LayerChart)
    assert all(len(rows) <= charts.MAX_POINTS for rows in spec["datasets"].values())


def _layers(spec: dict) -> list[dict]:
    return spec["layer"]


def test_loss_chart_colours_each_series_by_its_code_in_every_language():
    steps = pd.DataFrame({"step": [1, 2, 3], "loss": [3.0, 2.0, 1.0], "series": "batch"})
    epochs = pd.DataFrame({"step": [3], "loss": [1.5], "series": "epoch"})
    colours = []
    for lang in ("en", "zh"):
        labels = (
            ("batch", translate("regression.curves.series_batch", lang)),
            ("epoch", translate("regression.curves.series_epoch", lang)),
        )
        spec = charts.loss_chart(steps, epochs, x_title="", y_title="", current=1, labels=labels).to_dict()
        color = _layers(spec)[0]["encoding"]["color"]
        colours.append((color["scale"]["domain"], color["scale"]["range"]))
        assert translate("regression.curves.series_epoch", lang) in color["legend"]["labelExpr"]
    assert colours[0] == colours[1] == (["batch", "epoch"], CATEGORICAL[:2])


def _surface_and_paths(steps: int = 3):
    a, b = np.meshgrid(np.linspace(-1, 1, 5), np.linspace(-2, 2, 5))
    surface = pd.DataFrame({"a": a.ravel(), "b": b.ravel(), "loss": (a**2 + b**2).ravel() + 0.1})
    t = np.linspace(1, 0, steps)
    paths = pd.concat(
        pd.DataFrame({"a": t * k, "b": 2 * t, "order": np.arange(steps), "run": f"run {k}"}) for k in (1, 2, 3)
    )
    marks = pd.DataFrame({"a": [0.0], "b": [0.0], "label": ["optimum"]})
    return surface, paths, marks


def test_contour_draws_a_seamless_surface_thin_trails_and_haloed_labels():
    surface, paths, marks = _surface_and_paths()
    spec = charts.contour(surface, paths, marks, a_title="w₀", b_title="b", loss_title="loss").to_dict()
    heat, trail, stops, _, halo, label = _layers(spec)
    assert heat["encoding"]["stroke"]["field"] == "loss"  # each cell stroked in its own colour: no white seams
    assert trail["mark"]["type"] == "rule" and trail["mark"]["strokeWidth"] < 2
    assert trail["encoding"]["opacity"]["field"] == "age"  # the trail fades in from the start: its direction
    # the labels sit on the grey surface in both themes: one fixed dark colour on a light halo
    assert halo["mark"]["stroke"] == LIGHT_TEXT and halo["mark"]["strokeWidth"] >= 3
    assert label["mark"]["color"] == DARK_TEXT and contrast_ratio(DARK_TEXT, LIGHT_TEXT) >= 4.5
    # colour is never the only cue: each run has its own Okabe–Ito colour, dash and marker shape
    assert trail["encoding"]["color"]["scale"]["range"] == CATEGORICAL[:3]
    assert len({str(d) for d in trail["encoding"]["strokeDash"]["scale"]["range"]}) == 3
    assert len(set(stops["encoding"]["shape"]["scale"]["range"])) == 3


def test_a_long_trajectory_is_subsampled_keeping_its_start_and_end():
    _, paths, _ = _surface_and_paths(steps=20_000)
    segments = charts.path_segments(paths)
    for run, path in segments.groupby("run"):
        assert len(path) < charts.MAX_PATH_POINTS
        full = paths[paths["run"] == run]
        assert (path["a"].iloc[0], path["b"].iloc[0]) == (full["a"].iloc[0], full["b"].iloc[0])
        assert (path["a2"].iloc[-1], path["b2"].iloc[-1]) == (full["a"].iloc[-1], full["b"].iloc[-1])
        assert path["age"].iloc[-1] == 1 and path["age"].is_monotonic_increasing


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
    cells = _layers(spec)[0]
    assert len(spec["datasets"][cells["data"]["name"]]) == 6


def test_batch_strip_marks_each_batch_start_and_writes_readable_numbers_on_every_colour():
    frame = pd.DataFrame({"epoch": "e1", "position": range(9), "sample": range(9), "batch": range(1, 10)})  # size 1
    spec = charts.batch_strip(frame, x_title="position", y_title="").to_dict()
    cells, text, rules = _layers(spec)
    assert [row["position"] for row in spec["datasets"][rules["data"]["name"]]] == list(range(1, 9))
    fills, inks = cells["encoding"]["color"]["scale"]["range"], text["encoding"]["color"]["scale"]["range"]
    assert len(fills) == len(inks) == 9
    assert all(contrast_ratio(fill, ink) >= 4.5 for fill, ink in zip(fills, inks, strict=True))


def test_the_batch_is_told_apart_by_shape_and_the_rest_is_neutral():
    points = pd.DataFrame({"x": [0.0, 1.0], "y": [1.0, 2.0], "in_batch": [True, False], "sample": [0, 1]})
    lines = pd.DataFrame({"x": [0.0, 1.0], "y": [1.0, 2.0], "which": "before"})
    dots = _layers(charts.batch_scatter(points, lines, x_title="x", y_title="y").to_dict())[0]
    assert dots["encoding"]["shape"]["scale"]["range"] == ["diamond", "circle"]
    assert dots["encoding"]["color"]["scale"]["range"][1] == NEUTRAL


def test_the_loss_legend_tells_the_steps_from_the_epochs_by_shape_too():
    steps = pd.DataFrame({"step": [1, 2, 3], "loss": [3.0, 2.0, 1.0], "series": "batch"})
    epochs = pd.DataFrame({"step": [3], "loss": [1.5], "series": "epoch"})
    dots = _layers(charts.loss_chart(steps, epochs, x_title="", y_title="", current=1, labels=LABELS).to_dict())[1]
    assert dots["encoding"]["shape"]["scale"] == {"domain": ["batch", "epoch"], "range": ["stroke", "diamond"]}


def test_the_contour_box_holds_every_trajectory_but_a_runaway_one():
    theta_star = np.array([1.0, 2.0])
    near = {"run": np.array([[0.0, 0.0], [0.5, 1.0], [1.0, 2.0]])}
    a_low, a_high, b_low, b_high = charts.contour_box(near, theta_star, 0, 1)
    assert a_low < 0 < 1 < a_high and b_low < 0 < 2 < b_high
    assert a_high - 1 == pytest.approx(1 - a_low)  # centred on the optimum
    away = {"run": np.array([[0.0, 0.0], [1e30, -1e30]])}
    box = charts.contour_box(away, theta_star, 0, 1)
    assert max(abs(v) for v in box) < 100  # ten times the start's distance, not the divergence's
