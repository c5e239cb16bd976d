"""The regression page's step control and its first tab: one optimizer step with every number written out."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

from core.regression import TrainConfig
from ui import chart, numbers
from ui.charts import regression as charts
from ui.i18n import t
from ui.regression_compute import Data, Run
from ui.state import url_number

TABLE_WINDOW = 10  # steps shown on each side of the selected one
MAX_BATCH_ROWS = 50
MAX_VECTOR = 6  # vector entries written out in a formula


def num(value: float) -> str:
    """A number as the tutorials print it: 4 decimals, trailing zeros dropped (12, 10.6667, -4.3333)."""
    value = float(value)
    if not np.isfinite(value):
        return str(value)
    if value != 0 and not 1e-4 <= abs(value) < 1e7:
        return f"{value:.4e}"
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def factor(value: float) -> str:
    """A number as the right operand of a product: negative ones in parentheses."""
    text = num(value)
    return f"({text})" if text.startswith("-") else text


def vec(values: np.ndarray) -> str:
    """A vector in LaTeX brackets, long ones shortened."""
    items = [num(v) for v in values[:MAX_VECTOR]] + ([r"\dots"] if len(values) > MAX_VECTOR else [])
    return r"\left[" + r",\ ".join(items) + r"\right]"


def param_names(d: int) -> list[str]:
    """URL codes of θ's entries: w1 … wd, b."""
    return [f"w{j + 1}" for j in range(d)] + ["b"]


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
        "step", t("regression.step_slider", total=f"{last:,}"), default=1, min_value=1, max_value=last,
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
    st.subheader(t("regression.step_title", step=i + 1, total=f"{run.steps:,}", epoch=i // spe + 1, k=i % spe + 1))
    left, right = st.columns([3, 2])
    with left:
        loss_tex, scale = (s.format(B=B) for s in _LOSS_TEX[config.loss])
        shown_batch = ",".join(map(str, batch[:8])) + (r",\dots" if B > 8 else "")
        k = i + 1
        st.latex(rf"I = \{{{shown_batch}\}},\quad \hat y_i = x_i^\top w_{{{k - 1}}} + b_{{{k - 1}}}")
        lr = num(config.lr)
        if hidden:
            st.latex(rf"\ell = {loss_tex} = \;?")
            st.latex(rf"\nabla_w \ell = {scale}\,X_I^\top(\hat y_I-y_I) = \;?")
            st.latex(rf"\nabla_b \ell = {scale}\sum_{{i\in I}}(\hat y_i-y_i) = \;?")
            st.latex(
                rf"w_{{{k}}} = w_{{{k - 1}}} - \eta\,\nabla_w \ell = {vec(before[:-1])} - {lr}\cdot\nabla_w \ell = \;?"
            )
            st.latex(
                rf"b_{{{k}}} = b_{{{k - 1}}} - \eta\,\nabla_b \ell = {num(before[-1])} - {lr}\cdot\nabla_b \ell = \;?"
            )
            st.caption(t("regression.hidden_formula"))
        else:
            st.latex(rf"\ell = {loss_tex} = {num(run.loss[i])}")
            st.latex(rf"\nabla_w \ell = {scale}\,X_I^\top(\hat y_I-y_I) = {vec(run.grad_w[i])}")
            st.latex(rf"\nabla_b \ell = {scale}\sum_{{i\in I}}(\hat y_i-y_i) = {num(run.grad_b[i])}")
            st.latex(
                rf"w_{{{k}}} = w_{{{k - 1}}} - \eta\,\nabla_w \ell = {vec(before[:-1])} - {lr}\cdot{vec(run.grad_w[i])}"
                rf" = {vec(after[:-1])}"
            )
            st.latex(
                rf"b_{{{k}}} = b_{{{k - 1}}} - \eta\,\nabla_b \ell = {num(before[-1])} - {lr}"
                rf"\cdot{factor(run.grad_b[i])} = {num(after[-1])}"
            )
        st.caption(t("regression.step_where"))
        if not hidden:
            st.caption(where_one_over_b(config, run, i, B))
    with right:
        _batch_chart(data, batch, before, None if hidden else after)
    rows = batch[:MAX_BATCH_ROWS]
    y_hat = data.X[rows] @ before[:-1] + before[-1]
    # an Arrow table straight from the arrays: st.dataframe then sends it as it is, where a DataFrame would
    # first be checked and converted column by column (~3 ms a table, more than everything else in it)
    table = pa.table({
        t("regression.col_sample"): rows,
        **{name: data.X[rows, j] for j, name in enumerate(data.features)},
        t("regression.col_y"): data.y[rows],
        t("regression.col_yhat"): y_hat,
        t("regression.col_residual"): y_hat - data.y[rows],
    })  # fmt: skip
    st.markdown(t("regression.batch_table", count=B))
    st.dataframe(table, hide_index=True)
    if B > MAX_BATCH_ROWS:
        st.caption(t("regression.batch_rows_cut", shown=MAX_BATCH_ROWS, count=B))
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


def render_step_table(run: Run, i: int) -> None:
    """The steps around the selected one (never the whole history: that is the CSV download)."""
    lo, hi = max(0, i - TABLE_WINDOW), min(run.steps, i + TABLE_WINDOW + 1)
    d = run.w.shape[1]
    table = pa.table({  # an Arrow table, as in render_step
        "": ["▶" if j == i else "" for j in range(lo, hi)],
        t("regression.col_step"): np.arange(lo, hi) + 1,
        t("regression.col_epoch"): np.arange(lo, hi) // run.steps_per_epoch + 1,
        t("regression.col_batch"): [_indices(run.batch(j)) for j in range(lo, hi)],
        t("regression.col_loss"): run.loss[lo:hi],
        **{f"w.grad[{j + 1}]": run.grad_w[lo:hi, j] for j in range(d)},
        "b.grad": run.grad_b[lo:hi],
        **{f"w[{j + 1}]": run.w[lo:hi, j] for j in range(d)},
        "b": run.b[lo:hi],
    })  # fmt: skip
    st.markdown(t("regression.step_table", first=lo + 1, last=hi, total=f"{run.steps:,}"))
    numbers = {c: st.column_config.NumberColumn(format="%.4f") for c in table.column_names[4:]}
    st.dataframe(table, hide_index=True, column_config=numbers)


def _indices(batch: np.ndarray, limit: int = 12) -> str:
    return ", ".join(map(str, batch[:limit])) + (" …" if len(batch) > limit else "")
