"""LaTeX with the live numbers for the autograd page (pure functions of core's results, testable)."""

from __future__ import annotations

import torch

from core.autograd_presets import SCALAR_FNS, ChainInputs, ChainRule, Inputs, LinearInputs
from ui.numbers import factor, tex_num

# the chain rule's symbols per preset: loss, intermediate u, parameter θ
SYMBOLS = {"linear": ("L", r"\hat{y}", "w"), "chain": ("y", "g", "x"), "softmax_ce": ("L", r"\log p", "z")}


def bmatrix(x: torch.Tensor | list | float) -> str:
    """A tensor as a LaTeX bmatrix, numbers as ui/numbers writes them; scalars and vectors become one row."""
    x = torch.as_tensor(x, dtype=torch.float64)
    rows = x.reshape(1, -1) if x.dim() < 2 else x
    body = r" \\ ".join(" & ".join(tex_num(v) for v in row) for row in rows.tolist())
    return r"\begin{bmatrix}" + body + r"\end{bmatrix}"


def live_formula(inputs: Inputs) -> str:
    """The preset's definition with the current numbers in place."""
    if isinstance(inputs, LinearInputs):
        X, y = torch.tensor(inputs.X), torch.tensor(inputs.y).reshape(3, 1)
        w = torch.tensor(inputs.w).reshape(1, 2)
        return (
            rf"\hat{{y}} = X w^\top + b,\;\; L = \tfrac{{1}}{{3}}\textstyle\sum_i (\hat{{y}}_i - y_i)^2,\qquad"
            rf" X = {bmatrix(X)},\; y = {bmatrix(y)},\; w = {bmatrix(w)},\; b = {tex_num(inputs.b)}"
        )
    if isinstance(inputs, ChainInputs):
        fx = SCALAR_FNS[inputs.f][2].format(u=SCALAR_FNS[inputs.g][2].format(u="x"))
        return rf"y = f(g(x)) = {fx},\qquad x = {tex_num(inputs.x)}"
    z, target = torch.tensor(inputs.logits).reshape(1, 3), inputs.target
    return (
        rf"p = \operatorname{{softmax}}(z),\;\; L = -\log p_{{{target}}},\qquad z = {bmatrix(z)},\;"
        rf" \text{{target}} = {target}"
    )


def chain_rule_latex(preset: str, rule: ChainRule) -> str:
    """∂L/∂θ = ∂L/∂u · ∂u/∂θ = (row of ∂L/∂u) (matrix ∂u/∂θ) = product."""
    loss, u, theta = SYMBOLS[preset]
    d = r"\partial"
    return (
        rf"\frac{{{d} {loss}}}{{{d} {theta}}} = \frac{{{d} {loss}}}{{{d} {u}}}\cdot\frac{{{d} {u}}}{{{d} {theta}}}"
        rf" = {bmatrix(rule.outer.reshape(1, -1))}\,{bmatrix(rule.inner)} = {bmatrix(rule.product)}"
    )


def scalar_chain_latex(inputs: ChainInputs, rule: ChainRule) -> str:
    """dy/dx = f'(g(x)) · g'(x) with each hand-written derivative evaluated at the live numbers."""
    x, g, f = inputs.x, inputs.g, inputs.f
    g_value = SCALAR_FNS[g][0](torch.tensor(float(x), dtype=torch.float64)).item()
    f_prime = SCALAR_FNS[f][3].format(u=tex_num(g_value))
    g_prime = SCALAR_FNS[g][3].format(u=tex_num(x))
    return (
        rf"y = {SCALAR_FNS[f][2].format(u='g')},\; g = {SCALAR_FNS[g][2].format(u='x')}"
        rf"\qquad \frac{{dy}}{{dx}} = f'(g)\, g'(x) = {f_prime}\cdot {g_prime}"
        rf" = {tex_num(rule.outer.item())}\cdot {factor(rule.inner.item(), tex=True)} = {tex_num(rule.product.item())}"
    )


def sgd_update_latex(name: str, before: torch.Tensor, grad: torch.Tensor, after: torch.Tensor, lr: float) -> str:
    """p ← p − lr · p.grad with the numbers of one `optimizer.step()`."""
    return (
        rf"{name} \leftarrow {name} - \text{{lr}}\cdot {name}.\text{{grad}} = {bmatrix(before)} - {tex_num(lr)}\cdot"
        rf" {bmatrix(grad)} = {bmatrix(after)}"
    )
