"""The softmax page's tabs: each draws numbers the page computed (plain lists) as charts, tables and formulas.

Every number is written by ui/numbers.py: significant digits below 1, scientific notation for the tiny
probabilities a low temperature gives, never a "0.0000" for a number that is not zero.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd
import pyarrow as pa
import streamlit as st
import torch

from core import softmax as sm
from ui import chart
from ui.charts.matrix import heatmap, matrix_frame
from ui.i18n import t
from ui.numbers import factor, num, tex_num
from ui.softmax import charts
from ui.softmax.compute import exp, f64, max_diff

_LN10 = math.log(10)


def _table(columns: dict[str, Sequence[float]]) -> None:
    """Numbers per class, written as text by `num` and aligned right like numbers. An Arrow table goes to
    the browser as it is, where a DataFrame is first checked and converted column by column."""
    classes = range(len(next(iter(columns.values()))))
    cells = {name: [num(v) for v in values] for name, values in columns.items()}
    config = {name: st.column_config.TextColumn(alignment="right") for name in cells}
    config[t("softmax.col.class")] = st.column_config.NumberColumn(pinned=True)
    table = pa.table({t("softmax.col.class"): list(classes), **cells})
    st.dataframe(table, width="stretch", hide_index=True, column_config=config)


def exp_text(x: float, *, tex: bool = False) -> str:
    """e**x written like `num`, also where e**x is beyond float64 (e**2000 = 3.882 × 10^868)."""
    if x < 700:
        return tex_num(math.exp(x)) if tex else num(math.exp(x))
    exponent, fraction = divmod(x / _LN10, 1)
    mantissa = f"{10**fraction:.3f}"  # 4 significant digits, as `num` writes numbers from 1e7 up
    if mantissa == "10.000":
        mantissa, exponent = "1", exponent + 1
    mantissa = mantissa.rstrip("0").rstrip(".")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}" if tex else f"{mantissa}e+{int(exponent)}"


def probabilities(
    logits: Sequence[float], T: float, p: list[float], sigmoid: list[float], *, hidden: bool = False
) -> None:
    """Logits and probabilities side by side, the softmax formula, the gap between the two likeliest classes,
    softmax vs sigmoid. `hidden` (quiz mode): the logits only."""
    n = len(logits)
    classes = [str(i) for i in range(n)]
    bars = pd.DataFrame({"class": classes, "logit": logits, "p": p})
    c1, c2 = st.columns(2)
    chart.show(
        charts.class_bars, charts.labelled(bars, "logit"), value="logit", title=t("softmax.chart.logits"), container=c1
    )
    if hidden:
        return
    chart.show(
        charts.class_bars,
        charts.labelled(bars, "p"),
        value="p",
        title=t("softmax.chart.probs"),
        color="#f58518",
        container=c2,
    )
    top = max(range(n), key=p.__getitem__)
    exps = [exp((a - max(logits)) / T) for a in logits]
    st.latex(
        rf"p_{top} = \frac{{e^{{(a_{top} - \max a)/T}}}}{{\sum_j e^{{(a_j - \max a)/T}}}}"
        rf" = \frac{{{tex_num(exps[top])}}}{{{tex_num(sum(exps))}}} = {tex_num(p[top])}"
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
    gap(logits, T)

    st.subheader(t("softmax.sigmoid.title"))
    label_softmax, label_sigmoid = t("softmax.fn.softmax"), t("softmax.fn.sigmoid")
    long = pd.DataFrame(
        [{"class": c, "function": label_softmax, "value": v} for c, v in zip(classes, p, strict=True)]
        + [{"class": c, "function": label_sigmoid, "value": v} for c, v in zip(classes, sigmoid, strict=True)]
    )
    s1, s2 = st.columns([3, 2])
    chart.show(charts.grouped_bars, charts.labelled(long, "value"), title=t("softmax.chart.sigmoid"), container=s1)
    s2.markdown(t("softmax.sigmoid.body", sum_softmax=num(sum(p)), sum_sigmoid=num(sum(sigmoid))))


def gap_sentences(logits: Sequence[float], T: float) -> tuple[str, str]:
    """The ratio of the two likeliest classes' probabilities as a formula, and what it says about these
    logits (kept order; a gap widened or narrowed; what T does to it), all from the live numbers."""
    n = len(logits)
    i, j = sorted(range(n), key=lambda c: (-logits[c], c))[:2]  # the two largest p, so a_i ≥ a_j
    d = logits[i] - logits[j]
    formula = (
        rf"\frac{{p_{i}}}{{p_{j}}} = e^{{(a_{i} - a_{j})/T}} = e^{{({tex_num(logits[i])} - "
        rf"{factor(logits[j], tex=True)})/{tex_num(T)}}} = {exp_text(d / T, tex=True)}"
    )
    both_positive = logits[j] > 0
    if both_positive and d > 0:
        formula += rf"\qquad \frac{{a_{i}}}{{a_{j}}} = {tex_num(logits[i] / logits[j])}"
    text = [t("softmax.gap.body", i=i, j=j)]
    if d == 0:
        text.append(t("softmax.gap.tie", i=i, j=j))
    else:
        if not both_positive:
            text.append(t("softmax.gap.no_ratio", d=num(d)))
        else:
            ratio, logit_ratio = d / T, math.log(logits[i] / logits[j])  # both as logarithms, so e**2000 compares
            verdict = "wider" if ratio > logit_ratio else "narrower" if ratio < logit_ratio else "same"
            text.append(t(f"softmax.gap.{verdict}", r=num(logits[i] / logits[j]), R=exp_text(d / T), i=i, j=j))
        text.append(
            t(
                "softmax.gap.temperature",
                half=num(T / 2),
                double=num(2 * T),
                squared=exp_text(2 * d / T),
                root=exp_text(d / (2 * T)),
                n=n,
                uniform=num(1 / n),
            )
        )
    return formula, " ".join(text)


def gap(logits: Sequence[float], T: float) -> None:
    st.subheader(t("softmax.gap.title"))
    formula, text = gap_sentences(logits, T)
    st.latex(formula)
    st.markdown(text)


def jacobian(
    T: float,
    p: list[float],
    J: list[list[float]],
    J_functional: list,
    J_rowwise: list,
    k: int,
    *,
    dtype: torch.dtype,
    hidden: bool = False,
) -> None:
    """The formula's J beside autograd's, their differences, the two cases for row k, the checkable facts
    (`dtype`: what they were computed in). `hidden` (quiz mode): the explanation and the derivation only."""
    st.markdown(t("softmax.jac.intro" if len(p) <= SIDE_BY_SIDE else "softmax.jac.intro_stacked"))
    if not hidden:
        _jacobian_numbers(T, p, J, J_functional, J_rowwise, k, dtype)
    with st.expander(t("softmax.jac.derivation")):
        st.latex(
            r"\frac{\partial p_i}{\partial a_j} = \frac{1}{T}\begin{cases} p_i(1-p_i) & i = j \\"
            r" -p_i\,p_j & i \ne j \end{cases} \qquad J = \frac{\operatorname{diag}(p) - p\,p^{\top}}{T}"
        )
        st.markdown(t("softmax.jac.derivation_body"))


SIDE_BY_SIDE = 5  # up to this many classes the two heat maps fit side by side; beyond, one above the other


def _jacobian_numbers(
    T: float, p: list[float], J: list[list[float]], J_functional: list, J_rowwise: list, k: int, dtype: torch.dtype
) -> None:
    n = len(p)
    places = st.columns(2) if n <= SIDE_BY_SIDE else [st.container(), st.container()]
    titles = (t("softmax.jac.analytic"), t("softmax.jac.autograd"))
    for place, matrix, title in zip(places, (J, J_functional), titles, strict=True):
        chart.show(
            heatmap,
            matrix_frame(matrix),
            title=title,
            value_title="J",
            labelled_up_to=sm.MAX_CLASSES,
            row_title=t("softmax.jac.row"),
            col_title=t("softmax.jac.col"),
            container=place,
            width="stretch",
        )
    st.markdown(t("softmax.jac.diff", functional=num(max_diff(J, J_functional)), rowwise=num(max_diff(J, J_rowwise))))
    m = (k + 1) % n
    st.latex(
        rf"J_{{{k}{k}}} = \frac{{p_{k}(1 - p_{k})}}{{T}} = \frac{{{tex_num(p[k])} \times (1 - {tex_num(p[k])})}}"
        rf"{{{tex_num(T)}}} = {tex_num(J[k][k])}"
    )
    st.latex(
        rf"J_{{{k}{m}}} = -\frac{{p_{k}\, p_{m}}}{{T}} = -\frac{{{tex_num(p[k])} \times {tex_num(p[m])}}}"
        rf"{{{tex_num(T)}}} = {tex_num(J[k][m])}"
    )
    st.markdown(t("softmax.fact.title"))
    facts = jacobian_facts(J)
    for key, holds, value in facts:
        icon = ":green[:material/check_circle:]" if holds else ":orange[:material/warning:]"
        st.markdown(f"{icon} {t(key, value=value)}")
    if not all(holds for _, holds, _ in facts):
        st.caption(t("softmax.fact.underflow", dtype=dtype_name(dtype)))


def jacobian_facts(J: list[list[float]]) -> list[tuple[str, bool, str]]:
    """(string key, holds, the number that shows it) for each fact a student can check on J."""
    Jt = f64(J)
    off = Jt[~torch.eye(len(J), dtype=torch.bool)]
    sums = float(torch.cat([Jt.sum(dim=0), Jt.sum(dim=1)]).abs().max())
    return [
        ("softmax.fact.sums", sums < 1e-12, num(sums)),
        ("softmax.fact.symmetric", bool(torch.equal(Jt, Jt.T)), num(float((Jt - Jt.T).abs().max()))),
        ("softmax.fact.diagonal", bool((Jt.diagonal() > 0).all()), num(float(Jt.diagonal().min()))),
        ("softmax.fact.off", bool((off < 0).all()), num(float(off.max()))),
    ]


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
        rf" = \frac{{{tex_num(p[0])} \times ({tex_num(upstream[0])} - {factor(vp, tex=True)})}}{{{tex_num(T)}}}"
        rf" = {tex_num(vjp['analytic'][0])}"
    )
    st.markdown(
        t(
            "softmax.vjp.diff",
            matrix=num(max_diff(matrix, vjp["autograd"])),
            formula=num(max_diff(vjp["analytic"], vjp["autograd"])),
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
    lse = ce["logsumexp"]
    st.markdown(t("softmax.ce.step1"))
    st.latex(rf"\log\sum_j e^{{z_j}} = {tex_num(lse)} \qquad \log p_j = z_j - {factor(lse, tex=True)}")
    st.markdown(t("softmax.ce.step2", y=y))
    st.latex(rf"L = -\log p_{y} = -({tex_num(logits[y] / T)} - {factor(lse, tex=True)}) = {tex_num(ce['nll'])}")
    st.markdown(t("softmax.ce.step3", loss=num(ce["loss"], 6), nll=num(ce["nll"], 6)))
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
        rf"\frac{{\partial L}}{{\partial a_{y}}} = \frac{{{tex_num(ce['probs'][y])} - 1}}{{{tex_num(T)}}}"
        rf" = {tex_num(ce['grad'][y])}"
    )
    _gradient_from_jacobian(y)


def _gradient_from_jacobian(y: int) -> None:
    st.markdown(t("softmax.ce.from_jacobian", y=y))
    st.latex(
        rf"\frac{{\partial L}}{{\partial p}} = -\frac{{e_{y}}}{{p_{y}}}"
        rf"\;\Rightarrow\; \frac{{\partial L}}{{\partial a_j}} = -\frac{{1}}{{p_{y}}} J_{{{y}j}}"
        rf" = -\frac{{1}}{{p_{y}}}\cdot\frac{{p_{y}([j = {y}] - p_j)}}{{T}} = \frac{{p_j - [j = {y}]}}{{T}}"
    )


def dtype_name(dtype: torch.dtype) -> str:
    return str(dtype).removeprefix("torch.")


def stability_verdict(values: Sequence[float], T: float, dtype: torch.dtype) -> str:
    """What the naive formula does with these logits at this T in `dtype` (the table's), and where that is
    float64, in float32 (PyTorch's default dtype) too, from the live numbers."""
    here = sm.naive_failure(list(values), T, dtype=dtype)
    text = t(
        f"softmax.stable.{here or 'fine'}",
        z_max=num(max(values) / T),
        limit=num(sm.exp_limit(dtype)),
        dtype=dtype_name(dtype),
    )
    if here is None and dtype != torch.float32:
        float32 = sm.naive_failure(list(values), T, dtype=torch.float32)
        text += " " + t(f"softmax.stable.float32_{float32 or 'fine'}", limit32=num(sm.exp_limit(torch.float32)))
    return text


def stability(cases: list[tuple[str, Sequence[float], list[float], list[float]]], T: float, dtype: torch.dtype) -> None:
    """For each (title, logits, naive softmax, stable softmax), computed in `dtype`: the overflowing exp
    beside the shifted one, and what happened, in words built from its numbers."""
    st.markdown(
        t(
            "softmax.stable.intro",
            limit64=num(sm.exp_limit(torch.float64)),
            limit32=num(sm.exp_limit(torch.float32)),
            dtype=dtype_name(dtype),
        )
    )
    for title, values, naive, stable in cases:
        z = [a / T for a in values]
        st.markdown(title)
        _table(
            {
                "z = a / T": z,
                "exp(z)": [exp(v) for v in z],
                t("softmax.stable.naive"): naive,
                "exp(z − max z)": [exp(v - max(z)) for v in z],
                t("softmax.stable.stable"): stable,
            }
        )
        st.markdown(stability_verdict(values, T, dtype))
    st.markdown(t("softmax.stable.why"))
