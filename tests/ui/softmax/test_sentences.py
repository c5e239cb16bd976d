"""The softmax page's sentences and numbers built from the live inputs, without running the page."""

from __future__ import annotations

import math

import pytest
import torch

from ui.numbers import num
from ui.softmax.sentences import exp_text, gap_sentences, stability_verdict

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
