"""LaTeX with the live numbers: the formula, the chain rule's product, the SGD update."""

from __future__ import annotations

import torch

from core.autograd_presets import ChainInputs, LinearInputs, chain_rule
from ui.autograd.latex import bmatrix, chain_rule_latex, live_formula, scalar_chain_latex, sgd_update_latex


def test_bmatrix_writes_rows_and_columns():
    assert bmatrix(torch.tensor([[1.0, 2.0], [3.0, 4.5]])) == r"\begin{bmatrix}1 & 2 \\ 3 & 4.5\end{bmatrix}"
    assert bmatrix(2.0) == r"\begin{bmatrix}2\end{bmatrix}"


def test_live_formula_shows_the_current_numbers():
    assert r"w = \begin{bmatrix}0.5 & -0.5\end{bmatrix},\; b = 0.25" in live_formula(LinearInputs(b=0.25))
    assert r"y = f(g(x)) = \sin(x^2)" in live_formula(ChainInputs(x=0.5, g="square", f="sin"))


def test_chain_rule_latex_multiplies_the_live_factors():
    rule = chain_rule(LinearInputs())
    latex = chain_rule_latex("linear", rule)
    assert r"\frac{\partial L}{\partial w} = \frac{\partial L}{\partial \hat{y}}" in latex
    assert latex.endswith(r"= \begin{bmatrix}-3.6667 & -5.6667\end{bmatrix}")


def test_scalar_chain_latex_evaluates_the_hand_derivatives():
    rule = chain_rule(ChainInputs(x=0.5, g="square", f="sin"))
    assert r"= \cos(0.25)\cdot 2(0.5) = 0.9689\cdot 1 = 0.9689" in scalar_chain_latex(
        ChainInputs(x=0.5, g="square", f="sin"), rule
    )


def test_sgd_update_latex_subtracts_lr_times_grad():
    latex = sgd_update_latex("b", torch.tensor([0.0]), torch.tensor([-4.0]), torch.tensor([0.4]), 0.1)
    assert latex.endswith(r"0.1\cdot \begin{bmatrix}-4\end{bmatrix} = \begin{bmatrix}0.4\end{bmatrix}")
