"""The regression page's UI under AppTest: settings that survive the CSV source, 0-based indices, words and numbers."""

from __future__ import annotations

import json

import pytest

from tests.app.helpers import PAGES, open_page, open_tab, url_param
from ui.i18n import translate

PAGE = next(p for p in PAGES if p.script == "pages/regression.py")
CSV = ("houses.csv", b"size,age,price\n1,2,3\n2,1,5\n3,1,7\n4,0,9\n5,1,11\n6,2,13\n", "text/csv")


def _drawn_value(widget):
    """The value a browser shows for a widget element it draws afresh: the value the server sends with
    it (`set_value`), else the widget's own default."""
    proto = widget.proto
    if widget.type == "radio":
        return proto.raw_value if proto.set_value else widget.options[proto.default]
    return proto.value if proto.set_value else proto.default


def test_training_settings_survive_choosing_the_csv_source_before_a_file_is_uploaded():
    at = open_page(PAGE)
    at.radio(key="data").set_value("csv").run()  # the page stops at "upload a file first": no training widgets
    at.file_uploader[0].set_value(CSV).run()
    widgets = [*at.number_input, *at.text_input, *at.toggle, at.radio(key="loss")]
    expected = {"lr": 0.5, "batch": 3, "epochs": 3, "seed": 0, "b0": 0, "w0": "1, 2", "shuffle": True}
    expected["loss"] = translate("regression.model.loss_sum_over_batch", "en")
    drawn = {w.key: _drawn_value(w) for w in widgets if w.key in expected}
    assert drawn == expected
    at.number_input(key="epochs").set_value(4).run()  # the first edit sends every widget's value back
    assert {k: url_param(at, k) for k in ("lr", "batch", "shuffle", "loss", "w0", "b0")} == dict.fromkeys(
        ("lr", "batch", "shuffle", "loss", "w0", "b0")
    )
    assert url_param(at, "epochs") == "4"
    assert at.number_input(key="lr").value == 0.5 and at.text_input(key="w0").value == "1, 2"


def _captions(at) -> list[str]:
    return [c.value for c in at.caption]


def _chart_specs(at) -> str:
    return " ".join(json.dumps(json.loads(chart.proto.spec), ensure_ascii=False) for chart in at.get("vega_lite_chart"))


@pytest.mark.parametrize(
    ("params", "lang", "expected"),
    [
        ({"batch": "6", "epochs": "1"}, "en", "1 step per epoch, 1 step in all (limit 100,000)."),
        ({"batch": "1", "epochs": "3"}, "en", "6 steps per epoch, 18 steps in all (limit 100,000)."),
        ({"batch": "1", "epochs": "3"}, "zh", "每轮 6 步，共 18 步（上限 100,000）。"),
        (
            {"data": "synthetic", "n": "20000", "batch": "1", "epochs": "1", "w0": ""},
            "en",
            "20,000 steps per epoch, 20,000 steps in all (limit 100,000).",
        ),
    ],
)
def test_the_step_count_agrees_in_number_and_groups_its_thousands(params, lang, expected):
    at = open_page(PAGE, params={**params, "lang": lang})
    assert expected in _captions(at)


def test_a_one_sample_batch_is_one_sample():
    at = open_page(PAGE, params={"batch": "1"})
    assert any("(1 sample)" in m.value for m in at.markdown)


@pytest.mark.parametrize(("batch", "ratio"), [("2", "2/6"), ("3", "3/6")])
def test_sum_loss_draws_the_full_data_loss_scaled_by_the_live_batch_over_n(batch, ratio):
    at = open_tab(open_page(PAGE, params={"loss": "sum", "batch": batch}), "regression", "curves")
    assert any(f"B/n = {ratio}" in caption for caption in _captions(at))
    assert f"× B/n = {ratio}" in _chart_specs(at)  # the legend says what is drawn
    mean = open_tab(open_page(PAGE, params={"loss": "mean", "batch": batch}), "regression", "curves")
    assert "B/n" not in " ".join(_captions(mean)) + _chart_specs(mean)


def test_the_loss_surface_picker_uses_python_indices_and_an_old_out_of_range_code_falls_back():
    at = open_tab(open_page(PAGE, params={"pa": "w1", "pb": "b"}), "regression", "curves")
    assert at.button_group(key="pa").value == "w1"
    assert '"title": "w₁"' in _chart_specs(at)  # w1 is w[1], the second weight
    old = open_tab(open_page(PAGE, params={"pa": "w2"}), "regression", "curves")  # 1-based w2 has no 0-based twin
    assert any("w2" in w.value for w in old.warning)
    assert old.button_group(key="pa").value == "w0"


def test_step_table_and_quiz_name_the_first_weight_w0():
    at = open_page(PAGE, params={"quiz": "true"})
    assert any("w.grad[0]" in m.value and "∂ℓ/∂w₀" in m.value for m in at.markdown)
    table = next(df.value for df in open_page(PAGE).dataframe if "b.grad" in df.value.columns)
    assert [c for c in table.columns if "w" in c] == ["w.grad[0]", "w.grad[1]", "w[0]", "w[1]"]


@pytest.mark.parametrize(("batch", "sizes"), [("3", "1, 3, 6"), ("6", "1, 6"), ("1", "1, 6")])
def test_the_comparison_names_the_live_batch_sizes(batch, sizes):
    at = open_tab(open_page(PAGE, params={"batch": batch}), "regression", "regimes")
    assert f"Batch sizes {sizes} side by side" in [h.value for h in at.subheader]
