"""The MSE page's formulas and numbers written out with the live values."""

from __future__ import annotations

from ui.mse.formulas import exact, grad_tex, loss_tex, num_with_fraction, tex_exact
from ui.numbers import num

DIFF = [[1.0, -1.0], [3.0, -2.0], [-1.0, 1.0]]  # X - Y of seed 000


def test_simple_fractions_are_recognised_and_others_are_not():
    assert str(exact(17 / 6)) == "17/6"
    assert exact(2**0.5) is None
    assert num_with_fraction(17 / 6) == "17/6 = 2.8333"
    assert num(17.0) == "17" and num(0.5) == "0.5"
    assert tex_exact(-1 / 3) == r"-\tfrac{1}{3}"


def test_small_numbers_are_never_written_as_zero():
    assert num_with_fraction(1.23e-7) == "1.23e-07"
    assert tex_exact(1.23e-7) == r"1.23 \times 10^{-7}"
    assert "0.0000" not in loss_tex([[1e-5, 0.0]], "sum", 1e-10)


def test_mean_loss_formula_substitutes_every_squared_difference():
    tex = loss_tex(DIFF, "mean", 17 / 6)
    assert r"\frac{1}{3\cdot 2}\left(1^2 + (-1)^2 + 3^2 + (-2)^2 + (-1)^2 + 1^2\right)" in tex
    assert tex.endswith(r"= \frac{17}{6} \approx 2.8333")


def test_sum_loss_formula_has_no_prefactor():
    assert loss_tex(DIFF, "sum", 17.0) == r"\text{loss} = \left(1^2 + (-1)^2 + 3^2 + (-2)^2 + (-1)^2 + 1^2\right) = 17"


def test_long_sums_are_cut_with_a_term_count():
    tex = loss_tex([[1.0] * 20] * 2, "sum", 40.0)
    assert r"\cdots" in tex and "40" in tex


def test_mean_gradient_formula_shows_the_thirds():
    assert r"\tfrac{1}{3} & -\tfrac{1}{3} \\ 1 & -\tfrac{2}{3}" in grad_tex(DIFF, "mean")


def test_none_gradient_formula_says_it_is_the_gradient_of_the_sum():
    none, total = grad_tex(DIFF, "none"), grad_tex(DIFF, "sum")
    assert r"\partial\,(\textstyle\sum_{i,j}\text{loss}_{ij})" in none
    assert r"\partial\,(\text{loss})" in total and r"\sum" not in total
