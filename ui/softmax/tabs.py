"""The softmax page's tabs: one function per tab, each drawing from the settings and the results (plain
lists from ui/softmax/compute.py) as charts, tables and formulas, every number written by ui/numbers.py."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import pyarrow as pa
import streamlit as st
import torch

from core import softmax as sm
from ui import chart
from ui.charts.matrix import heatmap, matrix_frame
from ui.code import script
from ui.errors import show_input_error
from ui.i18n import t
from ui.numbers import factor, num, tex_num
from ui.softmax import charts, sentences
from ui.softmax.compute import OVERFLOW, Results, exp, f64, max_diff, softmax_numbers
from ui.softmax.inputs import Settings, Upstream

SIDE_BY_SIDE = 5  # up to this many classes the two heat maps fit side by side; beyond, one above the other


def hidden_here() -> None:
    """In quiz mode, where a tab's numbers would be: why they are missing."""
    st.caption(":material/visibility_off: " + t("softmax.quiz.hidden_tab"))


def _table(columns: dict[str, Sequence[float]]) -> None:
    """Numbers per class, written as text by `num` and aligned right like numbers. An Arrow table goes to
    the browser as it is, where a DataFrame is first checked and converted column by column."""
    classes = range(len(next(iter(columns.values()))))
    cells = {name: [num(v) for v in values] for name, values in columns.items()}
    config = {name: st.column_config.TextColumn(alignment="right") for name in cells}
    config[t("softmax.col.class")] = st.column_config.NumberColumn(pinned=True)
    table = pa.table({t("softmax.col.class"): list(classes), **cells})
    st.dataframe(table, width="stretch", hide_index=True, column_config=config)


def probabilities(settings: Settings, results: Results, hidden: bool) -> None:
    """Logits and probabilities side by side, the softmax formula, the gap between the two likeliest classes,
    softmax vs sigmoid. `hidden` (quiz mode): the logits only."""
    if hidden:
        hidden_here()
    logits, T, n = settings.logits, settings.T, settings.n
    p, sigmoid = results.p, results.forward["sigmoid"]
    classes = [str(i) for i in range(n)]
    bars = pd.DataFrame({"class": classes, "logit": logits, "p": p})
    class_column = t("softmax.col.class")
    c1, c2 = st.columns(2)
    chart.described(
        charts.class_bars,
        charts.labelled(bars, "logit"),
        value="logit",
        title=t("softmax.chart.logits"),
        color=charts.LOGIT_COLOR,
        summary=sentences.logits_summary(logits),
        data=pd.DataFrame({class_column: range(n), t("softmax.col.logit"): logits}),
        container=c1,
    )
    if hidden:
        return
    chart.described(
        charts.class_bars,
        charts.labelled(bars, "p"),
        value="p",
        title=t("softmax.chart.probs"),
        color=charts.PROBABILITY_COLOR,
        summary=sentences.probabilities_summary(p),
        data=pd.DataFrame({class_column: range(n), t("softmax.col.p"): p}),
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
    st.subheader(t("softmax.gap.title"))
    formula, text = sentences.gap_sentences(logits, T)
    st.latex(formula)
    st.markdown(text)

    st.subheader(t("softmax.sigmoid.title"))
    label_softmax, label_sigmoid = t("softmax.fn.softmax"), t("softmax.fn.sigmoid")
    long = pd.DataFrame(
        [{"class": c, "function": label_softmax, "value": v} for c, v in zip(classes, p, strict=True)]
        + [{"class": c, "function": label_sigmoid, "value": v} for c, v in zip(classes, sigmoid, strict=True)]
    )
    s1, s2 = st.columns([3, 2])
    chart.described(
        charts.grouped_bars,
        charts.labelled(long, "value"),
        title=t("softmax.chart.sigmoid"),
        summary=sentences.sigmoid_summary(logits, p, sigmoid),
        data=pd.DataFrame({class_column: range(n), label_softmax: p, label_sigmoid: sigmoid}),
        container=s1,
    )
    s2.markdown(t("softmax.sigmoid.body", sum_softmax=num(sum(p)), sum_sigmoid=num(sum(sigmoid))))


def jacobian(settings: Settings, results: Results, hidden: bool) -> None:
    """The formula's J beside autograd's, their differences, the two cases for row k (the target's, or 0 when
    the target does not fit), the checkable facts. `hidden` (quiz mode): the explanation and the derivation."""
    if hidden:
        hidden_here()
    st.markdown(t("softmax.jac.intro" if settings.n <= SIDE_BY_SIDE else "softmax.jac.intro_stacked"))
    if not hidden:
        _jacobian_numbers(settings, results, k=settings.target if settings.target < settings.n else 0)
    with st.expander(t("softmax.jac.derivation")):
        st.latex(
            r"\frac{\partial p_i}{\partial a_j} = \frac{1}{T}\begin{cases} p_i(1-p_i) & i = j \\"
            r" -p_i\,p_j & i \ne j \end{cases} \qquad J = \frac{\operatorname{diag}(p) - p\,p^{\top}}{T}"
        )
        st.markdown(t("softmax.jac.derivation_body"))


def _jacobian_numbers(settings: Settings, results: Results, k: int) -> None:
    T, n, p, J = settings.T, settings.n, results.p, results.J
    J_autograd, J_rowwise = results.forward["autograd"], results.forward["rowwise"]
    places = st.columns(2) if n <= SIDE_BY_SIDE else [st.container(), st.container()]
    titles = (t("softmax.jac.analytic"), t("softmax.jac.autograd"))
    row_title = t("softmax.jac.row")
    for place, matrix, title in zip(places, (J, J_autograd), titles, strict=True):
        columns = {t("softmax.jac.col_j", j=j): [row[j] for row in matrix] for j in range(n)}
        chart.described(
            heatmap,
            matrix_frame(matrix),
            title=title,
            value_title="J",
            labelled_up_to=sm.MAX_CLASSES,
            row_title=row_title,
            col_title=t("softmax.jac.col"),
            summary=sentences.jacobian_summary(title, matrix),
            data=pd.DataFrame({row_title: range(n), **columns}),
            container=place,
            width="stretch",
        )
    st.markdown(t("softmax.jac.diff", functional=num(max_diff(J, J_autograd)), rowwise=num(max_diff(J, J_rowwise))))
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
    facts = sentences.jacobian_facts(J)
    for key, holds, value in facts:
        icon = ":green[:material/check_circle:]" if holds else ":orange[:material/warning:]"
        st.markdown(f"{icon} {t(key, value=value)}")
    if not all(holds for _, holds, _ in facts):
        st.caption(t("softmax.fact.underflow", dtype=sentences.dtype_name(results.dtype)))


def vector_jacobian(settings: Settings, results: Results, upstream: Upstream, hidden: bool) -> None:
    """vᵀJ three ways (full matrix, formula, one autograd pass) and the formula for its first entry, under
    the choice of v (drawn by `inputs.upstream`); nothing more when v is invalid (its error is shown)."""
    if upstream.v is None or upstream.vjp is None:
        return
    if hidden:
        hidden_here()
    else:
        _vjp_numbers(settings.T, results.p, results.J, upstream.v, upstream.vjp)
    st.info(t(f"softmax.vjp.note.{upstream.choice}", y=settings.target))


def _vjp_numbers(
    T: float, p: list[float], J: list[list[float]], v: Sequence[float], vjp: dict[str, list[float]]
) -> None:
    matrix = (f64(v) @ f64(J)).tolist()
    _table(
        {
            "v": list(v),
            t("softmax.vjp.col_matrix"): matrix,
            "p ⊙ (v − v·p) / T": vjp["analytic"],
            "autograd.grad(p, a, grad_outputs=v)": vjp["autograd"],
        }
    )
    vp = sum(a * b for a, b in zip(v, p, strict=True))
    st.latex(
        rf"(v^{{\top}}J)_0 = \frac{{p_0\,(v_0 - v\cdot p)}}{{T}}"
        rf" = \frac{{{tex_num(p[0])} \times ({tex_num(v[0])} - {factor(vp, tex=True)})}}{{{tex_num(T)}}}"
        rf" = {tex_num(vjp['analytic'][0])}"
    )
    st.markdown(
        t(
            "softmax.vjp.diff",
            matrix=num(max_diff(matrix, vjp["autograd"])),
            formula=num(max_diff(vjp["analytic"], vjp["autograd"])),
        )
    )


def cross_entropy(settings: Settings, results: Results, hidden: bool) -> None:
    """log_softmax then nll_loss with numbers, equal to F.cross_entropy; the gradient and its Jacobian origin.
    `hidden` (quiz mode): the gradient's formula and where it comes from, without numbers."""
    ce = results.ce
    if ce is None:
        show_input_error(results.ce_error)
        return
    if hidden:
        hidden_here()
    logits, T, n, y = settings.logits, settings.T, settings.n, ce["target"]
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


def stability(settings: Settings, results: Results, hidden: bool) -> None:
    """The user's logits and the classic overflowing ones (only those in quiz mode), each computed in the
    device's dtype: the overflowing exp beside the shifted one, and what happened, in words from its numbers."""
    T, dtype = settings.T, results.dtype
    overflow = softmax_numbers(OVERFLOW, T, settings.device)
    yours = (t("softmax.stable.yours"), settings.logits, results.forward["naive"], results.p)
    classic = (t("softmax.stable.classic"), OVERFLOW, overflow["naive"], overflow["p"])
    if hidden:
        hidden_here()
    st.markdown(
        t(
            "softmax.stable.intro",
            limit64=num(sm.exp_limit(torch.float64)),
            limit32=num(sm.exp_limit(torch.float32)),
            dtype=sentences.dtype_name(dtype),
        )
    )
    for title, values, naive, stable in [classic] if hidden else [yours, classic]:
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
        st.markdown(sentences.stability_verdict(values, T, dtype))
    st.markdown(t("softmax.stable.why"))


def reproduce(settings: Settings, upstream: Upstream) -> None:
    """The whole computation as a PyTorch script to run or download (v: the chosen one, ones when invalid)."""
    if settings.target >= settings.n:
        st.warning(t("softmax.code.no_target", y=settings.target, last=settings.n - 1))
        return
    st.markdown(t("softmax.code.intro"))
    v = list(upstream.v or [1.0] * settings.n)
    source = sm.to_pytorch_script(list(settings.logits), temperature=settings.T, target=settings.target, upstream=v)
    script(source, "softmax_cross_entropy.py")
