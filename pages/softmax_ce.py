"""Softmax, its Jacobian, and cross-entropy: every number of F.softmax, its backward and F.cross_entropy."""

from __future__ import annotations

import random

import pandas as pd
import streamlit as st
import torch

from core import softmax as sm
from core.errors import InputError
from ui.charts import softmax as charts
from ui.errors import show_input_error
from ui.i18n import t
from ui.sidebar import selected_device
from ui.state import url_number, url_select, url_text

PRESETS = {"seed001": "0.2306, 0.6693, 0.6334", "classic": "2.0, 1.0, 0.1", "overflow": "1000, 999, -1000"}
DEFAULT_LOGITS = PRESETS["seed001"]
OVERFLOW = (1000.0, 999.0, -1000.0)
LAST_VALID = "softmax.last_valid_logits"
MAX_CHARS = 200


@st.cache_data(max_entries=256, ttl=3600)
def softmax_numbers(logits: tuple[float, ...], temperature: float, device: str) -> dict[str, list]:
    """Probabilities, sigmoid and the Jacobian three ways, as plain lists."""
    z = _f64(logits) / temperature
    return {
        "p": sm.softmax(list(logits), temperature, device=device).cpu().tolist(),
        "sigmoid": torch.sigmoid(z).tolist(),
        **{
            method: sm.softmax_jacobian(list(logits), temperature, method=method, device=device).cpu().tolist()
            for method in ("analytic", "autograd", "rowwise")
        },
        "naive": sm.naive_softmax(z.tolist(), device=device).cpu().tolist(),
    }


@st.cache_data(max_entries=256, ttl=3600)
def cross_entropy_numbers(logits: tuple[float, ...], target: int, temperature: float, device: str) -> dict[str, object]:
    """`sm.cross_entropy` as plain numbers and lists."""
    report = sm.cross_entropy(list(logits), target, temperature=temperature, device=device)
    return {
        name: value.cpu().tolist() if isinstance(value, torch.Tensor) else value for name, value in vars(report).items()
    }


@st.cache_data(max_entries=256, ttl=3600)
def vjp_numbers(logits: tuple[float, ...], upstream: tuple[float, ...], temperature: float, device: str) -> dict:
    """vᵀJ by the formula and by one autograd pass."""
    return {
        method: sm.vjp(list(logits), list(upstream), temperature, method=method, device=device).cpu().tolist()
        for method in ("analytic", "autograd")
    }


def _load(text: str) -> None:
    st.session_state["logits"] = text


def _load_random() -> None:
    try:
        n = len(sm.parse_logits(st.session_state.get("logits", "")))
    except InputError:
        n = 5
    _load(", ".join(f"{v:g}" for v in sm.random_logits(n, seed=random.randrange(2**31))))


def _f64(values) -> torch.Tensor:
    """Lists back from the cache as float64 tensors (torch.tensor would make float32)."""
    return torch.tensor(values, dtype=torch.float64)


def _max_diff(a: list, b: list) -> float:
    return float((_f64(a) - _f64(b)).abs().max())


def _frame(columns: dict[str, list[float]]) -> pd.DataFrame:
    return pd.DataFrame(columns).rename_axis(t("softmax.col.class"))


def _num(x: float) -> str:
    """A number for a formula, as the tables show it."""
    return f"{x:.4f}"


def _paren(x: float) -> str:
    """A number to subtract in a formula: negative ones in parentheses, so "- -1" reads "- (-1)"."""
    return f"({x:.4f})" if x < 0 else _num(x)


def _exp(x: float) -> float:
    """e**x in float64 (inf where it overflows, as torch gives it)."""
    return torch.exp(_f64(x)).item()


st.title(t("nav.softmax"))
st.markdown(t("softmax.intro"))

# Controls: logits (+ presets), temperature, target class. All of them live in the URL.
left, middle, right = st.columns([3, 2, 1])
with left:
    text = url_text(
        "logits",
        t("softmax.logits_label"),
        default=DEFAULT_LOGITS,
        max_chars=MAX_CHARS,
        help=t("softmax.logits_help", low=sm.MIN_CLASSES, high=sm.MAX_CLASSES),
    )
    st.caption(t("softmax.logits_limit", low=sm.MIN_CLASSES, high=sm.MAX_CLASSES, chars=MAX_CHARS))
    buttons = st.columns(4)
    buttons[0].button(t("softmax.preset.seed001"), on_click=_load, args=(PRESETS["seed001"],), key="p_seed")
    buttons[1].button(t("softmax.preset.classic"), on_click=_load, args=(PRESETS["classic"],), key="p_classic")
    buttons[2].button(t("softmax.preset.random"), on_click=_load_random, key="p_random")
    buttons[3].button(
        t("softmax.preset.overflow"),
        on_click=_load,
        args=(PRESETS["overflow"],),
        key="p_overflow",
        help=PRESETS["overflow"],
    )
with middle:
    T = url_number("T", t("softmax.temperature"), default=1.0, min_value=0.1, max_value=5.0, step=0.1, widget="slider")
    st.caption(t("softmax.temperature_help"))
with right:
    target = url_number("target", t("softmax.target"), default=0, min_value=0, max_value=sm.MAX_CLASSES - 1, step=1)

try:
    logits = tuple(sm.parse_logits(text))
    st.session_state[LAST_VALID] = logits
except InputError as error:
    show_input_error(error)
    logits = st.session_state.get(LAST_VALID, tuple(sm.parse_logits(DEFAULT_LOGITS)))
    st.caption(t("error.kept_last") + " " + t("softmax.using", logits=", ".join(f"{v:g}" for v in logits)))

device = selected_device()
n = len(logits)
classes = [str(i) for i in range(n)]
fw = softmax_numbers(logits, T, device)
p, J = fw["p"], fw["analytic"]

tab_probs, tab_jac, tab_vjp, tab_ce, tab_stable, tab_code = st.tabs(
    [
        t("softmax.tab.probs"),
        t("softmax.tab.jacobian"),
        t("softmax.tab.vjp"),
        t("softmax.tab.ce"),
        t("softmax.tab.stability"),
        t("softmax.tab.code"),
    ]
)

with tab_probs:
    bars = pd.DataFrame({"class": classes, "logit": logits, "p": p})
    c1, c2 = st.columns(2)
    c1.altair_chart(charts.class_bars(bars, value="logit", title=t("softmax.chart.logits")), width="stretch")
    c2.altair_chart(
        charts.class_bars(bars, value="p", title=t("softmax.chart.probs"), color="#f58518"), width="stretch"
    )
    top = max(range(n), key=p.__getitem__)
    exps = [_exp((a - max(logits)) / T) for a in logits]
    st.latex(
        rf"p_{top} = \frac{{e^{{(a_{top} - \max a)/T}}}}{{\sum_j e^{{(a_j - \max a)/T}}}}"
        rf" = \frac{{{_num(exps[top])}}}{{{_num(sum(exps))}}} = {_num(p[top])}"
    )
    table = {
        t("softmax.col.logit"): list(logits),
        "z = a / T": [a / T for a in logits],
        "exp(z − max z)": exps,
        "softmax p": p,
        "sigmoid(z)": fw["sigmoid"],
    }
    st.dataframe(_frame(table).style.format("{:.4f}"), width="stretch")

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
        + [{"class": c, "function": label_sigmoid, "value": v} for c, v in zip(classes, fw["sigmoid"], strict=True)]
    )
    s1, s2 = st.columns([3, 2])
    s1.altair_chart(charts.grouped_bars(long, title=t("softmax.chart.sigmoid")), width="stretch")
    s2.markdown(t("softmax.sigmoid.body", sum_softmax=f"{sum(p):.4f}", sum_sigmoid=f"{sum(fw['sigmoid']):.4f}"))

with tab_jac:
    st.markdown(t("softmax.jac.intro"))
    h1, h2 = st.columns(2)
    h1.altair_chart(
        charts.heatmap(
            charts.matrix_frame(J),
            title=t("softmax.jac.analytic"),
            row_title=t("softmax.jac.row"),
            col_title=t("softmax.jac.col"),
        ),
        width="content",
    )
    h2.altair_chart(
        charts.heatmap(
            charts.matrix_frame(fw["autograd"]),
            title=t("softmax.jac.autograd"),
            row_title=t("softmax.jac.row"),
            col_title=t("softmax.jac.col"),
        ),
        width="content",
    )
    st.markdown(
        t(
            "softmax.jac.diff",
            functional=f"{_max_diff(J, fw['autograd']):.1e}",
            rowwise=f"{_max_diff(J, fw['rowwise']):.1e}",
        )
    )
    k, m = 0, 1
    st.latex(
        rf"J_{{{k}{k}}} = \frac{{p_{k}(1 - p_{k})}}{{T}} = \frac{{{_num(p[k])} \times (1 - {_num(p[k])})}}{{{T:g}}}"
        rf" = {_num(J[k][k])}"
    )
    st.latex(
        rf"J_{{{k}{m}}} = -\frac{{p_{k}\, p_{m}}}{{T}} = -\frac{{{_num(p[k])} \times {_num(p[m])}}}{{{T:g}}}"
        rf" = {_num(J[k][m])}"
    )
    Jt = _f64(J)
    off = Jt[~torch.eye(n, dtype=torch.bool)]
    facts = [
        ("softmax.fact.rows", float(Jt.sum(dim=1).abs().max()) < 1e-12, f"{float(Jt.sum(dim=1).abs().max()):.1e}"),
        ("softmax.fact.symmetric", bool(torch.equal(Jt, Jt.T)), f"{float((Jt - Jt.T).abs().max()):.1e}"),
        ("softmax.fact.diagonal", bool((Jt.diagonal() > 0).all()), _num(float(Jt.diagonal().min()))),
        ("softmax.fact.off", bool((off < 0).all()), _num(float(off.max()))),
    ]
    st.markdown(t("softmax.fact.title"))
    for key, holds, value in facts:
        st.markdown(
            (":green[:material/check_circle:] " if holds else ":orange[:material/warning:] ") + t(key, value=value)
        )
    if not all(holds for _, holds, _ in facts):
        st.caption(t("softmax.fact.underflow"))
    with st.expander(t("softmax.jac.derivation")):
        st.latex(
            r"\frac{\partial p_i}{\partial a_j} = \frac{1}{T}\begin{cases} p_i(1-p_i) & i = j \\"
            r" -p_i\,p_j & i \ne j \end{cases} \qquad J = \frac{\operatorname{diag}(p) - p\,p^{\top}}{T}"
        )
        st.markdown(t("softmax.jac.derivation_body"))

with tab_vjp:
    st.markdown(t("softmax.vjp.intro"))
    # labels fixed now: AppTest formats options after the run, outside the language of the session
    upstream_labels = {
        "ce": t("softmax.vjp.ce"),
        "ones": t("softmax.vjp.ones"),
        "custom": t("softmax.vjp.custom"),
    }
    choice = url_select(
        "v",
        t("softmax.vjp.choice"),
        ["ce", "ones", "custom"],
        format_func=upstream_labels.__getitem__,
        widget="radio",
    )
    script_v = [1.0] * n  # the script's v: the one chosen here when it is valid
    try:
        if choice == "ce":
            upstream = tuple(sm.cross_entropy_upstream(list(logits), target, T).tolist())
        elif choice == "ones":
            upstream = (1.0,) * n
        else:
            custom = url_text("vc", t("softmax.vjp.custom_label"), default="1, 0, 0", max_chars=MAX_CHARS)
            upstream = tuple(sm.parse_logits(custom, name="v"))
        bw = vjp_numbers(logits, upstream, T, device)
    except InputError as error:
        show_input_error(error)
    else:
        script_v = list(upstream)
        matrix = (_f64(upstream) @ _f64(J)).tolist()
        table = {
            "v": list(upstream),
            t("softmax.vjp.col_matrix"): matrix,
            "p ⊙ (v − v·p) / T": bw["analytic"],
            "autograd.grad(p, a, grad_outputs=v)": bw["autograd"],
        }
        st.dataframe(_frame(table).style.format("{:.4f}"), width="stretch")
        vp = sum(v * q for v, q in zip(upstream, p, strict=True))
        st.latex(
            rf"(v^{{\top}}J)_0 = \frac{{p_0\,(v_0 - v\cdot p)}}{{T}}"
            rf" = \frac{{{_num(p[0])} \times ({_num(upstream[0])} - {_paren(vp)})}}{{{T:g}}}"
            rf" = {_num(bw['analytic'][0])}"
        )
        st.markdown(
            t(
                "softmax.vjp.diff",
                matrix=f"{_max_diff(matrix, bw['autograd']):.1e}",
                formula=f"{_max_diff(bw['analytic'], bw['autograd']):.1e}",
            )
        )
        st.info(t(f"softmax.vjp.note.{choice}", y=target))

with tab_ce:
    try:
        ce = cross_entropy_numbers(logits, target, T, device)
    except InputError as error:
        show_input_error(error)
    else:
        y = target
        st.markdown(t("softmax.ce.intro"))
        st.markdown(t("softmax.ce.step1"))
        st.latex(
            rf"\log\sum_j e^{{z_j}} = {_num(ce['logsumexp'])} \qquad"
            rf" \log p_j = z_j - {_paren(ce['logsumexp'])}"
        )
        st.markdown(t("softmax.ce.step2", y=y))
        st.latex(rf"L = -\log p_{y} = -({_num(logits[y] / T)} - {_paren(ce['logsumexp'])}) = {_num(ce['nll'])}")
        st.markdown(t("softmax.ce.step3", loss=f"{ce['loss']:.6f}", nll=f"{ce['nll']:.6f}"))
        onehot = [1.0 if c == y else 0.0 for c in range(n)]
        table = {
            "z = a / T": [a / T for a in logits],
            "log_softmax(z)": ce["log_softmax"],
            "p": ce["probs"],
            f"onehot({y})": onehot,
            "(p − onehot) / T": ce["grad"],
            "a.grad (backward)": ce["grad_autograd"],
        }
        st.dataframe(_frame(table).style.format("{:.4f}"), width="stretch")
        st.subheader(t("softmax.ce.grad_title"))
        st.latex(
            rf"\frac{{\partial L}}{{\partial a_j}} = \frac{{p_j - [j = {y}]}}{{T}} \qquad"
            rf"\frac{{\partial L}}{{\partial a_{y}}} = \frac{{{_num(ce['probs'][y])} - 1}}{{{T:g}}}"
            rf" = {_num(ce['grad'][y])}"
        )
        st.markdown(t("softmax.ce.from_jacobian", y=y))
        st.latex(
            rf"\frac{{\partial L}}{{\partial p}} = -\frac{{e_{y}}}{{p_{y}}}"
            rf"\;\Rightarrow\; \frac{{\partial L}}{{\partial a_j}} = -\frac{{1}}{{p_{y}}} J_{{{y}j}}"
            rf" = -\frac{{1}}{{p_{y}}}\cdot\frac{{p_{y}([j = {y}] - p_j)}}{{T}} = \frac{{p_j - [j = {y}]}}{{T}}"
        )

with tab_stable:
    st.markdown(t("softmax.stable.intro"))
    for title_key, values, numbers in (
        ("softmax.stable.yours", logits, fw),
        ("softmax.stable.classic", OVERFLOW, softmax_numbers(OVERFLOW, T, device)),
    ):
        z = [a / T for a in values]
        st.markdown(t(title_key))
        table = {
            "z = a / T": z,
            "exp(z)": [_exp(v) for v in z],
            t("softmax.stable.naive"): numbers["naive"],
            "exp(z − max z)": [_exp(v - max(z)) for v in z],
            t("softmax.stable.stable"): numbers["p"],
        }
        # as text: a NaN cell would otherwise show as an empty "None", hiding the very point of the table
        st.dataframe(_frame({k: [f"{v:.4g}" for v in col] for k, col in table.items()}), width="stretch")
    st.markdown(t("softmax.stable.why"))

with tab_code:
    if target >= n:
        st.warning(t("softmax.code.no_target", y=target, last=n - 1))
    else:
        st.markdown(t("softmax.code.intro"))
        st.code(sm.to_pytorch_script(list(logits), temperature=T, target=target, upstream=script_v), language="python")
