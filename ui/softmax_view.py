"""The softmax page's tabs: each draws numbers the page computed (plain lists) as charts, tables and formulas."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import pyarrow as pa
import streamlit as st
import torch

from ui import chart
from ui.charts import softmax as charts
from ui.i18n import t


def f64(values) -> torch.Tensor:
    """Lists back from the cache as float64 tensors (torch.tensor would make float32)."""
    return torch.tensor(values, dtype=torch.float64)


def max_diff(a: Sequence, b: Sequence) -> float:
    return float((f64(a) - f64(b)).abs().max())


def _frame(columns: dict[str, Sequence[float]]) -> pd.DataFrame:
    return pd.DataFrame(columns).rename_axis(t("softmax.col.class"))


def _table(columns: dict[str, Sequence[float]]) -> None:
    """Numbers per class, 4 decimals. An Arrow table goes to the browser as it is, where a DataFrame is
    first checked and converted column by column (~3 ms, more than the rest of the tab)."""
    classes = range(len(next(iter(columns.values()))))
    # a rounding residue of -1e-17 would print as "-0.0000", which reads like a sign that matters
    cells = {name: [0.0 if abs(v) < 5e-5 else float(v) for v in values] for name, values in columns.items()}
    four_places = {name: st.column_config.NumberColumn(format="%.4f") for name in cells}
    class_column = {t("softmax.col.class"): st.column_config.NumberColumn(pinned=True)}
    table = pa.table({t("softmax.col.class"): list(classes), **cells})
    st.dataframe(table, width="stretch", hide_index=True, column_config=class_column | four_places)


def _num(x: float) -> str:
    """A number for a formula, as the tables show it."""
    return f"{x:.4f}"


def _paren(x: float) -> str:
    """A number to subtract in a formula: negative ones in parentheses, so "- -1" reads "- (-1)"."""
    return f"({x:.4f})" if x < 0 else _num(x)


def _exp(x: float) -> float:
    """e**x in float64 (inf where it overflows, as torch gives it)."""
    return torch.exp(f64(x)).item()


def probabilities(
    logits: Sequence[float], T: float, p: list[float], sigmoid: list[float], *, hidden: bool = False
) -> None:
    """Logits and probabilities side by side, the softmax formula, gap widening, softmax vs sigmoid.
    `hidden` (quiz mode): the logits only."""
    n = len(logits)
    classes = [str(i) for i in range(n)]
    bars = pd.DataFrame({"class": classes, "logit": logits, "p": p})
    c1, c2 = st.columns(2)
    chart.show(charts.class_bars, bars, value="logit", title=t("softmax.chart.logits"), container=c1)
    if hidden:
        return
    chart.show(charts.class_bars, bars, value="p", title=t("softmax.chart.probs"), color="#f58518", container=c2)
    top = max(range(n), key=p.__getitem__)
    exps = [_exp((a - max(logits)) / T) for a in logits]
    st.latex(
        rf"p_{top} = \frac{{e^{{(a_{top} - \max a)/T}}}}{{\sum_j e^{{(a_j - \max a)/T}}}}"
        rf" = \frac{{{_num(exps[top])}}}{{{_num(sum(exps))}}} = {_num(p[top])}"
    )
    _table(
        {
            t("softmax.col.logit"): list(logits),
            "z = a / T": [a / T for a in logits],
            "exp(z − max z)": exps,
            "softmax p": p,
            "sigmoid(z)": sigmoid,
        }
    )

    st.subheader(t("softmax.gap.title"))
    i, j = sorted(range(n), key=p.__getitem__, reverse=True)[:2]
    st.latex(
        rf"\frac{{p_{i}}}{{p_{j}}} = e^{{(a_{i} - a_{j})/T}} = e^{{({_num(logits[i])} - {_paren(logits[j])})/{T:g}}}"
        rf" = {_num(_exp((logits[i] - logits[j]) / T))}"
        + (rf"\qquad \frac{{a_{i}}}{{a_{j}}} = {_num(logits[i] / logits[j])}" if logits[j] != 0 else "")
    )
    st.markdown(t("softmax.gap.body", i=i, j=j))

    st.subheader(t("softmax.sigmoid.title"))
    label_softmax, label_sigmoid = t("softmax.fn.softmax"), t("softmax.fn.sigmoid")
    long = pd.DataFrame(
        [{"class": c, "function": label_softmax, "value": v} for c, v in zip(classes, p, strict=True)]
        + [{"class": c, "function": label_sigmoid, "value": v} for c, v in zip(classes, sigmoid, strict=True)]
    )
    s1, s2 = st.columns([3, 2])
    chart.show(charts.grouped_bars, long, title=t("softmax.chart.sigmoid"), container=s1)
    s2.markdown(t("softmax.sigmoid.body", sum_softmax=f"{sum(p):.4f}", sum_sigmoid=f"{sum(sigmoid):.4f}"))


def jacobian(
    T: float, p: list[float], J: list[list[float]], J_functional: list, J_rowwise: list, k: int, *, hidden: bool = False
) -> None:
    """The formula's J beside autograd's, their differences, the two cases for row k, the checkable facts.
    `hidden` (quiz mode): the explanation and the derivation only."""
    st.markdown(t("softmax.jac.intro"))
    if not hidden:
        _jacobian_numbers(T, p, J, J_functional, J_rowwise, k)
    with st.expander(t("softmax.jac.derivation")):
        st.latex(
            r"\frac{\partial p_i}{\partial a_j} = \frac{1}{T}\begin{cases} p_i(1-p_i) & i = j \\"
            r" -p_i\,p_j & i \ne j \end{cases} \qquad J = \frac{\operatorname{diag}(p) - p\,p^{\top}}{T}"
        )
        st.markdown(t("softmax.jac.derivation_body"))


def _jacobian_numbers(
    T: float, p: list[float], J: list[list[float]], J_functional: list, J_rowwise: list, k: int
) -> None:
    h1, h2 = st.columns(2)
    for column, matrix, title in ((h1, J, t("softmax.jac.analytic")), (h2, J_functional, t("softmax.jac.autograd"))):
        chart.show(
            charts.heatmap,
            charts.matrix_frame(matrix),
            title=title,
            row_title=t("softmax.jac.row"),
            col_title=t("softmax.jac.col"),
            container=column,
            width="content",
        )
    st.markdown(
        t(
            "softmax.jac.diff",
            functional=f"{max_diff(J, J_functional):.1e}",
            rowwise=f"{max_diff(J, J_rowwise):.1e}",
        )
    )
    m = (k + 1) % len(p)
    st.latex(
        rf"J_{{{k}{k}}} = \frac{{p_{k}(1 - p_{k})}}{{T}} = \frac{{{_num(p[k])} \times (1 - {_num(p[k])})}}{{{T:g}}}"
        rf" = {_num(J[k][k])}"
    )
    st.latex(
        rf"J_{{{k}{m}}} = -\frac{{p_{k}\, p_{m}}}{{T}} = -\frac{{{_num(p[k])} \times {_num(p[m])}}}{{{T:g}}}"
        rf" = {_num(J[k][m])}"
    )
    Jt = f64(J)
    off = Jt[~torch.eye(len(p), dtype=torch.bool)]
    facts = [
        ("softmax.fact.rows", float(Jt.sum(dim=1).abs().max()) < 1e-12, f"{float(Jt.sum(dim=1).abs().max()):.1e}"),
        ("softmax.fact.symmetric", bool(torch.equal(Jt, Jt.T)), f"{float((Jt - Jt.T).abs().max()):.1e}"),
        ("softmax.fact.diagonal", bool((Jt.diagonal() > 0).all()), _num(float(Jt.diagonal().min()))),
        ("softmax.fact.off", bool((off < 0).all()), _num(float(off.max()))),
    ]
    st.markdown(t("softmax.fact.title"))
    for key, holds, value in facts:
        icon = ":green[:material/check_circle:]" if holds else ":orange[:material/warning:]"
        st.markdown(f"{icon} {t(key, value=value)}")
    if not all(holds for _, holds, _ in facts):
        st.caption(t("softmax.fact.underflow"))


def vector_jacobian(
    T: float, p: list[float], J: list[list[float]], upstream: Sequence[float], vjp: dict[str, list[float]]
) -> None:
    """vᵀJ three ways (full matrix, formula, one autograd pass) and the formula for its first entry."""
    matrix = (f64(upstream) @ f64(J)).tolist()
    _table(
        {
            "v": list(upstream),
            t("softmax.vjp.col_matrix"): matrix,
            "p ⊙ (v − v·p) / T": vjp["analytic"],
            "autograd.grad(p, a, grad_outputs=v)": vjp["autograd"],
        }
    )
    vp = sum(v * q for v, q in zip(upstream, p, strict=True))
    st.latex(
        rf"(v^{{\top}}J)_0 = \frac{{p_0\,(v_0 - v\cdot p)}}{{T}}"
        rf" = \frac{{{_num(p[0])} \times ({_num(upstream[0])} - {_paren(vp)})}}{{{T:g}}}"
        rf" = {_num(vjp['analytic'][0])}"
    )
    st.markdown(
        t(
            "softmax.vjp.diff",
            matrix=f"{max_diff(matrix, vjp['autograd']):.1e}",
            formula=f"{max_diff(vjp['analytic'], vjp['autograd']):.1e}",
        )
    )


def cross_entropy(logits: Sequence[float], T: float, ce: dict, *, hidden: bool = False) -> None:
    """log_softmax then nll_loss with numbers, equal to F.cross_entropy; the gradient and its Jacobian origin.
    `hidden` (quiz mode): the gradient's formula and where it comes from, without numbers."""
    y, n = ce["target"], len(logits)
    st.markdown(t("softmax.ce.intro"))
    if hidden:
        st.subheader(t("softmax.ce.grad_title"))
        st.latex(rf"\frac{{\partial L}}{{\partial a_j}} = \frac{{p_j - [j = {y}]}}{{T}}")
        _gradient_from_jacobian(y)
        return
    st.markdown(t("softmax.ce.step1"))
    st.latex(rf"\log\sum_j e^{{z_j}} = {_num(ce['logsumexp'])} \qquad \log p_j = z_j - {_paren(ce['logsumexp'])}")
    st.markdown(t("softmax.ce.step2", y=y))
    st.latex(rf"L = -\log p_{y} = -({_num(logits[y] / T)} - {_paren(ce['logsumexp'])}) = {_num(ce['nll'])}")
    st.markdown(t("softmax.ce.step3", loss=f"{ce['loss']:.6f}", nll=f"{ce['nll']:.6f}"))
    _table(
        {
            "z = a / T": [a / T for a in logits],
            "log_softmax(z)": ce["log_softmax"],
            "p": ce["probs"],
            f"onehot({y})": [1.0 if c == y else 0.0 for c in range(n)],
            "(p − onehot) / T": ce["grad"],
            "a.grad (backward)": ce["grad_autograd"],
        }
    )
    st.subheader(t("softmax.ce.grad_title"))
    st.latex(
        rf"\frac{{\partial L}}{{\partial a_j}} = \frac{{p_j - [j = {y}]}}{{T}} \qquad"
        rf"\frac{{\partial L}}{{\partial a_{y}}} = \frac{{{_num(ce['probs'][y])} - 1}}{{{T:g}}}"
        rf" = {_num(ce['grad'][y])}"
    )
    _gradient_from_jacobian(y)


def _gradient_from_jacobian(y: int) -> None:
    st.markdown(t("softmax.ce.from_jacobian", y=y))
    st.latex(
        rf"\frac{{\partial L}}{{\partial p}} = -\frac{{e_{y}}}{{p_{y}}}"
        rf"\;\Rightarrow\; \frac{{\partial L}}{{\partial a_j}} = -\frac{{1}}{{p_{y}}} J_{{{y}j}}"
        rf" = -\frac{{1}}{{p_{y}}}\cdot\frac{{p_{y}([j = {y}] - p_j)}}{{T}} = \frac{{p_j - [j = {y}]}}{{T}}"
    )


def stability(cases: list[tuple[str, Sequence[float], list[float], list[float]]], T: float) -> None:
    """For each (title, logits, naive softmax, stable softmax): the overflowing exp beside the shifted one."""
    st.markdown(t("softmax.stable.intro"))
    for title, values, naive, stable in cases:
        z = [a / T for a in values]
        st.markdown(title)
        columns = {
            "z = a / T": z,
            "exp(z)": [_exp(v) for v in z],
            t("softmax.stable.naive"): naive,
            "exp(z − max z)": [_exp(v - max(z)) for v in z],
            t("softmax.stable.stable"): stable,
        }
        # as text: a NaN cell would otherwise show as an empty "None", hiding the very point of the table
        st.dataframe(_frame({k: [f"{v:.4g}" for v in col] for k, col in columns.items()}), width="stretch")
    st.markdown(t("softmax.stable.why"))
