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
from ui.autograd.compute import Results, cached_accumulation, cached_graph, cached_modes, cached_pitfall
from ui.autograd.graph import format_tensor, graph_dot, graph_text
from ui.autograd.inputs import Settings
from ui.autograd.latex import SYMBOLS, chain_rule_latex, scalar_chain_latex, sgd_update_latex
from ui.code import code, script
from ui.i18n import t
from ui.numbers import count, num
from ui.state import url_number

PLAIN_U = {"linear": "ŷ", "chain": "g", "softmax_ce": "log p"}
# a note under the graph for each node PyTorch may put in it, shown only where that node is
NODE_NOTES = {
    "MseLossBackward0": "autograd.graph.node_mse",
    "AddmmBackward0": "autograd.graph.node_addmm",
    "TBackward0": "autograd.graph.node_t",
    "PowBackward0": "autograd.graph.node_pow",
    "SinBackward0": "autograd.graph.node_elementwise",
    "ExpBackward0": "autograd.graph.node_elementwise",
    "TanhBackward0": "autograd.graph.node_elementwise",
    "SigmoidBackward0": "autograd.graph.node_elementwise",
    "LogSoftmaxBackward0": "autograd.graph.node_log_softmax",
    "NllLossBackward0": "autograd.graph.node_nll",
    "AccumulateGrad": "autograd.graph.node_accumulate",
}
PLACEHOLDER = "[[{}]]"


def localized(snippet: str) -> str:
    """A snippet with its `# [[name]]` comments written out in the current language."""
    for name in ("sample", "forgot", "adds", "step", "keep_graph", "sum", "update", "outside"):
        snippet = snippet.replace(PLACEHOLDER.format(name), t(f"autograd.pit.code_{name}"))
    return snippet


def graph_notes(names: list[str]) -> str:
    """One note per kind of node in the graph, in the order `backward()` reaches them."""
    keys = dict.fromkeys(NODE_NOTES[n] for n in names if n in NODE_NOTES)
    return " ".join(t(key, node=next(n for n in names if NODE_NOTES.get(n) == key)) for key in keys)


def show_graph(results: Results, backward: bool, hidden: bool) -> None:
    """The graph and the code that builds it, its gradients only once `backward` runs; while a quiz hides the
    results, only its structure."""
    graph = results.graph
    shown = dict(show_grads=backward and not hidden, show_values=not hidden, grad_word=t("autograd.graph.grad_in"))
    st.graphviz_chart(graph_dot(graph, **shown))
    # st.graphviz_chart has no text alternative of its own: the graph in words, as much of it as is drawn
    paths = graph_text(graph, leaf_word=t("autograd.graph.leaf"), **shown)
    st.caption(t("autograd.graph.text", paths=t("autograd.graph.path_sep").join(paths)))
    st.caption(t("autograd.graph.caption") + " " + graph_notes(graph.names()))
    if hidden:
        st.caption(t("autograd.graph.quiz_hidden"))
    elif not backward:
        st.info(t("autograd.graph.predict"))
    st.markdown(t("autograd.graph.code"))
    code(graph_code(results.settings.inputs, graph, backward=backward and not hidden))


def show_chain_rule(results: Results, hidden: bool) -> None:
    preset, rule = results.settings.preset, results.rule
    st.markdown(t(f"autograd.chain.intro_{preset}"))
    if hidden:  # the factors and their product are the quiz's answers
        return
    st.latex(chain_rule_latex(preset, rule))
    if preset == "chain":
        st.latex(scalar_chain_latex(results.settings.inputs, rule))
    st.markdown(
        t(
            "autograd.chain.read_off",
            u=PLAIN_U[preset],
            theta=SYMBOLS[preset][2],
            outer=format_tensor(rule.outer),
            grad=format_tensor(rule.autograd),
        )
    )
    difference = (rule.product - rule.autograd).abs().max().item()
    st.success(t("autograd.chain.check", diff=num(difference)), icon=":material/check_circle:")


def show_modes(settings: Settings, device: str, hidden: bool) -> None:
    """Forward vs reverse mode on f(x) = tanh(A x); it does not depend on the expression's numbers, but says
    how many passes the expression's own gradient would take in each mode."""
    st.markdown(t("autograd.modes.intro"))
    if not hidden:  # the preset's pass count is a quiz question
        try:
            leaves = [n.value for n in cached_graph(settings.inputs, True, device).nodes if n.is_leaf]
            loss = SYMBOLS[settings.preset][0]
            st.markdown(t("autograd.modes.preset", loss=loss, n=sum(v.numel() for v in leaves)))
        except InputError:
            pass  # the error is shown in the other tabs; this comparison does not depend on it
    size = url_number(
        "ag_k", t("autograd.modes.size"), default=32, min_value=2, max_value=64, help=t("autograd.modes.size_help")
    )
    rows = cached_modes(size, device)
    fwd, rev = t("autograd.modes.forward"), t("autograd.modes.reverse")
    table = pd.DataFrame(
        {
            t("autograd.modes.col_inputs"): [r.inputs for r in rows],
            t("autograd.modes.col_outputs"): [r.outputs for r in rows],
            t("autograd.modes.col_fwd_passes"): [r.forward_passes for r in rows],
            t("autograd.modes.col_rev_passes"): [r.reverse_passes for r in rows],
            t("autograd.modes.col_fwd_ms"): [num(r.forward_seconds * 1e3) for r in rows],
            t("autograd.modes.col_rev_ms"): [num(r.reverse_seconds * 1e3) for r in rows],
            t("autograd.modes.col_agree"): ["✓" if r.agree else "✗" for r in rows],
        }
    )
    st.dataframe(table, hide_index=True)
    st.caption(t("autograd.modes.timing_caption", device=device, threads=cpu_threads()))
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
    titles = dict(shape_title=t("autograd.modes.shape_axis"), mode_title=t("autograd.modes.mode_axis"))
    amounts = {
        "passes": [(count(r.forward_passes), count(r.reverse_passes)) for r in rows],
        "ms": [(num(r.forward_seconds * 1e3), num(r.reverse_seconds * 1e3)) for r in rows],
    }
    for value, container in zip(amounts, st.columns(2), strict=True):
        items = (
            t("autograd.modes.summary_item", shape=f"{r.inputs} → {r.outputs}", forward=forward, reverse=reverse)
            for r, (forward, reverse) in zip(rows, amounts[value], strict=True)
        )
        value_title = t(f"autograd.modes.{value}_axis")
        data = long[["shape", "mode", value]].set_axis(
            [titles["shape_title"], titles["mode_title"], value_title], axis=1
        )
        chart.described(
            mode_cost_chart,
            long,
            summary=t(f"autograd.modes.{value}_summary", items=t("autograd.modes.summary_sep").join(items)),
            data=data,
            container=container,
            value=value,
            value_title=value_title,
            **titles,
        )
    st.markdown(t("autograd.modes.conclusion"))


def accumulation_story(lr: float) -> str:
    """What the loop without `zero_grad()` did, in words built from its live numbers."""
    trace = cached_accumulation(lr)
    without, with_ = 0, 1
    sums = ", ".join(num(g) for g in trace.grad[without])
    if lr == 0:
        return t("autograd.pit.acc_lr0", sums=sums)
    return t(
        "autograd.pit.acc_live",
        lr=num(lr),
        own=", ".join(num(g) for g in trace.step_grad[without]),
        sums=sums,
        steps=len(trace.grad[without]),
        w_without=num(trace.w_after[without][-1]),
        w_with=num(trace.w_after[with_][-1]),
    )


def show_no_zero_grad() -> None:
    """The loop without `zero_grad()`, its optimizer steps included, run live at a learning rate of its own."""
    st.markdown(t("autograd.pit.no_zero_grad_body"))
    lr = url_number("ag_plr", t("autograd.pit.lr"), default=0.1, min_value=0.0, max_value=1.0, step=0.05)
    code(localized(accumulation_snippet(lr)))
    trace = cached_accumulation(lr)
    without, with_ = t("autograd.pit.without_zero_grad"), t("autograd.pit.with_zero_grad")
    table = pd.DataFrame(
        {
            t("autograd.pit.step_axis"): list(range(len(trace.grad[0]))),
            t("autograd.pit.col_w_before"): [num(v) for v in trace.w[0]],
            t("autograd.pit.col_own_grad"): [num(v) for v in trace.step_grad[0]],
            "w.grad": [num(v) for v in trace.grad[0]],
            t("autograd.pit.col_grad_with"): [num(v) for v in trace.grad[1]],
        }
    )
    st.dataframe(table, hide_index=True)
    st.caption(t("autograd.pit.acc_caption"))
    st.markdown(accumulation_story(lr))
    df = pd.DataFrame(
        [
            {"series": series, "step": i, "grad": g}
            for series, grads in ((without, trace.grad[0]), (with_, trace.grad[1]))
            for i, g in enumerate(grads)
        ]
    )
    sums = [", ".join(num(g) for g in grads) for grads in trace.grad]
    chart.described(
        accumulation_chart,
        df,
        summary=t("autograd.pit.acc_summary", steps=len(trace.grad[0]), without=sums[0], with_=sums[1]),
        data=pd.DataFrame(
            {
                t("autograd.pit.step_axis"): list(range(len(trace.grad[0]))),
                f"w.grad, {without}": trace.grad[0],
                f"w.grad, {with_}": trace.grad[1],
            }
        ),
        step_title=t("autograd.pit.step_axis"),
        grad_title="w.grad",
        series_title="",
    )
    st.markdown(t("autograd.pit.no_zero_grad_fix"))


def show_pitfalls() -> None:
    st.markdown(t("autograd.pit.intro"))
    code(localized(SETUP))
    with st.expander(t("autograd.pit.no_zero_grad"), expanded=True):
        show_no_zero_grad()
    for name in PITFALLS:
        with st.expander(t(f"autograd.pit.{name}")):
            st.markdown(t(f"autograd.pit.{name}_body"))
            result = cached_pitfall(name)
            announced = f"  # {t('autograd.pit.raises')} {result.error_type}: {result.message_start}"
            code(result.snippet + (announced if result.error else ""))
            st.markdown(t("autograd.pit.pytorch_says"))
            st.code(result.error or t("autograd.pit.no_error"), language=None, wrap_lines=True)
            st.markdown(t(f"autograd.pit.{name}_fix"))
            fixed, printed = FIXES[name]
            code(localized(fixed) + f"  # {printed}")


def show_optimizer(results: Results, hidden: bool) -> None:
    """One SGD step; while a quiz hides the results, without the gradients and the values after it."""
    trace, lr = results.trace, results.settings.lr
    with st.expander(t("autograd.optim.forward_code")):
        code(forward_code(results.settings.inputs))
    code(trace.code)
    table = pd.DataFrame(
        {
            t("autograd.optim.col_param"): list(trace.names),
            t("autograd.optim.col_given"): ["✓" if n in trace.given else "✗" for n in trace.names],
            t("autograd.optim.col_value"): [format_tensor(v) for v in trace.value_before],
            t("autograd.optim.col_grad_before"): [
                format_tensor(g) if g is not None else "None" for g in trace.grad_before
            ],
            t("autograd.optim.col_grad_after"): [format_tensor(g) for g in trace.grad_after_backward],
            t("autograd.optim.col_after_step"): [format_tensor(v) for v in trace.value_after_step],
        }
    )
    if hidden:
        table = table.drop(columns=[t("autograd.optim.col_grad_after"), t("autograd.optim.col_after_step")])
    st.dataframe(table, hide_index=True)
    for name, before, grad, after in zip(
        trace.names, trace.value_before, trace.grad_after_backward, trace.value_after_step, strict=True
    ):
        if name in trace.given:
            if not hidden:  # the update's numbers are a quiz answer
                st.latex(sgd_update_latex(name, before, grad, after, lr))
        else:
            st.markdown(t("autograd.optim.not_given", name=name))
    st.markdown(t("autograd.optim.outro"))


def show_code(settings: Settings) -> None:
    """The script for the numbers on screen: it runs, and prints what PyTorch makes of them, even an overflow."""
    st.markdown(t("autograd.code.intro"))
    script(pytorch_script(settings.inputs), f"autograd_{settings.preset}.py")
