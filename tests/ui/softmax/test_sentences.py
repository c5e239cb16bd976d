"""The softmax page's sentences and numbers built from the live inputs, without running the page."""

from __future__ import annotations

import math

import pytest
import torch

from core import softmax as sm
from ui.numbers import num
from ui.softmax.sentences import (
    exp_text,
    gap_sentences,
    jacobian_summary,
    logits_summary,
    probabilities_summary,
    sigmoid_summary,
    stability_verdict,
)

CLASSIC = [1000.0, 999.0, -1000.0]


@pytest.mark.parametrize(
    ("x", "expected"),
    [(0.0, "1"), (1.0, "2.7183"), (-30.0, "9.358e-14"), (709.0, "8.218e+307"), (20000.0, "7.756e+8685")],
)
def test_exp_text_writes_e_to_the_x_like_num_even_beyond_float64(x, expected):
    assert exp_text(x) == expected


@pytest.mark.parametrize("x", [-700.0, -3.5, 16.2, 699.9, 700.0, 705.5, 709.7])
def test_exp_text_writes_what_num_writes_wherever_float64_holds_e_to_the_x(x):
    assert exp_text(x) == num(math.exp(x))


def test_exp_text_of_a_huge_exponent_agrees_with_its_logarithm():
    mantissa, exponent = exp_text(2000.0).split("e+")
    assert math.log(float(mantissa)) + int(exponent) * math.log(10) == pytest.approx(2000.0, abs=1e-3)


def test_gap_formula_and_sentence_follow_the_logits_and_temperature():
    formula, text = gap_sentences([0.2306, 0.6693, 0.6334], 1.0)
    assert r"\frac{p_1}{p_2}" in formula and "= 1.0366" in formula and "**narrows**" in text
    formula, text = gap_sentences([0.2306, 0.6693, 0.6334], 0.01)  # e^3.59 = 36.2 > 1.0567
    assert "= 36.2341" in formula and "**widens**" in text


def test_the_verdict_names_the_dtype_of_the_table():
    float64 = stability_verdict(CLASSIC, 2.0, torch.float64)  # z = 500: fine in float64, not in float32
    assert "nothing overflows in float64" in float64 and "In float32 it would overflow" in float64
    float32 = stability_verdict(CLASSIC, 2.0, torch.float32)  # on MPS the tables are float32
    assert "is inf in float32" in float32 and "88.7228" in float32 and "float64" not in float32


# the captions under the charts: what a sighted student reads off them, from the live numbers


def test_the_logits_caption_names_the_largest_and_the_smallest_logit():
    assert logits_summary([0.2306, 0.6693, 0.6334]) == (
        "3 logits: the largest is 0.6693 (class 1), the smallest 0.2306 (class 0)."
    )
    assert "the largest is 3 (class 0), the smallest -1 (class 1)" in logits_summary([3.0, -1.0, 3.0, 0.0])


def test_the_probabilities_caption_follows_the_temperature():
    logits = [2.0, 1.0, 0.1]
    warm, cold = (probabilities_summary(sm.softmax(logits, T).tolist()) for T in (1.0, 0.1))
    assert warm.startswith(
        "The largest probability is 0.659 (class 0), the smallest 0.09857 (class 2)"
    )  # e^0.1 / 11.2125
    assert cold.startswith("The largest probability is 1 (class 0), the smallest 5.603e-09 (class 2)")  # e^-19
    assert warm.endswith("all of them sum to 1.")


def test_the_sigmoid_caption_compares_the_two_functions_at_the_largest_logit():
    logits = [0.2306, 0.6693, 0.6334]
    p, sigmoid = sm.softmax(logits).tolist(), torch.sigmoid(torch.tensor(logits, dtype=torch.float64)).tolist()
    text = sigmoid_summary(logits, p, sigmoid)
    assert "Class 1, the largest logit" in text and "softmax 0.3832, sigmoid 0.6613" in text
    assert f"the sigmoid bars to {num(sum(sigmoid))}" in text and "softmax bars sum to 1," in text


def test_the_jacobian_caption_gives_the_range_on_and_off_the_diagonal():
    J = sm.softmax_jacobian([0.2306, 0.6693, 0.6334]).tolist()
    assert jacobian_summary("J", J) == (
        "J, 3 × 3: the diagonal entries run from 0.186 to 0.2364, the others from -0.1417 to -0.09135."  # -p_0 p_2
    )
    hot = sm.softmax_jacobian([0.2306, 0.6693, 0.6334], 0.1).tolist()
    assert jacobian_summary("J", hot) != jacobian_summary("J", J)
