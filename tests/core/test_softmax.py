"""Softmax, its Jacobian and cross-entropy: seed 001's numbers, autograd, F.cross_entropy, overflow."""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from torch.testing import assert_close

from core.errors import InputError
from core.softmax import (
    cross_entropy,
    cross_entropy_upstream,
    exp_limit,
    naive_failure,
    naive_softmax,
    onehot,
    parse_logits,
    random_logits,
    softmax,
    softmax_jacobian,
    to_pytorch_script,
    vjp,
)

SEED_001 = [0.2306, 0.6693, 0.6334]
SEED_001_P = [0.2471, 0.3832, 0.3697]
SEED_001_J = [[0.1860, -0.0947, -0.0914], [-0.0947, 0.2364, -0.1417], [-0.0914, -0.1417, 0.2330]]
CLASSIC = [2.0, 1.0, 0.1]
CLASSIC_P = [0.6590, 0.2424, 0.0986]
ROUNDED = dict(atol=5e-5, rtol=0)  # the seed prints 4 decimals

logit_vectors = st.lists(
    st.floats(min_value=-30, max_value=30, allow_nan=False, allow_infinity=False), min_size=2, max_size=10
)
temperatures = st.floats(min_value=0.05, max_value=20)


def _f64(values) -> torch.Tensor:
    return torch.tensor(values, dtype=torch.float64)


# golden values of seed 001


def test_softmax_of_seed_001_logits():
    assert_close(softmax(SEED_001), _f64(SEED_001_P), **ROUNDED)


def test_softmax_of_2_1_01():
    assert_close(softmax(CLASSIC), _f64(CLASSIC_P), **ROUNDED)


@pytest.mark.parametrize("method", ["analytic", "autograd", "rowwise"])
def test_jacobian_of_seed_001_logits(method):
    assert_close(softmax_jacobian(SEED_001, method=method), _f64(SEED_001_J), **ROUNDED)


def test_results_are_float64_on_cpu():
    assert softmax(SEED_001, device="cpu").dtype == torch.float64


# softmax against independent references


@given(logit_vectors, temperatures)
@settings(max_examples=60, deadline=None)
def test_softmax_equals_numpy_and_torch(logits, temperature):
    z = np.array(logits) / temperature
    by_numpy = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
    assert_close(softmax(logits, temperature), torch.from_numpy(by_numpy))
    assert_close(softmax(logits, temperature), F.softmax(_f64(logits) / temperature, dim=0))


@given(logit_vectors, temperatures)
@settings(max_examples=60, deadline=None)
def test_probabilities_are_positive_and_sum_to_one(logits, temperature):
    p = softmax(logits, temperature)
    assert bool((p >= 0).all())
    assert_close(p.sum(), torch.tensor(1.0, dtype=torch.float64))


def test_adding_a_constant_to_every_logit_changes_nothing():
    assert_close(softmax([x + 100 for x in SEED_001]), softmax(SEED_001))


def test_probability_ratio_is_exp_of_the_logit_difference_over_t():
    p = softmax(CLASSIC, 0.5)
    assert_close(p[0] / p[1], torch.tensor(math.exp((2.0 - 1.0) / 0.5), dtype=torch.float64))


# the Jacobian


@given(logit_vectors, temperatures)
@settings(max_examples=60, deadline=None)
def test_analytic_jacobian_equals_autograd_both_ways(logits, temperature):
    analytic = softmax_jacobian(logits, temperature, method="analytic")
    assert_close(analytic, softmax_jacobian(logits, temperature, method="autograd"))
    assert_close(analytic, softmax_jacobian(logits, temperature, method="rowwise"))


@given(logit_vectors, temperatures)
@settings(max_examples=40, deadline=None)
def test_jacobian_rows_sum_to_zero_and_it_is_symmetric(logits, temperature):
    J = softmax_jacobian(logits, temperature)
    assert_close(J.sum(dim=1), torch.zeros(len(logits), dtype=torch.float64), atol=1e-12, rtol=0)
    assert_close(J, J.T)


def test_jacobian_diagonal_is_positive_and_off_diagonal_negative():
    J = softmax_jacobian(SEED_001)
    off_diagonal = J[~torch.eye(3, dtype=torch.bool)]
    assert bool((J.diagonal() > 0).all()) and bool((off_diagonal < 0).all())


def test_jacobian_is_divided_by_the_temperature():
    z = [x / 2.0 for x in SEED_001]
    assert_close(softmax_jacobian(SEED_001, 2.0), softmax_jacobian(z) / 2.0)


@given(logit_vectors, temperatures, st.data())
@settings(max_examples=40, deadline=None)
def test_vector_jacobian_product_both_ways_equals_v_times_j(logits, temperature, data):
    v = data.draw(st.lists(st.floats(-5, 5), min_size=len(logits), max_size=len(logits)))
    by_matrix = _f64(v) @ softmax_jacobian(logits, temperature, method="autograd")
    assert_close(vjp(logits, v, temperature, method="analytic"), by_matrix)
    assert_close(vjp(logits, v, temperature, method="autograd"), by_matrix)


def test_vjp_with_ones_is_zero_because_probabilities_always_sum_to_one():
    assert_close(vjp(SEED_001, [1.0, 1.0, 1.0]), torch.zeros(3, dtype=torch.float64), atol=1e-15, rtol=0)


# cross-entropy


@given(logit_vectors, temperatures, st.data())
@settings(max_examples=60, deadline=None)
def test_cross_entropy_equals_f_cross_entropy_and_its_gradient(logits, temperature, data):
    target = data.draw(st.integers(0, len(logits) - 1))
    a = _f64(logits).requires_grad_(True)
    expected = F.cross_entropy((a / temperature).unsqueeze(0), torch.tensor([target]))
    expected.backward()
    report = cross_entropy(logits, target, temperature=temperature)
    assert_close(report.loss, expected.detach())
    assert_close(report.nll, expected.detach())
    assert_close(report.log_softmax, F.log_softmax(_f64(logits) / temperature, dim=0))
    assert_close(report.grad, a.grad)
    assert_close(report.grad_autograd, a.grad)


def test_cross_entropy_of_seed_001_is_minus_log_p_target():
    report = cross_entropy(SEED_001, 0)
    assert report.loss.item() == pytest.approx(-math.log(0.2471), abs=1e-3)
    assert_close(report.grad, _f64([0.2471 - 1, 0.3832, 0.3697]), **ROUNDED)


def test_cross_entropy_gradient_is_the_jacobian_times_dloss_dp():
    report = cross_entropy(SEED_001, 1, temperature=0.7)
    dloss_dp = torch.zeros(3, dtype=torch.float64)
    dloss_dp[1] = -1 / report.probs[1]
    assert_close(dloss_dp @ softmax_jacobian(SEED_001, 0.7), report.grad)


@pytest.mark.parametrize("target", [3, 10, -1])
def test_target_out_of_range_is_an_input_error(target):
    with pytest.raises(InputError, match="target class"):
        cross_entropy(SEED_001, target)


# numerical stability

EXTREME = [1000.0, 999.0, -1000.0]


def test_naive_softmax_overflows_to_nan():
    assert bool(torch.isnan(naive_softmax(EXTREME)).any())


def test_exp_overflows_just_above_the_log_of_the_largest_float():
    assert exp_limit(torch.float64) == pytest.approx(709.782712893384)  # log(1.7976931348623157e308)
    assert exp_limit(torch.float32) == pytest.approx(88.72283935546875)  # log(3.4028234663852886e38)
    for dtype in (torch.float64, torch.float32):
        below, above = torch.tensor([exp_limit(dtype) - 0.01, exp_limit(dtype) + 0.01], dtype=dtype).exp()
        assert torch.isfinite(below) and torch.isinf(above)


@pytest.mark.parametrize(
    ("temperature", "float64", "float32"),
    [(1.0, "overflow", "overflow"), (1.4, "overflow", "overflow"), (1.41, None, "overflow"), (11.2, None, "overflow"),
     (11.3, None, None)],
)  # fmt: skip
def test_the_classic_example_overflows_while_1000_over_t_is_above_the_limit(temperature, float64, float32):
    # 1000 / T > 709.78 in float64 up to T ≈ 1.409, and 1000 / T > 88.72 in float32 up to T ≈ 11.27
    assert naive_failure(EXTREME, temperature) == float64
    assert naive_failure(EXTREME, temperature, dtype=torch.float32) == float32
    assert bool(torch.isnan(naive_softmax(_f64(EXTREME) / temperature)).any()) == (float64 is not None)


def test_naive_softmax_gives_0_over_0_when_every_exp_underflows():
    assert naive_failure([-1000.0, -1001.0]) == "underflow"
    assert bool(torch.isnan(naive_softmax([-1000.0, -1001.0])).all())
    assert (
        naive_failure([-100.0, -101.0]) is None and naive_failure([-110.0, -111.0], dtype=torch.float32) == "underflow"
    )


@given(logit_vectors, temperatures)
@settings(max_examples=60, deadline=None)
def test_where_the_naive_formula_does_not_fail_it_equals_the_stable_one(logits, temperature):
    if naive_failure(logits, temperature) is None:
        assert_close(naive_softmax(_f64(logits) / temperature), softmax(logits, temperature))


def test_stable_softmax_of_extreme_logits_is_finite_and_correct():
    assert_close(softmax(EXTREME), _f64([1 / (1 + math.exp(-1)), 1 / (1 + math.e), 0.0]))


@given(st.lists(st.floats(-1e6, 1e6), min_size=2, max_size=10), st.floats(0.01, 100))
@settings(max_examples=60, deadline=None)
def test_extreme_logits_stay_finite_everywhere(logits, temperature):
    assert bool(torch.isfinite(softmax(logits, temperature)).all())
    assert bool(torch.isfinite(softmax_jacobian(logits, temperature)).all())
    report = cross_entropy(logits, 0, temperature=temperature)
    assert bool(torch.isfinite(report.loss)) and bool(torch.isfinite(report.grad).all())


# bad input


@pytest.mark.parametrize("temperature", [0, -1, math.nan, math.inf])
def test_temperature_must_be_positive_and_finite(temperature):
    with pytest.raises(InputError, match="temperature T"):
        softmax(SEED_001, temperature)


@pytest.mark.parametrize("logits", [[1.0, math.nan], [math.inf, 0.0]])
def test_non_finite_logits_are_an_input_error(logits):
    with pytest.raises(InputError, match="non-finite"):
        softmax(logits)


def test_vjp_needs_one_upstream_value_per_logit():
    with pytest.raises(InputError, match="expected 3"):
        vjp(SEED_001, [1.0, 0.0])


def test_unknown_method_is_an_input_error():
    with pytest.raises(InputError, match="method"):
        softmax_jacobian(SEED_001, method="numeric")


# parsing the logits editor


def test_parse_accepts_commas_spaces_and_chinese_commas():
    assert parse_logits(" 0.2306, 0.6693  0.6334 ") == SEED_001
    assert parse_logits("2，1；0.1") == CLASSIC


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("", "empty"),
        ("  , ", "empty"),
        ("1, abc, 3", r"'abc' \(number 2\) is not a number"),
        ("1, nan", r"'nan' \(number 2\) is not finite"),
        ("1, -inf", "is not finite"),
        ("1e309, 0", "is not finite"),
        ("5", "has 1 numbers"),
        (", ".join(["1"] * 11), "has 11 numbers"),
    ],
)
def test_parse_rejects_with_a_message_naming_the_problem(text, match):
    with pytest.raises(InputError, match=match):
        parse_logits(text)


def test_random_logits_are_reproducible_from_the_seed():
    assert random_logits(5, seed=7) == random_logits(5, seed=7)
    assert len(random_logits(5, seed=7)) == 5


# the reproduce-in-PyTorch script


def test_script_prints_what_core_computes():
    script = to_pytorch_script(SEED_001, temperature=0.8, target=2, upstream=[0.0, 1.0, -1.0])
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    printed = {
        name.strip(): [float(x) for x in values.split()]
        for name, values in (line.split("=", 1) for line in out.splitlines() if not line.startswith("max"))
    }
    report = cross_entropy(SEED_001, 2, temperature=0.8)
    assert printed["p"] == pytest.approx(softmax(SEED_001, 0.8).tolist(), abs=1e-4)
    assert printed["J"] == pytest.approx(softmax_jacobian(SEED_001, 0.8).flatten().tolist(), abs=1e-4)
    assert printed["vJ"] == pytest.approx(vjp(SEED_001, [0.0, 1.0, -1.0], 0.8).tolist(), abs=1e-4)
    assert printed["loss"] == pytest.approx([report.loss.item()], abs=1e-4)
    assert printed["grad"] == pytest.approx(report.grad.tolist(), abs=1e-4)


def test_script_lines_fit_the_page_and_keep_every_value_exactly():
    logits = [-123.456789012345, 0.000012345678901, 98765.4321, 1e-300, 2.5] * 2
    script = to_pytorch_script(logits, temperature=0.3, target=9, upstream=[-0.1234567890123] * 10)
    assert max(len(line) for line in script.splitlines()) <= 79
    namespace: dict = {}
    exec(script.split("\nT = ")[0].replace("def show", "def _show"), namespace)  # up to a = torch.tensor(...)
    assert namespace["a"].tolist() == logits


def test_cross_entropy_upstream_times_jacobian_is_the_cross_entropy_gradient():
    v = cross_entropy_upstream(CLASSIC, 2, 1.5)
    assert_close(vjp(CLASSIC, v, 1.5), cross_entropy(CLASSIC, 2, temperature=1.5).grad)


def test_cross_entropy_upstream_refuses_an_underflowed_probability():
    with pytest.raises(InputError, match="underflows to 0") as raised:
        cross_entropy_upstream([1000.0, 999.0, -1000.0], 2)
    assert "log_softmax by log-sum-exp, then the negative log-likelihood" in str(raised.value)
    # what that message claims: F.cross_entropy's loss and gradient stay finite for the same target
    report = cross_entropy([1000.0, 999.0, -1000.0], 2)
    assert report.loss.item() == pytest.approx(2000 + math.log1p(math.exp(-1)))
    assert bool(torch.isfinite(report.grad_autograd).all())


def test_onehot_upstream_picks_one_row_of_the_jacobian():
    assert_close(vjp(SEED_001, onehot(1, 3), method="autograd"), _f64(SEED_001_J[1]), **ROUNDED)


def test_onehot_refuses_a_class_that_does_not_exist():
    with pytest.raises(InputError, match="target class 3 is out of range"):
        onehot(3, 3)
