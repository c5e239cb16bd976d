"""The regression page's maths lessons under AppTest: the learning-rate bounds and their one-click fix,
standardised features, where each convention puts the 1/B, the exported script's description, the
regimes, and the loss surface's slice."""

from __future__ import annotations

import re

import numpy as np
import pytest

from core.regression import TrainConfig, standardize, step_size_limits, toy_dataset
from tests.app.helpers import PAGES, open_page, url_param
from ui.i18n import translate
from ui.numbers import num

PAGE = next(p for p in PAGES if p.script == "pages/regression.py")


def _text(at) -> str:
    parts = [e.value for kind in ("warning", "error", "info", "caption", "markdown") for e in getattr(at, kind)]
    return "\n".join(parts)


def _limits(**change):
    X, _ = toy_dataset(device="cpu")
    cfg = dict(lr=0.5, batch_size=3, epochs=3, loss="sum_over_batch", w0=(1, 2), b0=0, batch_order=(5, 1, 0))
    return step_size_limits(X, TrainConfig(**{**cfg, **change}))


def test_the_default_run_teaches_its_divergence_with_the_live_numbers():
    at = open_page(PAGE)
    assert not at.exception
    lesson = " ".join(w.value for w in at.warning)
    limits = _limits()
    assert "above this run's stable bound: some of its steps overshoot" in lesson
    assert "from 12 at step 1 to 5.378e+13 at step 6" in lesson  # the run's own batch losses
    assert f"mini-batch bound:** η < 2 / max λ = {num(limits.run_lr)}" in lesson  # 0.02437
    assert f"Full-batch GD bound:** η < 2 / λ_max(H) = {num(limits.full_batch_lr)}" in lesson  # 0.04393
    assert "step 1 (samples 5, 1, 0): λ = 22.1949" in lesson
    assert at.button(key="use_lr").label == "Use the suggested learning rate η = 0.012"


def test_the_suggested_learning_rate_goes_into_the_field_and_the_link_in_one_click():
    at = open_page(PAGE)
    at.button(key="use_lr").click().run()
    assert at.number_input(key="lr").value == 0.012
    assert url_param(at, "lr") == "0.012"
    assert not at.warning and not at.error
    title = next(e.label for e in at.expander if "Largest stable learning rate" in e.label)
    assert "η = 0.012 is below this run's bound 0.02437 (full-batch GD: 0.04393)" in title


def test_the_bounds_follow_the_batch_size_the_order_and_the_convention():
    batch_1 = _text(open_page(PAGE, params={"batch": "1", "loss": "mean", "order": ""}))
    assert f"= {num(_limits(batch_size=1, loss='mean', batch_order=None).run_lr)}" in batch_1
    assert "batch size 1, shuffled every epoch" in batch_1
    fixed = _text(open_page(PAGE, params={"batch": "2", "shuffle": "false"}))
    assert "batch size 2, in a fixed order" in fixed
    total = _text(open_page(PAGE, params={"loss": "sum"}))
    assert "the full-batch bound is the stricter one" in total
    full = _text(open_page(PAGE, params={"batch": "6", "lr": "0.01"}))
    assert "the two bounds are the same" in full


def test_standardising_writes_the_link_explains_the_mapping_and_shows_original_units():
    at = open_page(PAGE, params={"tab": "result"})
    at.toggle(key="std").set_value(True).run()
    assert url_param(at, "std") == "true"
    X, _ = toy_dataset(device="cpu")
    _, scaling = standardize(X)
    caption = _text(at)
    assert f"x0 ↦ (x0 − 2.8333) / {num(scaling.scale[0])}" in caption
    assert "standardised units" in caption
    assert re.search(r"In the original units .*: trained w = \[.*\], b = .*; normal equation w = \[", caption)
    script = " ".join(c.value for c in at.code)
    assert "features = (features - mean) / scale" in script
    assert "standardises the features first" in caption


def test_standardised_toy_data_gets_a_larger_bound_and_a_smaller_condition_number():
    raw = _text(open_page(PAGE))
    scaled = _text(open_page(PAGE, params={"std": "true"}))
    assert "λ_max / λ_min, is 87.8133" in raw and "would make κ = 1.1786" in raw
    assert "With standardised features" in scaled and "λ_max / λ_min, is 1.1786" in scaled
    X, _ = toy_dataset(device="cpu")
    cfg = TrainConfig(lr=0.5, batch_size=3, epochs=3, loss="sum_over_batch", batch_order=(5, 1, 0))
    bound = step_size_limits(standardize(X)[0], cfg).run_lr
    assert bound > 10 * _limits().run_lr and f"max λ = {num(bound)}" in scaled


def test_each_convention_says_where_its_1_over_b_goes():
    assert "explicit `/ len(y)`" in _text(open_page(PAGE))
    assert "`nn.MSELoss()` divides by the number of elements, B = len(y) = 3" in _text(
        open_page(PAGE, params={"loss": "mean"})
    )
    assert "Where the 1/B goes: nowhere" in _text(open_page(PAGE, params={"loss": "sum"}))


def test_d2l_convention_shows_d2ls_own_gradient_and_update_with_the_live_numbers():
    at = open_page(PAGE, params={"loss": "half_mean", "lr": "0.01"})
    text = _text(at)
    # step 1, rows 5, 1, 0 from w = [1, 2], b = 0: residuals 4, 2, 4; Σ r·x = 4·[1, 3] + 2·[4, 2] + 4·[1, 2]
    assert "`w.grad` = [5.3333, 8]" in text and "`w.grad` = [16, 24] (B = 3 times larger)" in text
    assert "[1, 2] − 0.01·[16, 24] / 3 = [0.9467, 1.92]" in text
    at.button(key="step_next").click().run()
    assert "[0.9467, 1.92] − 0.01·" in _text(at)  # the next step starts where this one ended


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, "`nn.MSELoss(reduction='sum')` divided by the batch size `len(y)`, `torch.optim.SGD` with its defaults"),
        ({"opt": "manual", "loss": "mean"}, "`nn.MSELoss()`, the update written out by hand, `p -= lr * p.grad`"),
        ({"opt": "manual", "loss": "half_mean"}, "d2l's own update, `l.sum().backward()` and then"),
    ],
)
def test_the_script_intro_names_what_the_script_uses(params, expected):
    at = open_page(PAGE, params={**params, "tab": "result"})
    assert expected in _text(at)


def test_the_loss_surface_names_the_parameters_its_slice_holds_fixed():
    params = {"data": "synthetic", "tw": "2, -3.4, 1", "lr": "0.03", "batch": "10", "w0": "", "tab": "curves"}
    at = open_page(PAGE, params=params)
    sentence = next(c.value for c in at.caption if "2-D slice" in c.value)
    assert "through w₀ and b, with w₁ = " in sentence and "w₂ = " in sentence
    at.button_group(key="pa").set_value("w1").run()
    again = next(c.value for c in at.caption if "2-D slice" in c.value)
    assert "through w₁ and b, with w₀ = " in again and "w₂ = " in again


def test_the_lesson_and_the_labels_in_chinese():
    at = open_page(PAGE, params={"lang": "zh"})
    lesson = " ".join(w.value for w in at.warning)
    assert "超过了本次训练的稳定上界" in lesson and "本次训练的小批量上界" in lesson
    assert "全批量梯度下降的上界" in lesson
    assert at.button(key="use_lr").label == "使用建议的学习率 η = 0.012"
    assert translate("regression.model.loss_sum_over_batch", "zh").startswith("求和再除以批大小")
    assert "批大小" in translate("regression.model.loss_half_mean", "zh")


def test_sum_over_batch_is_labelled_and_written_as_the_sum_divided_by_the_batch_size():
    assert (
        translate("regression.model.loss_sum_over_batch", "en") == "sum ÷ batch size: MSELoss(reduction='sum') / len(y)"
    )
    formulas = " ".join(f.value for f in open_page(PAGE).latex)
    assert r"\frac{1}{3}\underbrace{\textstyle\sum_{i\in I}(\hat y_i-y_i)^2}_{\texttt{MSELoss(sum)}} = 12" in formulas


def test_the_suggestion_is_never_a_rate_that_diverges():
    for params in ({}, {"batch": "1"}, {"loss": "sum", "batch": "2"}, {"loss": "half_mean", "shuffle": "false"}):
        at = open_page(PAGE, params={**params, "epochs": "200"})
        at.button(key="use_lr").click().run()
        assert not at.error and not at.warning, params
        assert np.isfinite(float(url_param(at, "lr")))


def test_a_singular_design_says_which_least_squares_solution_the_table_shows():
    singular = {"data": "synthetic", "tw": "2, -3.4", "n": "2", "batch": "1", "lr": "0.01", "w0": "", "tab": "result"}
    assert "AᵀA is singular here" in _text(open_page(PAGE, params=singular))  # 2 samples, 3 parameters
    assert "AᵀA is singular here" not in _text(open_page(PAGE, params={"tab": "result"}))


def test_with_sum_the_loss_chart_draws_the_full_data_loss_scaled_by_b_over_n():
    assert "B/n = 2/6" in _text(open_page(PAGE, params={"loss": "sum", "batch": "2", "tab": "curves"}))
    assert "B/n = 3/6" in _text(open_page(PAGE, params={"loss": "sum", "batch": "3", "tab": "curves"}))
    assert "B/n" not in _text(open_page(PAGE, params={"loss": "mean", "tab": "curves"}))


def test_standardised_toy_data_keeps_the_hand_worked_first_batch():
    at = open_page(PAGE, params={"std": "true"})
    table = next(df.value for df in at.dataframe if "b.grad" in df.value.columns)
    assert table.iloc[0][translate("regression.step.col_batch", "en")] == "5, 1, 0"


def test_quiz_mode_keeps_the_lesson_but_not_the_losses_it_asks_about():
    at = open_page(PAGE, params={"quiz": "true"})
    lesson = " ".join(w.value for w in at.warning)
    assert "mini-batch bound" in lesson and "12 at step 1" not in lesson
