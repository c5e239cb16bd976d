"""The autograd page's tabs, one render function each, drawn from the settings and core's cached results."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.autograd_pitfalls import FIXES, PITFALLS, SETUP, accumulation_snippet
from core.autograd_presets import forward_code, graph_code, pytorch_script
from core.device import cpu_threads
from core.errors import InputError
from ui import chart
from ui.autograd.charts import accumulation_chart, mode_cost_chart
from ui.autograd.compute import (
    cached_accumulation,
    cached_chain_rule,
    cached_graph,
    cached_modes,
    cached_optimizer,
    cached_pitfall,
    make_inputs,
)
from ui.autograd.graph import format_tensor, graph_dot
from ui.autograd.inputs import optimizer_given
from ui.autograd.latex import SYMBOLS, chain_rule_latex, scalar_chain_latex, sgd_update_latex
from ui.code import code, script
from ui.i18n import t
from ui.numbers import num
from ui.state import url_number

PLAIN_U = {"linear": "ŷ", "chain": "g", "softmax_ce": "log p"}
# a note under the graph for each node PyTorch may put in it, shown only where that node is
NODE_NOTES = {
    "MseLossBackward0": "autograd.node_mse",
    "AddmmBackward0": "autograd.node_addmm",
    "TBackward0": "autograd.node_t",
    "PowBackward0": "autograd.node_pow",
    "SinBackward0": "autograd.node_elementwise",
    "ExpBackward0": "autograd.node_elementwise",
    "TanhBackward0": "autograd.node_elementwise",
    "SigmoidBackward0": "autograd.node_elementwise",
    "LogSoftmaxBackward0": "autograd.node_log_softmax",
    "NllLossBackward0": "autograd.node_nll",
    "AccumulateGrad": "autograd.node_accumulate",
}
PLACEHOLDER = "[[{}]]"


def localized(snippet: str) -> str:
    """A snippet with its `# [[name]]` comments written out in the current language."""
    for name in ("sample", "forgot", "adds", "step", "keep_graph", "sum", "update", "outside"):
        snippet = snippet.replace(PLACEHOLDER.format(name), t(f"autograd.code_{name}"))
    return snippet


def graph_notes(names: list[str]) -> str:
    """One note per kind of node in the graph, in the order `backward()` reaches them."""
    keys = dict.fromkeys(NODE_NOTES[n] for n in names if n in NODE_NOTES)
    return " ".join(t(key, node=next(n for n in names if NODE_NOTES.get(n) == key)) for key in keys)


def show_graph(preset: str, values: tuple, backward: bool, device: str, hidden: bool) -> None:
    """The graph and the code that builds it; while a quiz hides the results, only its structure."""
    graph = cached_graph(preset, values, backward, device)
    dot = graph_dot(graph, show_grads=backward and not hidden, show_values=not hidden, grad_word=t("autograd.grad_in"))
    st.graphviz_chart(dot)
    st.caption(t("autograd.graph_caption") + " " + graph_notes(graph.names()))
    if hidden:
        st.caption(t("autograd.quiz_graph"))
    elif not backward:
        st.info(t("autograd.predict"))
    st.markdown(t("autograd.graph_code"))
    code(graph_code(make_inputs(preset, values), graph, backward=backward and not hidden))


def show_chain_rule(preset: str, values: tuple, device: str, hidden: bool) -> None:
    rule = cached_chain_rule(preset, values, device)
    st.markdown(t(f"autograd.chain_intro_{preset}"))
    if hidden:  # the factors and their product are the quiz's answers
        return
    st.latex(chain_rule_latex(preset, rule))
    if preset == "chain":
        st.latex(scalar_chain_latex(*values, rule))
    st.markdown(
        t(
            "autograd.chain_read_off",
            u=PLAIN_U[preset],
            theta=SYMBOLS[preset][2],
            outer=format_tensor(rule.outer),
            grad=format_tensor(rule.autograd),
        )
    )
    difference = (rule.product - rule.autograd).abs().max().item()
    st.success(t("autograd.chain_check", diff=num(difference)), icon=":material/check_circle:")


def show_modes(preset: str, values: tuple, device: str, hidden: bool) -> None:
    st.markdown(t("autograd.modes_intro"))
    if not hidden:  # the preset's pass count is a quiz question
        try:
            leaves = [n.value for n in cached_graph(preset, values, False, device).nodes if n.is_leaf]
            st.markdown(t("autograd.modes_preset", loss=SYMBOLS[preset][0], n=sum(v.numel() for v in leaves)))
        except InputError:
            pass  # the error is shown in the other tabs; this comparison does not depend on it
    size = url_number("ag_k", t("autograd.size"), default=32, min_value=2, max_value=64, help=t("autograd.size_help"))
    rows = cached_modes(size, device)
    fwd, rev = t("autograd.forward"), t("autograd.reverse")
    table = pd.DataFrame(
        {
            t("autograd.col_inputs"): [r.inputs for r in rows],
            t("autograd.col_outputs"): [r.outputs for r in rows],
            t("autograd.col_fwd_passes"): [r.forward_passes for r in rows],
            t("autograd.col_rev_passes"): [r.reverse_passes for r in rows],
            t("autograd.col_fwd_ms"): [num(r.forward_seconds * 1e3) for r in rows],
            t("autograd.col_rev_ms"): [num(r.reverse_seconds * 1e3) for r in rows],
            t("autograd.col_agree"): ["✓" if r.agree else "✗" for r in rows],
        }
    )
    st.dataframe(table, hide_index=True)
    st.caption(t("autograd.timing_caption", device=device, threads=cpu_threads()))
    long = pd.DataFrame(
        [
            {"shape": f"{r.inputs} → {r.outputs}", "mode": mode, "passes": passes, "ms": sec * 1e3}
            for r in rows
            for mode, passes, sec in (
                (fwd, r.forward_passes, r.forward_seconds),
                (rev, r.reverse_passes, r.reverse_seconds),
            )
        ]
    )
    titles = dict(shape_title=t("autograd.shape_axis"), mode_title=t("autograd.mode_axis"))
    left, right = st.columns(2)
    chart.show(mode_cost_chart, long, value="passes", value_title=t("autograd.passes_axis"), container=left, **titles)
    chart.show(mode_cost_chart, long, value="ms", value_title=t("autograd.ms_axis"), container=right, **titles)
    st.markdown(t("autograd.modes_conclusion"))


def accumulation_story(lr: float) -> str:
    """What the loop without `zero_grad()` did, in words built from its live numbers."""
    trace = cached_accumulation(lr)
    without, with_ = 0, 1
    sums = ", ".join(num(g) for g in trace.grad[without])
    if lr == 0:
        return t("autograd.pit_acc_lr0", sums=sums)
    return t(
        "autograd.pit_acc_live",
        lr=num(lr),
        own=", ".join(num(g) for g in trace.step_grad[without]),
        sums=sums,
        steps=len(trace.grad[without]),
        w_without=num(trace.w_after[without][-1]),
        w_with=num(trace.w_after[with_][-1]),
    )


def show_no_zero_grad() -> None:
    """The loop without `zero_grad()`, its optimizer steps included, run live at a learning rate of its own."""
    st.markdown(t("autograd.pit_no_zero_grad_body"))
    lr = url_number("ag_plr", t("autograd.pit_lr"), default=0.1, min_value=0.0, max_value=1.0, step=0.05)
    code(localized(accumulation_snippet(lr)))
    trace = cached_accumulation(lr)
    without, with_ = t("autograd.without_zero_grad"), t("autograd.with_zero_grad")
    table = pd.DataFrame(
        {
            t("autograd.step_axis"): list(range(len(trace.grad[0]))),
            t("autograd.col_w_before"): [num(v) for v in trace.w[0]],
            t("autograd.col_own_grad"): [num(v) for v in trace.step_grad[0]],
            "w.grad": [num(v) for v in trace.grad[0]],
            t("autograd.col_grad_with"): [num(v) for v in trace.grad[1]],
        }
    )
    st.dataframe(table, hide_index=True)
    st.caption(t("autograd.acc_caption"))
    st.markdown(accumulation_story(lr))
    df = pd.DataFrame(
        [
            {"series": series, "step": i, "grad": g}
            for series, grads in ((without, trace.grad[0]), (with_, trace.grad[1]))
            for i, g in enumerate(grads)
        ]
    )
    chart.show(accumulation_chart, df, step_title=t("autograd.step_axis"), grad_title="w.grad", series_title="")
    st.markdown(t("autograd.pit_no_zero_grad_fix"))


def show_pitfalls() -> None:
    st.markdown(t("autograd.pit_intro"))
    code(localized(SETUP))
    with st.expander(t("autograd.pit_no_zero_grad"), expanded=True):
        show_no_zero_grad()
    for name in PITFALLS:
        with st.expander(t(f"autograd.pit_{name}")):
            st.markdown(t(f"autograd.pit_{name}_body"))
            result = cached_pitfall(name)
            announced = f"  # {t('autograd.raises')} {result.error_type}: {result.message_start}"
            code(result.snippet + (announced if result.error else ""))
            st.markdown(t("autograd.pytorch_says"))
            st.code(result.error or t("autograd.no_error"), language=None, wrap_lines=True)
            st.markdown(t(f"autograd.pit_{name}_fix"))
            fixed, printed = FIXES[name]
            code(localized(fixed) + f"  # {printed}")


def show_optimizer(preset: str, values: tuple, lr: float, only_w: bool, device: str, hidden: bool) -> None:
    """One SGD step; while a quiz hides the results, without the gradients and the values after it."""
    trace = cached_optimizer(preset, values, lr, optimizer_given(preset, only_w), device)
    with st.expander(t("autograd.forward_code")):
        code(forward_code(make_inputs(preset, values)))
    code(trace.code)
    table = pd.DataFrame(
        {
            t("autograd.col_param"): list(trace.names),
            t("autograd.col_given"): ["✓" if n in trace.given else "✗" for n in trace.names],
            t("autograd.col_value"): [format_tensor(v) for v in trace.value_before],
            t("autograd.col_grad_before"): [format_tensor(g) if g is not None else "None" for g in trace.grad_before],
            t("autograd.col_grad_after"): [format_tensor(g) for g in trace.grad_after_backward],
            t("autograd.col_after_step"): [format_tensor(v) for v in trace.value_after_step],
        }
    )
    if hidden:
        table = table.drop(columns=[t("autograd.col_grad_after"), t("autograd.col_after_step")])
    st.dataframe(table, hide_index=True)
    for name, before, grad, after in zip(
        trace.names, trace.value_before, trace.grad_after_backward, trace.value_after_step, strict=True
    ):
        if name in trace.given:
            if not hidden:  # the update's numbers are a quiz answer
                st.latex(sgd_update_latex(name, before, grad, after, lr))
        else:
            st.markdown(t("autograd.not_given", name=name))
    st.markdown(t("autograd.optim_outro"))


def show_code(preset: str, values: tuple) -> None:
    st.markdown(t("autograd.code_intro"))
    script(pytorch_script(make_inputs(preset, values)), f"autograd_{preset}.py")
