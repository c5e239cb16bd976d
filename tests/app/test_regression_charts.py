"""Every chart of the regression page has a text alternative: a caption built from the live numbers and the
table behind it, with translated column names (a long run's table evenly thinned, and the caption says so)."""

from __future__ import annotations

import pytest

from tests.app.helpers import PAGES, open_page, open_tab
from ui.i18n import translate

PAGE = next(p for p in PAGES if p.script == "pages/regression.py")


def _tables(at, lang: str = "en") -> list:
    """The tables behind the charts, in page order."""
    label = translate("a11y.chart_data", lang)
    return [expander.table[0].value for expander in at.expander if expander.label == label]


def _captions(at) -> list[str]:
    return [caption.value for caption in at.caption]


def _caption(at, start: str) -> str:
    return next(text for text in _captions(at) if start in text)


@pytest.mark.parametrize(
    ("code", "params", "charts"),
    [("step", {}, 1), ("curves", {}, 3), ("regimes", {}, 1), ("regimes", {"cmp": "true"}, 3)],
)
def test_every_chart_of_every_tab_comes_with_its_table(code, params, charts):
    at = open_tab(open_page(PAGE, params=params), "regression", code)
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == charts
    assert len(_tables(at)) == charts


def test_the_loss_caption_reads_the_seed_run_and_changes_with_the_learning_rate():
    seed = _caption(open_tab(open_page(PAGE), "regression", "curves"), "The batch loss is")
    assert seed.startswith("The batch loss is 12 at step 1 ")  # the tutorial's hand-worked first batch loss
    slower = _caption(open_tab(open_page(PAGE, params={"lr": "0.01"}), "regression", "curves"), "The batch loss is")
    assert slower.startswith("The batch loss is 12 at step 1 ") and slower != seed


def test_the_scatter_caption_follows_the_step():
    first = _caption(open_page(PAGE), "y against the prediction")
    assert "before step 1 for 6 samples," in first
    second = _caption(open_page(PAGE, params={"step": "2"}), "y against the prediction")
    assert "before step 2 for 6 samples," in second and second != first


def test_the_one_feature_scatter_names_the_line_before_and_after_the_step():
    at = open_page(PAGE, params={"data": "synthetic", "tw": "1.5", "w0": "", "b0": "0.5"})
    caption = _caption(at, "against y")
    assert "Before the step the line has w = " in caption and ", b = 0.5." in caption and "After it: w = " in caption
    assert caption.startswith("x0 against y for 1,000 samples, the 3 samples of step 1's batch")
    hidden = _caption(open_page(PAGE, params={"data": "synthetic", "tw": "1.5", "w0": "", "quiz": "1"}), "against y")
    assert "After it" not in hidden  # quiz mode: the step's result is asked, not shown


def test_the_strip_caption_holds_the_live_order_and_batch_size():
    fixed = open_page(PAGE, params={"shuffle": "false", "batch": "2", "order": ""})
    assert _caption(open_tab(fixed, "regression", "regimes"), "Batches of") == (
        "Batches of 2 (a thick line where one starts): epoch 1 takes the samples in the order 0, 1, 2, 3, 4, 5; "
        "epoch 3 in the order 0, 1, 2, 3, 4, 5."
    )
    seed = _caption(open_tab(open_page(PAGE), "regression", "regimes"), "Batches of")
    assert seed.startswith(
        "Batches of 3 (a thick line where one starts): epoch 1 takes the samples in the order 5, 1, 0"
    )


def test_a_large_data_set_is_drawn_in_part_and_the_caption_says_how_much():
    at = open_page(PAGE, params={"data": "synthetic", "n": "20000", "batch": "10", "epochs": "1", "w0": ""})
    caption = _caption(at, "y against the prediction")
    assert "for 4,010 of the 20,000 samples (the batch's, at most 1,000, and an even spread of the rest)" in caption


def test_a_long_run_thins_its_tables_and_says_so():
    at = open_tab(open_page(PAGE, params={"data": "synthetic", "batch": "10", "epochs": "3"}), "regression", "curves")
    loss_table = _tables(at)[0]
    assert len(loss_table) == 100
    assert "The table lists 100 of the 300 rows, evenly spaced, the first and the last included." in _caption(
        at, "The batch loss is"
    )


def test_the_tables_name_their_columns_in_chinese():
    at = open_tab(open_page(PAGE, params={"lang": "zh"}), "regression", "curves")
    loss_table = _tables(at, "zh")[0]
    assert loss_table.index.name == translate("regression.curves.axis_step", "zh")
    assert translate("regression.curves.series_batch", "zh") in loss_table.columns
