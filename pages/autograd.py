"""Autograd: the real grad_fn graph of a small expression, the chain rule on it, forward vs reverse mode,
the classic mistakes with PyTorch's own messages, and what the optimizer reads from `.grad`."""

import pandas as pd
import streamlit as st

from core.autograd_pitfalls import PITFALLS, SNIPPETS, grad_accumulation
from core.autograd_presets import (
    SCALAR_FNS,
    ChainInputs,
    LinearInputs,
    SoftmaxInputs,
    pytorch_script,
)
from core.device import cpu_threads
from core.errors import InputError
from ui import chart
from ui.autograd_compute import (
    cached_chain_rule,
    cached_graph,
    cached_modes,
    cached_optimizer,
    cached_pitfall,
    make_inputs,
)
from ui.autograd_latex import SYMBOLS, chain_rule_latex, live_formula, scalar_chain_latex, sgd_update_latex
from ui.autograd_quiz import autograd_questions, worksheet_inputs
from ui.charts.autograd import accumulation_chart, mode_cost_chart
from ui.classroom import PRESENT_KEY, QUIZ_KEY, Question, quiz, results_hidden, worksheet_button
from ui.errors import show_input_error
from ui.graph import format_tensor, graph_dot
from ui.i18n import current_lang, t
from ui.router import leave_legacy_pages_mode
from ui.sidebar import selected_device
from ui.state import HIDE_PARAM, TAB_PARAM, url_number, url_select, url_tabs, url_toggle

leave_legacy_pages_mode()  # see ui/router.py

PRESETS = ["linear", "chain", "softmax_ce"]
FNS = list(SCALAR_FNS)
FN_LABELS = {"square": "u²", "sin": "sin(u)", "exp": "exp(u)", "tanh": "tanh(u)", "sigmoid": "σ(u) = 1/(1+e⁻ᵘ)"}
PLAIN_U = {"linear": "ŷ", "chain": "g", "softmax_ce": "log p"}
SETTING_KEYS = {
    "lang",
    "device",
    "ag_p",
    "ag_bw",
    "ag_k",
    "ag_lr",
    "ag_ow",
    PRESENT_KEY,
    QUIZ_KEY,
    HIDE_PARAM,
    TAB_PARAM,
}  # URL keys that are not the preset's numbers


def read_inputs(preset: str, box) -> tuple:
    """The preset's editable numbers (and function choices), each a widget kept in the URL, drawn in the
    expander `box` while it is open; closed, they are read without drawing (the formula shows them)."""
    draw = box.open

    def columns(spec, parent=box, **kwargs) -> list:
        return parent.columns(spec, **kwargs) if draw else [None] * (spec if isinstance(spec, int) else len(spec))

    num = dict(min_value=-100.0, max_value=100.0, step=0.5, draw=draw)
    if preset == "linear":
        d = LinearInputs()
        data, params = columns([3, 2], gap="large")
        if draw:
            data.markdown(t("autograd.data_heading"))
        xs, ys = [], []
        for i in range(3):
            c1, c2, c3 = columns(3, data)
            xs.append(url_number(f"ag_x{i + 1}1", f"x{i + 1},1", default=d.X[i][0], container=c1, **num))
            xs.append(url_number(f"ag_x{i + 1}2", f"x{i + 1},2", default=d.X[i][1], container=c2, **num))
            ys.append(url_number(f"ag_y{i + 1}", f"y{i + 1}", default=d.y[i], container=c3, **num))
        if draw:
            params.markdown(t("autograd.params_heading"))
        c1, c2, c3 = columns(3, params)
        w1 = url_number("ag_w1", "w1", default=d.w[0], container=c1, **num)
        w2 = url_number("ag_w2", "w2", default=d.w[1], container=c2, **num)
        b = url_number("ag_b", "b", default=d.b, container=c3, **num)
        return (*xs, *ys, w1, w2, b)
    if preset == "chain":
        d = ChainInputs()
        c1, c2, c3 = columns(3)
        x = url_number("ag_cx", "x", default=d.x, min_value=-10.0, max_value=10.0, step=0.1, container=c1, draw=draw)
        fn = dict(format_func=fn_name, draw=draw)
        g = url_select("ag_g", t("autograd.inner_fn"), FNS, default=d.g, container=c2, **fn)
        f = url_select("ag_f", t("autograd.outer_fn"), FNS, default=d.f, container=c3, **fn)
        return (x, g, f)
    d = SoftmaxInputs()
    cols = columns(4)
    logits = [
        url_number(
            f"ag_z{k + 1}",
            f"z{k + 1}",
            default=d.logits[k],
            min_value=-50.0,
            max_value=50.0,
            step=0.1,
            container=cols[k],
            draw=draw,
        )
        for k in range(3)
    ]
    target = url_select(
        "ag_t", t("autograd.target"), ["0", "1", "2"], default=str(d.target), container=cols[3], draw=draw
    )
    return (*logits, int(target))


def preset_label(preset: str) -> str:
    labels = {
        "linear": t("autograd.preset_linear"),
        "chain": t("autograd.preset_chain"),
        "softmax_ce": t("autograd.preset_softmax_ce"),
    }
    return labels[preset]


def fn_name(code: str) -> str:
    return FN_LABELS[code]


def show_graph(preset: str, values: tuple, backward: bool, device: str, hidden: bool) -> None:
    """The graph; while a quiz hides the results, only its structure (no values, no gradients)."""
    graph = cached_graph(preset, values, backward, device)
    dot = graph_dot(graph, show_grads=backward and not hidden, show_values=not hidden, grad_word=t("autograd.grad_in"))
    st.graphviz_chart(dot)
    st.caption(t("autograd.graph_caption"))
    if hidden:
        st.caption(t("autograd.quiz_graph"))
    elif not backward:
        st.info(t("autograd.predict"))


def show_chain_rule(preset: str, values: tuple, device: str, hidden: bool) -> None:
    rule = cached_chain_rule(preset, values, device)
    intro = {
        "linear": t("autograd.chain_intro_linear"),
        "chain": t("autograd.chain_intro_chain"),
        "softmax_ce": t("autograd.chain_intro_softmax_ce"),
    }
    st.markdown(intro[preset])
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
    st.success(t("autograd.chain_check", diff=f"{difference:.1e}"), icon=":material/check_circle:")


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
            t("autograd.col_fwd_ms"): [round(r.forward_seconds * 1e3, 3) for r in rows],
            t("autograd.col_rev_ms"): [round(r.reverse_seconds * 1e3, 3) for r in rows],
            t("autograd.col_agree"): ["✓" if r.agree else "✗" for r in rows],
        }
    )
    st.dataframe(table, hide_index=True)
    st.caption(t("autograd.timing_caption", device=device, threads=cpu_threads()))
    long = pd.DataFrame(
        [
            {"shape": f"{r.inputs} → {r.outputs}", "mode": mode, "passes": passes, "ms": round(sec * 1e3, 3)}
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


def questions_for(preset: str, values: tuple, lr: float, only_w: bool, device: str) -> list[Question]:
    """The quiz on the current expression, from the same cached results the tabs display; none on bad input."""
    try:
        return autograd_questions(
            preset,
            values,
            lr,
            cached_graph(preset, values, True, device),
            cached_chain_rule(preset, values, device),
            cached_optimizer(preset, values, lr, optimizer_given(preset, only_w), device),
            current_lang(),
        )
    except InputError:
        return []  # the tabs show the error


def show_pitfalls() -> None:
    with st.expander(t("autograd.pit_no_zero_grad"), expanded=True):
        st.markdown(t("autograd.pit_no_zero_grad_body"))
        st.code(SNIPPETS["no_zero_grad"], language="python")
        trace = grad_accumulation(3)
        without, with_ = t("autograd.without_zero_grad"), t("autograd.with_zero_grad")
        df = pd.DataFrame(
            [{"series": without, "step": i + 1, "grad": g} for i, g in enumerate(trace.without_zero_grad)]
            + [{"series": with_, "step": i + 1, "grad": g} for i, g in enumerate(trace.with_zero_grad)]
        )
        chart.show(accumulation_chart, df, step_title=t("autograd.step_axis"), grad_title="w.grad", series_title="")
    texts = {
        "backward_twice": (t("autograd.pit_backward_twice"), t("autograd.pit_backward_twice_body")),
        "non_scalar": (t("autograd.pit_non_scalar"), t("autograd.pit_non_scalar_body")),
        "inplace_leaf": (t("autograd.pit_inplace_leaf"), t("autograd.pit_inplace_leaf_body")),
        "detach": (t("autograd.pit_detach"), t("autograd.pit_detach_body")),
        "no_grad": (t("autograd.pit_no_grad"), t("autograd.pit_no_grad_body")),
    }
    fixes = {
        "backward_twice": t("autograd.pit_backward_twice_fix"),
        "non_scalar": t("autograd.pit_non_scalar_fix"),
        "inplace_leaf": t("autograd.pit_inplace_leaf_fix"),
        "detach": t("autograd.pit_detach_fix"),
        "no_grad": t("autograd.pit_no_grad_fix"),
    }
    for name in PITFALLS:
        title, body = texts[name]
        with st.expander(title):
            st.markdown(body)
            result = cached_pitfall(name)
            st.code(result.snippet, language="python")
            st.markdown(t("autograd.pytorch_says"))
            st.code(result.error or t("autograd.no_error"), language=None, wrap_lines=True)
            st.markdown(fixes[name])


def optimizer_given(preset: str, only_w: bool) -> tuple[str, ...] | None:
    return ("w",) if only_w and preset == "linear" else None


def optimizer_settings(preset: str, tab) -> tuple[float, bool]:
    """The optimizer tab's lr and its "give only w" switch, drawn in `tab`; with no tab (it is closed)
    they are read without drawing, for the quiz asks about them."""
    draw = tab is not None
    lr_col = given_col = None
    if draw:
        tab.markdown(t("autograd.optim_intro"))
        lr_col, given_col = tab.columns(2)
    lr = url_number(
        "ag_lr",
        t("autograd.lr"),
        default=0.1,
        min_value=0.001,
        max_value=10.0,
        step=0.05,
        format="%.3f",
        container=lr_col,
        draw=draw,
    )
    if preset != "linear":
        return lr, False
    only_w = url_toggle("ag_ow", t("autograd.only_w"), help=t("autograd.only_w_help"), container=given_col, draw=draw)
    return lr, only_w


def show_optimizer(preset: str, values: tuple, lr: float, only_w: bool, device: str, hidden: bool) -> None:
    """One SGD step; while a quiz hides the results, without the gradients and the values after it."""
    trace = cached_optimizer(preset, values, lr, optimizer_given(preset, only_w), device)
    st.code(trace.code, language="python")
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


st.title(t("autograd.title"))
st.markdown(t("autograd.intro"))
device = selected_device()
preset = url_select("ag_p", t("autograd.preset"), PRESETS, format_func=preset_label, widget="segmented")
# a link with its own numbers opens them, so a warning about a bad one is not hidden; closed, the numbers are
# not drawn (opening the editor reruns the page) but read from the URL
editor = st.expander(
    t("autograd.edit_numbers"),
    expanded=any(k not in SETTING_KEYS for k in st.query_params),
    key="ag_edit",
    on_change="rerun",
)
values = read_inputs(preset, editor)
st.latex(live_formula(preset, values))
quiz_box = st.container()  # above the tabs; filled once the optimizer tab's settings (lr) are read

tabs, opened = url_tabs("autograd")
tab = tabs[opened]  # only the open tab is drawn: opening another one reruns the page
lr, only_w = optimizer_settings(preset, tab if opened == "optim" else None)
questions = questions_for(preset, values, lr, only_w, device) if st.session_state.get(QUIZ_KEY) else []
with quiz_box:
    quiz(questions)
    if questions:
        lang = current_lang()
        worksheet_button(t("autograd.worksheet_title"), worksheet_inputs(preset, values, lr, lang), questions, lang)
    hidden = results_hidden(questions)
with tab:
    if opened == "modes":
        show_modes(preset, values, device, hidden)
    elif opened == "pitfalls":
        show_pitfalls()
    else:
        if opened == "graph":
            backward = url_toggle(
                "ag_bw", t("autograd.run_backward"), default=True, help=t("autograd.run_backward_help")
            )
        try:
            if opened == "graph":
                show_graph(preset, values, backward, device, hidden)
            elif opened == "chain":
                show_chain_rule(preset, values, device, hidden)
            elif opened == "optim":
                show_optimizer(preset, values, lr, only_w, device, hidden)
            else:
                st.markdown(t("autograd.code_intro"))
                st.code(pytorch_script(make_inputs(preset, values)), language="python")
        except InputError as error:
            show_input_error(error)
