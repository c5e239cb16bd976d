"""The one heatmap builder: a matrix's cells, 0-based, coloured around 0, every number readable."""

from __future__ import annotations

import altair as alt

from ui.charts import DIVERGING_NEGATIVE, DIVERGING_POSITIVE, DIVERGING_ZERO
from ui.charts.matrix import heatmap, matrix_frame

J = [[0.1860, -0.0947, -0.0914], [-0.0947, 0.2364, -0.1417], [-0.0914, -0.1417, 0.2330]]


def test_matrix_frame_has_one_row_per_entry_counted_from_0_and_its_label():
    frame = matrix_frame(J)
    assert list(frame.columns) == ["row", "col", "value", "label"] and len(frame) == 9
    assert frame.query("row == 1 and col == 2")[["value", "label"]].values.tolist() == [[-0.1417, "-0.1417"]]
    assert frame["row"].min() == 0 and frame["col"].max() == 2


def test_labels_never_write_a_tiny_number_as_zero():
    frame = matrix_frame([[3.882546e-10, -7.345637e-19], [-7.345637e-19, 1.0]])
    assert frame["label"].tolist() == ["3.883e-10", "-7.346e-19", "-7.346e-19", "1"]


def test_cells_are_coloured_around_zero_symmetrically_by_the_largest_entry():
    chart = heatmap(matrix_frame(J), title="J", value_title="J", row_title="i", col_title="j")
    assert isinstance(chart, alt.LayerChart)
    cells, text = chart.to_dict()["layer"]
    scale = cells["encoding"]["color"]["scale"]
    assert scale["domain"] == [-0.2364, 0.0, 0.2364]
    assert scale["range"] == [DIVERGING_NEGATIVE, DIVERGING_ZERO, DIVERGING_POSITIVE]
    assert text["encoding"]["text"] == {"field": "label", "type": "nominal"}
    assert "condition" in text["encoding"]["color"], "black or white text, whichever reads on the cell"
    assert [tip["field"] for tip in cells["encoding"]["tooltip"]] == ["row", "col", "label"]  # no raw value


def test_a_non_negative_matrix_runs_from_white_at_zero_to_the_same_red_with_its_legend_from_0():
    cells = heatmap(matrix_frame([[1.0, 4.0], [9.0, 0.0]]), title="t", value_title="v").to_dict()["layer"][0]
    scale = cells["encoding"]["color"]["scale"]
    assert scale["domain"] == [0.0, 9.0] and scale["range"] == [DIVERGING_ZERO, DIVERGING_POSITIVE]


def test_a_sized_heatmap_stays_within_its_width_and_drops_the_numbers_when_cells_get_small():
    chart = heatmap(matrix_frame([[1.0] * 20] * 20), title="t", value_title="v", max_width=300).to_dict()
    assert len(chart["layer"]) == 1
    assert chart["width"]["step"] * 20 <= 300
    wide = heatmap(matrix_frame([[1.0] * 10] * 10), title="t", value_title="v", labelled_up_to=10).to_dict()
    assert len(wide["layer"]) == 2 and "width" not in wide  # the container's width


def test_an_all_zero_matrix_still_draws():
    spec = heatmap(matrix_frame([[0.0, 0.0]]), title="t", value_title="v").to_dict()
    assert spec["layer"][1]["encoding"]["text"]["field"] == "label"
