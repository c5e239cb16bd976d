"""The regression page's step control and its first tab: one optimizer step with every number written out."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import streamlit as st

from core.regression import TrainConfig
from ui import chart, numbers
from ui.charts import regression as charts
from ui.i18n import t
from ui.numbers import count, factor, num, tex_num
from ui.regression_compute import Data, Run
from ui.state import url_number

TABLE_WINDOW = 10  # steps shown on each side of the selected one
MAX_BATCH_ROWS = 50
MAX_VECTOR = 6  # vector entries written out in a formula


def vec(values: np.ndarray) -> str:
    """A vector as a LaTeX column (w is a column vector), long ones shortened."""
    items = [tex_num(v) for v in values[:MAX_VECTOR]] + ([r"\vdots"] if len(values) > MAX_VECTOR else [])
    return r"\begin{bmatrix}" + r"\\".join(items) + r"\end{bmatrix}"


def amount(n: int, noun: str) -> str:
    """`n` with its noun in the right number ("1 step", "3 steps"): key regression.n_<noun>[_one]."""
    return t(f"regression.n_{noun}_one" if n == 1 else f"regression.n_{noun}", n=count(n))


SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def param_names(d: int) -> list[str]:
    """URL codes of θ's entries, indexed as Python indexes w: w0 … w(d-1), then b."""
    return [f"w{j}" for j in range(d)] + ["b"]


def param_symbol(code: str) -> str:
    """How the page writes a parameter: w0 -> w₀ (the weight of feature x₀, PyTorch's w[0]); b -> b."""
    return code.translate(SUBSCRIPTS)


def feature_names(d: int) -> tuple[str, ...]:
    """Names of unnamed features, from 0 like the columns of X: x0 … x(d-1)."""
    return tuple(f"x{j}" for j in range(d))


# --- the step control --------------------------------------------------------------------------------------


def _move(delta: int, last: int) -> None:
    st.session_state["step"] = int(min(max(st.session_state.get("step", 1) + delta, 1), last))


def step_control(run: Run) -> int:
    """A slider and buttons over the steps; returns the selected step, 0-based. The 1-based step is in the URL."""
    last = run.steps
    if st.session_state.get("step", 1) > last:
        st.session_state["step"] = last
    if last == 1:
        st.caption(t("regression.one_step"))
        return 0
    cols = st.columns([2, 2, 2, 2, 7], vertical_alignment="bottom")
    buttons = [
        ("step_first", t("regression.first_step"), ":material/first_page:", -last),
        ("step_prev", t("regression.prev_step"), ":material/chevron_left:", -1),
        ("step_next", t("regression.next_step"), ":material/chevron_right:", 1),
        ("step_last", t("regression.last_step"), ":material/last_page:", last),
    ]
    for column, (key, label, icon, delta) in zip(cols, buttons, strict=False):
        column.button(label, key=key, icon=icon, on_click=_move, args=(delta, last), width="stretch")
    step = url_number(
        "step", t("regression.step_slider", total=count(last)), default=1, min_value=1, max_value=last,
        widget="slider", container=cols[4],
    )  # fmt: skip
    return int(step) - 1


# --- tab 1: one step ---------------------------------------------------------------------------------------

_LOSS_TEX = {
    "mean": (r"\frac{{1}}{{{B}}}\sum_{{i\in I}}(\hat y_i-y_i)^2", r"\frac{{2}}{{{B}}}"),
    "sum": (r"\sum_{{i\in I}}(\hat y_i-y_i)^2", "2"),
    "sum_over_batch": (
        r"\frac{{1}}{{{B}}}\underbrace{{\textstyle\sum_{{i\in I}}(\hat y_i-y_i)^2}}_{{\texttt{{MSELoss(sum)}}}}",
        r"\frac{{2}}{{{B}}}",
    ),
    "half_mean": (r"\frac{{1}}{{{B}}}\sum_{{i\in I}}\tfrac{{1}}{{2}}(\hat y_i-y_i)^2", r"\frac{{1}}{{{B}}}"),
}


def render_step(data: Data, run: Run, config: TrainConfig, i: int, hidden: bool = False) -> None:
    """The selected step: its batch, the loss, w.grad and b.grad, and the update, with the live numbers.

    `hidden` (quiz mode, questions not yet revealed): the formulas keep the inputs but not the results,
    the chart leaves out the line after the step and the step table is left out.
    """
    spe = run.steps_per_epoch
    batch = run.batch(i)
    before, after = run.theta_at(i), run.theta_at(i + 1)
    B = len(batch)
    st.subheader(
        t(
            "regression.step_title",
            step=count(i + 1),
            total=count(run.steps),
            epoch=count(i // spe + 1),
            k=count(i % spe + 1),
        )
    )
    left, right = st.columns([3, 2])
    with left:
        loss_tex, scale = (s.format(B=B) for s in _LOSS_TEX[config.loss])
        shown_batch = ",".join(map(str, batch[:MAX_VECTOR])) + (r",\dots" if B > MAX_VECTOR else "")
        k = i + 1
        # the step goes in a superscript, w^{(k)}: a subscript is a feature's index, w₀ multiplies x₀
        w_old, w_new, b_old, b_new = (rf"{p}^{{({s})}}" for p, s in (("w", k - 1), ("w", k), ("b", k - 1), ("b", k)))
        st.latex(rf"I = \{{{shown_batch}\}}")  # the batch alone: a large data set's indices are long
        st.latex(rf"\hat y_i = x_i^\top {w_old} + {b_old},\quad i \in I")
        lr = tex_num(config.lr)
        unknown = r"\;?"
        loss = unknown if hidden else tex_num(run.loss[i])
        grad_w = unknown if hidden else vec(run.grad_w[i])
        grad_b = unknown if hidden else tex_num(run.grad_b[i])
        st.latex(rf"\ell = {loss_tex} = {loss}")
        st.latex(rf"\nabla_w \ell = {scale}\,X_I^\top(\hat y_I-y_I) = {grad_w}")
        st.latex(rf"\nabla_b \ell = {scale}\sum_{{i\in I}}(\hat y_i-y_i) = {grad_b}")
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
        for lines in (w_update, b_update):
            st.latex(r"\begin{aligned}" + r"\\".join(lines) + r"\end{aligned}")
        if hidden:
            st.caption(t("regression.hidden_formula"))
        st.caption(t("regression.step_where"))
        if not hidden:
            st.caption(where_one_over_b(config, run, i, B))
    with right:
        _batch_chart(data, batch, before, None if hidden else after)
    rows = batch[:MAX_BATCH_ROWS]
    y_hat = data.X[rows] @ before[:-1] + before[-1]
    table = pd.DataFrame({
        t("regression.col_sample"): rows,
        **{name: data.X[rows, j] for j, name in enumerate(data.features)},
        t("regression.col_y"): data.y[rows],
        t("regression.col_yhat"): y_hat,
        t("regression.col_residual"): y_hat - data.y[rows],
    })  # fmt: skip
    st.markdown(t("regression.batch_table", samples=amount(B, "sample")))
    number_table(table, table.columns[1:], pinned=[t("regression.col_sample")])
    if B > MAX_BATCH_ROWS:
        st.caption(t("regression.batch_rows_cut", shown=count(MAX_BATCH_ROWS), count=count(B)))
    if not hidden:
        render_step_table(run, i)


def where_one_over_b(config: TrainConfig, run: Run, i: int, B: int) -> str:
    """Where the convention puts the batch's 1/B; for d2l's, its own numbers next to this page's."""
    if config.loss != "half_mean":
        return t(f"regression.where_b_{config.loss}", B=B)

    def text(values: np.ndarray) -> str:
        shown = [numbers.num(v) for v in values[:MAX_VECTOR]]
        return "[" + ", ".join(shown) + (", …" if len(values) > MAX_VECTOR else "") + "]"

    return t(
        "regression.where_b_half_mean", B=B, grad=text(run.grad_w[i]), grad_sum=text(B * run.grad_w[i]),
        before=text(run.theta_at(i)[:-1]), lr=numbers.num(config.lr), after=text(run.theta_at(i + 1)[:-1]),
    )  # fmt: skip


def _batch_chart(data: Data, batch: np.ndarray, before: np.ndarray, after: np.ndarray | None) -> None:
    in_batch = np.zeros(data.n, dtype=bool)
    in_batch[batch] = True
    # every sample of a big data set would swamp the browser: an even sample of the rest, then the batch on top
    rest = np.flatnonzero(~in_batch)
    rest = rest[np.linspace(0, len(rest) - 1, min(len(rest), 4000)).astype(int)] if len(rest) else rest
    order = np.concatenate([rest, batch[:1000]])
    if data.d == 1:
        x = data.X[:, 0]
        points = pd.DataFrame({"x": x[order], "y": data.y[order], "in_batch": in_batch[order], "sample": order})
        xs = np.array([x.min(), x.max()])
        lines = pd.DataFrame({"x": xs, "y": xs * before[0] + before[1], "which": [t("regression.line_before")] * 2})
        if after is not None:  # left out while quiz mode hides the step's result
            after_line = {"x": xs, "y": xs * after[0] + after[1], "which": [t("regression.line_after")] * 2}
            lines = pd.concat([lines, pd.DataFrame(after_line)], ignore_index=True)
        chart.show(charts.batch_scatter, points, lines, x_title=data.features[0], y_title="y")
    else:
        y_hat = data.X @ before[:-1] + before[-1]
        points = pd.DataFrame({"y": data.y[order], "y_hat": y_hat[order], "in_batch": in_batch[order], "sample": order})
        chart.show(charts.fit_scatter, points, x_title=t("regression.axis_yhat"), y_title="y")
    st.caption(t("regression.batch_highlight"))


def number_table(
    table: pd.DataFrame,
    numbers: Sequence[str],
    counts: Sequence[str] = (),
    *,
    pinned: Sequence[str] = (),
    digits: int = 4,
) -> None:
    """A table whose numbers read as the formulas write them (ui/numbers: no false 0.0000, short scientific
    notation for huge values, thousands separators in counts), right-aligned as numbers are.

    The cells are sent as that text: the browser's table would write its own digits (and marks cells
    above 2⁵³ as unsafe), so a table and a formula could disagree."""
    shown = table.copy()
    for column in numbers:
        shown[column] = [num(v, digits) for v in table[column]]
    for column in counts:
        shown[column] = [count(v) for v in table[column]]
    # the columns that say which row it is stay in view while a wide table (many features) scrolls sideways
    config = {column: st.column_config.Column(pinned=True) for column in pinned}
    for column in [*numbers, *counts]:
        config[column] = st.column_config.TextColumn(alignment="right", pinned=column in pinned)
    st.dataframe(shown, hide_index=True, column_config=config)


def step_columns(d: int) -> tuple[list[str], list[str]]:
    """Column names of the gradients and of the parameters, indexed as PyTorch indexes them:
    w.grad[0] … and w[0] …, then b.grad and b."""
    return [f"w.grad[{j}]" for j in range(d)] + ["b.grad"], [f"w[{j}]" for j in range(d)] + ["b"]


def render_step_table(run: Run, i: int) -> None:
    """The steps around the selected one (never the whole history: that is the CSV download)."""
    lo, hi = max(0, i - TABLE_WINDOW), min(run.steps, i + TABLE_WINDOW + 1)
    grads, params = step_columns(run.w.shape[1])
    table = pd.DataFrame({
        "": ["▶" if j == i else "" for j in range(lo, hi)],
        t("regression.col_step"): np.arange(lo, hi) + 1,
        t("regression.col_epoch"): np.arange(lo, hi) // run.steps_per_epoch + 1,
        t("regression.col_batch"): [_indices(run.batch(j)) for j in range(lo, hi)],
        t("regression.col_loss"): run.loss[lo:hi],
        **dict(zip(grads, [*run.grad_w[lo:hi].T, run.grad_b[lo:hi]], strict=True)),
        **dict(zip(params, [*run.w[lo:hi].T, run.b[lo:hi]], strict=True)),
    })  # fmt: skip
    st.markdown(t("regression.step_table", first=count(lo + 1), last=count(hi), total=count(run.steps)))
    st.caption(t("regression.index_convention"))
    number_table(
        table,
        [t("regression.col_loss"), *grads, *params],
        counts=[t("regression.col_step"), t("regression.col_epoch")],
        pinned=["", t("regression.col_step")],
    )


def _indices(batch: np.ndarray, limit: int = 6) -> str:
    return ", ".join(map(str, batch[:limit])) + (" …" if len(batch) > limit else "")
