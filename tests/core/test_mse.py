"""core.mse against the worked examples of seeds 000-002, NumPy float64, autograd and PyTorch itself."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
import warnings
from fractions import Fraction

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from torch.nn import _reduction as torch_reduction

from core.errors import InputError
from core.mse import (
    PRESET_ALIASES,
    PRESETS,
    REDUCTIONS,
    backward_demo,
    l2_norm,
    legacy_call,
    legacy_reduction,
    mse,
    mse_grad,
    mse_numpy,
    preset_pair,
    pytorch_call,
    spectral_norm,
    squared_l2_norm,
    to_pytorch_script,
)

# Seed 000's 3x2 example and seed 002's one-hot example (golden values from the SPEC)
X = [[3.0, 1.0], [4.0, 2.0], [5.0, 3.0]]
Y = [[2.0, 2.0], [1.0, 4.0], [6.0, 2.0]]
PRED = [[1.0, 2.0, 3.0], [2.0, 1.0, 3.0], [3.0, 1.0, 2.0]]
ONE_HOT = torch.eye(3, dtype=torch.float64).tolist()
FLAGS = [None, True, False]


def tensor(rows):
    return torch.tensor(rows, dtype=torch.float64)


def test_mean_loss_of_seed_000_is_17_over_6():
    assert mse(X, Y, reduction="mean").loss.item() == pytest.approx(17 / 6)


def test_mean_gradient_of_seed_000_is_a_third_of_the_difference():
    expected = tensor([[1, -1], [3, -2], [-1, 1]]) / 3
    torch.testing.assert_close(mse(X, Y, reduction="mean").grad, expected)


def test_last_row_of_the_mean_gradient_is_minus_one_one_not_the_seeds_typo():
    # seed 000 hand-writes [-1, -1]/3 for the last row; PyTorch (and the seed's own printout) give [-1, 1]/3
    last_row = mse(X, Y, reduction="mean").grad[-1] * 3
    torch.testing.assert_close(last_row, tensor([-1, 1]))


def test_sum_loss_and_gradient_of_seed_000():
    report = mse(X, Y, reduction="sum")
    assert report.loss.item() == 17
    torch.testing.assert_close(report.grad, tensor([[2, -2], [6, -4], [-2, 2]]))


def test_one_hot_example_of_seed_002_for_each_reduction():
    assert mse(PRED, ONE_HOT, reduction="none").loss.tolist() == [[0, 4, 9], [4, 0, 9], [9, 1, 1]]
    assert mse(PRED, ONE_HOT, reduction="sum").loss.item() == 37
    mean = mse(PRED, ONE_HOT, reduction="mean").loss.item()
    assert mean == pytest.approx(37 / 9) and round(mean, 4) == 4.1111


def test_seed_001_scalar_example_loss_one_gradient_two():
    report = mse([2.0], [1.0], reduction="mean")  # x*w = 1*2 against label 1
    assert report.loss.item() == 1
    assert report.grad.item() == 2


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_loss_equals_nn_mseloss(reduction):
    expected = torch.nn.MSELoss(reduction=reduction)(tensor(X), tensor(Y))
    torch.testing.assert_close(mse(X, Y, reduction=reduction).loss, expected)


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_the_line_shown_on_the_page_computes_the_same_loss(reduction):
    namespace = {"torch": torch, "X": tensor(X), "Y": tensor(Y)}
    exec(pytorch_call(reduction), namespace)  # the page's one line, run as plain PyTorch
    torch.testing.assert_close(namespace["loss"], mse(X, Y, reduction=reduction).loss)


def test_none_reduction_loss_is_the_squared_error_matrix():
    report = mse(X, Y, reduction="none")
    torch.testing.assert_close(report.loss, report.squared_error)
    assert report.loss.shape == (3, 2)


def test_none_reduction_records_pytorchs_own_backward_error():
    report = mse(X, Y, reduction="none")
    loss = torch.nn.MSELoss(reduction="none")(tensor(X).requires_grad_(), tensor(Y))
    with pytest.raises(RuntimeError) as raised:
        loss.backward()
    assert report.backward_error == str(raised.value)
    assert "scalar" in report.backward_error


def test_none_reduction_gradient_is_the_product_with_ones_and_says_so():
    report = mse(X, Y, reduction="none")
    torch.testing.assert_close(report.grad, mse(X, Y, reduction="sum").grad)
    assert "loss.sum()" in report.grad_note and "ones" in report.grad_note


def test_one_element_none_loss_backpropagates_without_error_and_without_double_counting():
    report = mse([[0.0]], [[1.0]], reduction="none")
    assert report.backward_error is None
    torch.testing.assert_close(report.grad, tensor([[-2.0]]))


@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_scalar_reductions_have_no_backward_error_or_note(reduction):
    report = mse(X, Y, reduction=reduction)
    assert report.backward_error is None and report.grad_note is None


def test_sum_gradient_is_n_times_d_times_the_mean_gradient():
    ratio = mse(X, Y, reduction="sum").grad / mse(X, Y, reduction="mean").grad
    torch.testing.assert_close(ratio, torch.full((3, 2), 6.0, dtype=torch.float64))


def test_squared_l2_norm_equals_the_sum_loss_and_the_plain_norm_does_not():
    assert squared_l2_norm(tensor(X), tensor(Y)).item() == pytest.approx(17)
    assert torch.norm(tensor(X) - tensor(Y), 2).item() == pytest.approx(17**0.5)


def test_torch_norm_2_of_a_matrix_is_the_frobenius_norm_not_the_spectral_norm():
    diff = tensor(X) - tensor(Y)
    torch.testing.assert_close(l2_norm(X, Y), torch.linalg.matrix_norm(diff, ord="fro"))
    torch.testing.assert_close(l2_norm(X, Y), torch.linalg.vector_norm(diff.flatten()))
    # the spectral norm is the largest singular value: sqrt(16.8815...) for seed 000, not sqrt(17)
    singular_values = np.linalg.svd(np.array(X) - np.array(Y), compute_uv=False)
    assert spectral_norm(X, Y).item() == pytest.approx(singular_values[0], rel=1e-12)
    assert spectral_norm(X, Y).item() ** 2 == pytest.approx(16.8815, abs=1e-4)
    assert squared_l2_norm(X, Y).item() == pytest.approx((singular_values**2).sum(), rel=1e-12)


def test_spectral_and_frobenius_norms_agree_for_a_single_column():
    x, y = preset_pair("toy_regression")
    assert spectral_norm(x, y).item() == pytest.approx(l2_norm(x, y).item(), rel=1e-12)


def test_numpy_axis_none_is_the_mean_loss_and_axis_0_is_one_mean_per_column():
    assert mse_numpy(np.array(Y), np.array(X)) == pytest.approx(17 / 6)
    np.testing.assert_allclose(mse_numpy(np.array(Y), np.array(X), axis=0), [11 / 3, 2])


def test_seed_002_numpy_example():
    loss = mse_numpy(np.array([1, 2, 3, 4]), np.array([1.5, 2.1, 2.9, 4.2]), axis=0)
    assert loss == pytest.approx((0.25 + 0.01 + 0.01 + 0.04) / 4)


@pytest.mark.parametrize(("size_average", "reduce"), list(itertools.product(FLAGS, FLAGS)))
def test_legacy_flags_map_like_pytorch(size_average, reduce):
    expected = torch_reduction.legacy_get_string(size_average, reduce, emit_warning=False)
    assert legacy_reduction(size_average, reduce) == expected


def test_legacy_flag_golden_values():
    assert legacy_reduction() == "mean"
    assert legacy_reduction(size_average=False) == "sum"
    assert {legacy_reduction(sa, False) for sa in FLAGS} == {"none"}


def test_legacy_warning_is_pytorchs_deprecation_message():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        torch.nn.MSELoss(size_average=False)
    assert legacy_call(size_average=False).warning == str(caught[0].message)
    assert legacy_call(size_average=False).warning == (
        "size_average and reduce args will be deprecated, please use reduction='sum' instead."
    )


def test_no_legacy_warning_without_legacy_flags():
    assert legacy_call() == legacy_call(reduction="mean")
    assert legacy_call().warning is None
    assert legacy_call(reduction="sum").reduction == "sum"


def test_legacy_flags_override_the_reduction_argument():
    # torch/nn/modules/loss.py: _Loss.__init__ uses legacy_get_string whenever either flag is not None
    call = legacy_call(size_average=False, reduction="mean")
    assert call.reduction == "sum" and "reduction='sum'" in call.warning
    assert legacy_call(size_average=True, reduce=True, reduction="none").reduction == "mean"


@pytest.mark.parametrize(("size_average", "reduce"), list(itertools.product(FLAGS, FLAGS)))
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_legacy_call_reads_pytorchs_own_module(size_average, reduce, reduction):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        module = torch.nn.MSELoss(size_average=size_average, reduce=reduce, reduction=reduction)
    call = legacy_call(size_average, reduce, reduction)
    assert call.reduction == module.reduction
    assert call.warning == (str(caught[0].message) if caught else None)
    flags_given = size_average is not None or reduce is not None
    assert call.reduction == (legacy_reduction(size_average, reduce) if flags_given else reduction)


def test_autograd_grad_returns_a_tuple_and_leaves_grad_empty():
    demo = backward_demo(X, Y, reduction="mean")
    assert isinstance(demo.autograd_grad, tuple) and len(demo.autograd_grad) == 1
    assert demo.grad_attr_after_autograd_grad is None
    torch.testing.assert_close(demo.autograd_grad[0], demo.grad_after_one_backward)


def test_second_backward_on_a_kept_graph_doubles_the_gradient_then_the_graph_is_freed():
    demo = backward_demo(X, Y, reduction="sum")
    torch.testing.assert_close(demo.grad_after_two_backwards, 2 * demo.grad_after_one_backward)
    assert demo.freed_graph_error.startswith("Trying to backward through the graph a second time")
    torch.testing.assert_close(demo.grad_after_zero_and_fresh_forward, demo.grad_after_one_backward)


def test_shape_mismatch_names_both_shapes():
    with pytest.raises(InputError, match=r"shape \(2, 2\), expected \(3, 2\)") as raised:
        mse(X, [[1.0, 2.0], [3.0, 4.0]])
    assert raised.value.code == "shape"


def test_nan_is_rejected_with_its_index():
    with pytest.raises(InputError, match=r"index \(1, 0\)"):
        mse(X, [[2.0, 2.0], [float("nan"), 4.0], [6.0, 2.0]])


def test_text_is_rejected():
    with pytest.raises(InputError, match="X is not a numeric array"):
        mse([["a", 1.0]], [[1.0, 1.0]])


def test_unknown_reduction_is_rejected():
    with pytest.raises(InputError, match="reduction must be one of") as raised:
        mse(X, Y, reduction="avg")
    assert raised.value.code == "mse_choice"


def test_unknown_preset_is_rejected():
    with pytest.raises(InputError, match="preset must be one of"):
        preset_pair("seed999")


def test_toy_regression_preset_is_seed_000s_predictions_against_its_labels():
    x, y = preset_pair("toy_regression")
    assert x == [[5.0], [8.0], [10.0], [2.0], [19.0], [7.0]]  # [1, 2] · each row of seed 000's features
    assert y == [[1.0], [6.0], [2.0], [7.0], [1.0], [3.0]]


def test_every_alias_names_a_preset():
    assert PRESET_ALIASES == {"residuals": "toy_regression"}
    assert set(PRESET_ALIASES.values()) <= set(PRESETS)


def test_random_preset_depends_only_on_its_seed():
    assert preset_pair("random", seed=3) == preset_pair("random", seed=3)
    assert preset_pair("random", seed=3) != preset_pair("random", seed=4)


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_generated_script_prints_the_same_loss_and_gradient(reduction):
    report = mse(X, Y, reduction=reduction)
    out = subprocess.run(
        [sys.executable, "-c", to_pytorch_script(X, Y, reduction=reduction)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    loss_text, grad_text = out.split("X.grad =")
    numbers = lambda text: [float(v) for v in re.findall(r"-?\d+\.\d*(?:e[-+]\d+)?", text)]  # noqa: E731
    np.testing.assert_allclose(numbers(loss_text), report.loss.flatten().tolist(), atol=1e-6)
    np.testing.assert_allclose(numbers(grad_text), report.grad.flatten().tolist(), atol=1e-6)


# Random shapes against independent references: NumPy float64 for the loss, autograd for the closed form.
finite = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)
shapes = st.tuples(st.integers(1, 6), st.integers(1, 6))


@st.composite
def pairs(draw):
    shape = draw(shapes)
    return draw(arrays(np.float64, shape, elements=finite)), draw(arrays(np.float64, shape, elements=finite))


@settings(max_examples=40, deadline=None)
@given(pairs(), st.sampled_from(REDUCTIONS))
def test_loss_matches_numpy_float64(pair, reduction):
    x, y = pair
    squared = (x - y) ** 2
    expected = {"none": squared, "mean": squared.mean(), "sum": squared.sum()}[reduction]
    np.testing.assert_allclose(mse(x, y, reduction=reduction).loss.numpy(), expected, rtol=1e-12, atol=1e-9)


@settings(max_examples=40, deadline=None)
@given(pairs(), st.sampled_from(REDUCTIONS))
def test_closed_form_gradient_matches_autograd(pair, reduction):
    report = mse(*pair, reduction=reduction)
    torch.testing.assert_close(report.grad_closed_form, report.grad, rtol=1e-12, atol=1e-12)
    torch.testing.assert_close(mse_grad(tensor(pair[0]), tensor(pair[1]), reduction=reduction), report.grad)


@settings(max_examples=30, deadline=None)
@given(pairs())
def test_numpy_by_hand_matches_pytorch_mean(pair):
    x, y = pair
    assert mse_numpy(y, x) == pytest.approx(mse(x, y).loss.item(), rel=1e-12, abs=1e-9)


def test_exact_fraction_of_the_golden_mean():
    assert Fraction(mse(X, Y).loss.item()).limit_denominator(1000) == Fraction(17, 6)
