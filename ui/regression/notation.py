"""How the regression page writes its symbols: parameter names, column names, vectors and the step's formulas."""

from __future__ import annotations

import numpy as np

from core.regression import TrainConfig
from ui.i18n import t
from ui.numbers import count, factor, num, tex_num
from ui.regression.compute import Run

MAX_VECTOR = 6  # vector entries written out in a formula
SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def amount(n: int, noun: str) -> str:
    """`n` with its noun in the right number ("1 step", "3 steps"): key regression.count.<noun>[_one]."""
    return t(f"regression.count.{noun}_one" if n == 1 else f"regression.count.{noun}", n=count(n))


def param_names(d: int) -> list[str]:
    """URL codes of θ's entries, indexed as Python indexes w: w0 … w(d-1), then b."""
    return [f"w{j}" for j in range(d)] + ["b"]


def param_symbol(code: str) -> str:
    """How the page writes a parameter: w0 -> w₀ (the weight of feature x₀, PyTorch's w[0]); b -> b."""
    return code.translate(SUBSCRIPTS)


def feature_names(d: int) -> tuple[str, ...]:
    """Names of unnamed features, from 0 like the columns of X: x0 … x(d-1)."""
    return tuple(f"x{j}" for j in range(d))


def step_columns(d: int) -> tuple[list[str], list[str]]:
    """Column names of the gradients and of the parameters, indexed as PyTorch indexes them:
    w.grad[0] … and w[0] …, then b.grad and b."""
    return [f"w.grad[{j}]" for j in range(d)] + ["b.grad"], [f"w[{j}]" for j in range(d)] + ["b"]


def plain_vec(values: np.ndarray) -> str:
    """A vector as plain text, long ones shortened: [1, -4.3333, …]."""
    items = [num(v) for v in values[:MAX_VECTOR]] + (["…"] if len(values) > MAX_VECTOR else [])
    return "[" + ", ".join(items) + "]"


def vec(values: np.ndarray) -> str:
    """A vector as a LaTeX column (w is a column vector), long ones shortened."""
    items = [tex_num(v) for v in values[:MAX_VECTOR]] + ([r"\vdots"] if len(values) > MAX_VECTOR else [])
    return r"\begin{bmatrix}" + r"\\".join(items) + r"\end{bmatrix}"


# each convention's batch loss and the factor of its gradient, in LaTeX (B filled in by str.format)
_LOSS_TEX = {
    "mean": (r"\frac{{1}}{{{B}}}\sum_{{i\in I}}(\hat y_i-y_i)^2", r"\frac{{2}}{{{B}}}"),
    "sum": (r"\sum_{{i\in I}}(\hat y_i-y_i)^2", "2"),
    "sum_over_batch": (
        r"\frac{{1}}{{{B}}}\underbrace{{\textstyle\sum_{{i\in I}}(\hat y_i-y_i)^2}}_{{\texttt{{MSELoss(sum)}}}}",
        r"\frac{{2}}{{{B}}}",
    ),
    "half_mean": (r"\frac{{1}}{{{B}}}\sum_{{i\in I}}\tfrac{{1}}{{2}}(\hat y_i-y_i)^2", r"\frac{{1}}{{{B}}}"),
}


def step_formulas(config: TrainConfig, run: Run, i: int, hidden: bool) -> list[str]:
    """Step i (0-based) in LaTeX, one display each: the batch, the prediction, the loss, both gradients and
    both updates, with the live numbers. `hidden`: the results are written as "?"."""
    batch = run.batch(i)
    before, after = run.theta_at(i), run.theta_at(i + 1)
    B = len(batch)
    loss_tex, scale = (s.format(B=B) for s in _LOSS_TEX[config.loss])
    shown_batch = ",".join(map(str, batch[:MAX_VECTOR])) + (r",\dots" if B > MAX_VECTOR else "")
    k = i + 1
    # the step goes in a superscript, w^{(k)}: a subscript is a feature's index, w₀ multiplies x₀
    w_old, w_new, b_old, b_new = (rf"{p}^{{({s})}}" for p, s in (("w", k - 1), ("w", k), ("b", k - 1), ("b", k)))
    lr = tex_num(config.lr)
    unknown = r"\;?"
    loss = unknown if hidden else tex_num(run.loss[i])
    grad_w = unknown if hidden else vec(run.grad_w[i])
    grad_b = unknown if hidden else tex_num(run.grad_b[i])
    # one line per equals sign, and long numbers (a diverging run) get a line for the subtraction too:
    # the update must fit its column, down to a phone's width
    shown = [*before, config.lr] + ([] if hidden else [*run.grad_w[i], run.grad_b[i], *after])
    wrap = r"\\&\quad " if max(len(num(v)) for v in shown) > 8 else " "
    w_update = [rf"{w_new} &= {w_old} - \eta\,\nabla_w \ell"]
    b_update = [rf"{b_new} &= {b_old} - \eta\,\nabla_b \ell"]
    if hidden:
        w_update.append(rf"&= {vec(before[:-1])}{wrap}- {lr}\cdot\nabla_w \ell = {unknown}")
        b_update.append(rf"&= {tex_num(before[-1])}{wrap}- {lr}\cdot\nabla_b \ell = {unknown}")
    else:
        w_update += [rf"&= {vec(before[:-1])}{wrap}- {lr}\cdot{grad_w}", rf"&= {vec(after[:-1])}"]
        b_update += [
            rf"&= {tex_num(before[-1])}{wrap}- {lr}\cdot{factor(run.grad_b[i], tex=True)}",
            rf"&= {tex_num(after[-1])}",
        ]
    return [
        rf"I = \{{{shown_batch}\}}",  # the batch alone: a large data set's indices are long
        rf"\hat y_i = x_i^\top {w_old} + {b_old},\quad i \in I",
        rf"\ell = {loss_tex} = {loss}",
        rf"\nabla_w \ell = {scale}\,X_I^\top(\hat y_I-y_I) = {grad_w}",
        rf"\nabla_b \ell = {scale}\sum_{{i\in I}}(\hat y_i-y_i) = {grad_b}",
        *(r"\begin{aligned}" + r"\\".join(lines) + r"\end{aligned}" for lines in (w_update, b_update)),
    ]


def where_one_over_b(config: TrainConfig, run: Run, i: int) -> str:
    """Where the convention puts the batch's 1/B; for d2l's, its own numbers next to this page's."""
    B = len(run.batch(i))
    if config.loss != "half_mean":
        return t(f"regression.step.where_b_{config.loss}", B=B)
    return t(
        "regression.step.where_b_half_mean", B=B, grad=plain_vec(run.grad_w[i]), grad_sum=plain_vec(B * run.grad_w[i]),
        before=plain_vec(run.theta_at(i)[:-1]), lr=num(config.lr), after=plain_vec(run.theta_at(i + 1)[:-1]),
    )  # fmt: skip
