"""The regression page's UI under AppTest: settings that survive the CSV source, 0-based indices, words and numbers."""

from __future__ import annotations

from tests.app.helpers import PAGES, open_page, url_param
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
    expected["loss"] = translate("regression.loss_sum_over_batch", "en")
    drawn = {w.key: _drawn_value(w) for w in widgets if w.key in expected}
    assert drawn == expected
    at.number_input(key="epochs").set_value(4).run()  # the first edit sends every widget's value back
    assert {k: url_param(at, k) for k in ("lr", "batch", "shuffle", "loss", "w0", "b0")} == dict.fromkeys(
        ("lr", "batch", "shuffle", "loss", "w0", "b0")
    )
    assert url_param(at, "epochs") == "4"
    assert at.number_input(key="lr").value == 0.5 and at.text_input(key="w0").value == "1, 2"
