"""MSE reductions, opened up: what `nn.MSELoss` computes for each `reduction`, and what lands in `.grad`."""

from __future__ import annotations

import itertools

import pandas as pd
import streamlit as st
import torch

from core.errors import InputError
from core.mse import (
    PRESETS,
    REDUCTIONS,
    backward_demo,
    legacy_reduction,
    legacy_warning,
    mse,
    mse_numpy,
    preset_pair,
    squared_l2_norm,
    to_pytorch_script,
)
from ui.charts.mse import heatmap, matrix_frame
from ui.errors import show_input_error
from ui.i18n import t
from ui.matrix_editor import MAX_SIZE, decode_matrix, encode_matrix, matrix_editor, resize
from ui.mse_view import grad_tex, loss_tex, num, num_with_fraction
from ui.sidebar import selected_device
from ui.state import read_param, url_number, url_select, write_param

Matrix = tuple[tuple[float, ...], ...]
FLAG_OPTIONS = ["None", "True", "False"]
FLAG_VALUES = {"None": None, "True": True, "False": False}


@st.cache_data(max_entries=64, ttl=3600, show_spinner=False)
def analyse(x: Matrix, y: Matrix, device: str) -> dict:
    """Everything the page shows for one (X, Y): each reduction, the backward demos, NumPy, norms."""
    reports = {r: mse(x, y, reduction=r, device=device) for r in REDUCTIONS}
    diff = reports["none"].diff
    return {
        "reports": reports,
        "demos": {r: backward_demo(x, y, reduction=r, device=device) for r in ("mean", "sum")},
        "numpy_all": float(mse_numpy(y, x)),
        "numpy_cols": mse_numpy(y, x, axis=0).tolist(),
        "torch_cols": reports["none"].loss.mean(dim=0).tolist(),
        "squared_norm": squared_l2_norm(torch.tensor(x), torch.tensor(y)).item(),
        "norm": torch.norm(diff, 2).item(),
    }


def as_tuple(values: list[list[float]]) -> Matrix:
    return tuple(tuple(row) for row in values)


def load(x: list[list[float]], y: list[list[float]], *, set_shape: bool = True) -> None:
    """New editor contents: fresh editor keys, so old cell edits are not re-applied to them."""
    ss = st.session_state
    ss["mse_base"] = (x, y)
    ss["mse_current"] = (x, y)
    ss["mse_version"] = ss.get("mse_version", 0) + 1
    if set_shape:
        ss["mse_rows"], ss["mse_cols"] = len(x), len(x[0])


def tensor_table(values) -> pd.DataFrame:
    frame = pd.DataFrame(values)
    frame.index = frame.index + 1
    frame.columns = frame.columns + 1
    return frame.map(num)


ss = st.session_state
st.title(t("mse.title"))
st.markdown(t("mse.question"))
st.caption(t("mse.intro"))

# --- data: preset, shape, the two editors ---------------------------------------------------------
preset_labels = {
    "seed000": t("mse.preset.seed000"),
    "seed002": t("mse.preset.seed002"),
    "random": t("mse.preset.random"),
    "residuals": t("mse.preset.residuals"),
}
top = st.columns([3, 2, 2, 2])
preset = url_select("preset", t("mse.preset"), PRESETS, format_func=preset_labels.__getitem__, container=top[0])
seed = url_number(
    "seed", t("mse.seed"), default=0, min_value=0, max_value=9999, container=top[1], disabled=preset != "random"
)
preset_x, preset_y = preset_pair(preset, seed=seed)
source = (preset, seed if preset == "random" else 0)
if ss.get("mse_source") != source:
    x0, y0 = preset_x, preset_y
    if "mse_source" not in ss:  # first run: a shared link's own matrices win over its preset
        allowed = t("mse.url_matrix_allowed", limit=MAX_SIZE)
        x0 = read_param("X", lambda raw: decode_matrix(raw, "X"), x0, allowed)
        y0 = read_param("Y", lambda raw: decode_matrix(raw, "Y"), y0, allowed)
    load(x0, y0)
    ss["mse_source"] = source

size_help = t("mse.size_help", limit=MAX_SIZE)
rows = top[2].number_input(t("mse.rows"), min_value=1, max_value=MAX_SIZE, key="mse_rows", help=size_help)
cols = top[3].number_input(t("mse.cols"), min_value=1, max_value=MAX_SIZE, key="mse_cols", help=size_help)
base_x, base_y = ss["mse_base"]
if (rows, cols) != (len(base_x), len(base_x[0])):
    cur_x, cur_y = ss["mse_current"]
    load(resize(cur_x, rows, cols), resize(cur_y, rows, cols), set_shape=False)
    base_x, base_y = ss["mse_base"]

left, right = st.columns(2)
left.markdown(t("mse.x_label"))
right.markdown(t("mse.y_label"))
version = ss["mse_version"]
x = matrix_editor("X", base_x, key=f"mse_X_v{version}", container=left)
y = matrix_editor("Y", base_y, key=f"mse_Y_v{version}", container=right)
cur_x, cur_y = ss["mse_current"]
ss["mse_current"] = (cur_x if x is None else x, cur_y if y is None else y)

device = selected_device()
if x is not None and y is not None:
    try:
        analyse(as_tuple(x), as_tuple(y), device)
        ss["mse_last"] = (x, y)
        write_param("X", None if x == preset_x else encode_matrix(x))
        write_param("Y", None if y == preset_y else encode_matrix(y))
    except InputError as error:
        show_input_error(error)
last = ss.get("mse_last")
if last is None:
    st.info(t("mse.no_result"))
    st.stop()
if (x, y) != last:
    st.info(t("error.kept_last"))
x, y = last
data = analyse(as_tuple(x), as_tuple(y), device)
n, d = len(x), len(x[0])

reduction = url_select(
    "reduction", t("mse.reduction"), REDUCTIONS, default="mean", widget="segmented", format_func=lambda r: f"'{r}'"
)
report = data["reports"][reduction]
st.code(f"loss = torch.nn.MSELoss(reduction={reduction!r})(X, Y)", language="python")

tabs = st.tabs(
    [
        t("mse.tab.result"),
        t("mse.tab.grad"),
        t("mse.tab.switch"),
        t("mse.tab.norms"),
        t("mse.tab.numpy"),
        t("mse.tab.autograd"),
        t("mse.tab.legacy"),
        t("mse.tab.code"),
    ]
)

# --- the loss ----------------------------------------------------------------------------------
with tabs[0]:
    chart_col, loss_col = st.columns([2, 3])
    squared = report.squared_error.tolist()
    chart_col.altair_chart(
        heatmap(matrix_frame(squared), title=t("mse.chart.squared_title"), value_title="(x−y)²"),
        width="content",
    )
    with loss_col:
        if reduction == "none":
            st.markdown(t("mse.result.none", n=n, d=d))
        else:
            st.metric(t("mse.result.loss", reduction=reduction), num_with_fraction(report.loss.item()))
        explain = {
            "none": t("mse.result.explain_none"),
            "mean": t("mse.result.explain_mean", n=n, d=d, nd=n * d),
            "sum": t("mse.result.explain_sum"),
        }
        st.caption(explain[reduction])
    st.latex(loss_tex(report.diff.tolist(), reduction, report.loss.tolist()))

# --- the gradient ------------------------------------------------------------------------------
with tabs[1]:
    if reduction == "none" and report.backward_error is None:
        st.info(t("mse.grad.none_one_element"))
    elif reduction == "none":
        st.markdown(t("mse.grad.none_why"))
        st.code(f"loss.backward()\n# RuntimeError: {report.backward_error}", language="python")
        st.markdown(t("mse.grad.none_way_out"))
        st.code("loss.backward(gradient=torch.ones_like(loss))", language="python")
    auto_col, closed_col = st.columns(2)
    auto_col.markdown(t("mse.grad.autograd"))
    auto_col.altair_chart(
        heatmap(matrix_frame(report.grad.tolist()), title="X.grad", value_title="∂loss/∂x", diverging=True),
        width="content",
    )
    closed_col.markdown(t("mse.grad.closed_mean") if reduction == "mean" else t("mse.grad.closed_sum"))
    max_diff = (report.grad - report.grad_closed_form).abs().max().item()
    closed_col.metric(t("mse.grad.max_diff"), f"{max_diff:.1e}")
    st.latex(grad_tex(report.diff.tolist(), reduction))

# --- what changes when you switch ---------------------------------------------------------------
with tabs[2]:
    mean_grad = data["reports"]["mean"].grad
    sum_grad = data["reports"]["sum"].grad
    nonzero = mean_grad != 0
    ratios = (sum_grad[nonzero] / mean_grad[nonzero]).tolist()
    ratio_text = num(ratios[0]) if ratios else "—"
    st.markdown(t("mse.switch.ratio", n=n, d=d, nd=n * d, ratio=ratio_text))
    lr = url_number(
        "lr", t("mse.switch.lr"), default=0.1, min_value=1e-6, max_value=10.0, format="%g", container=st.columns(3)[0]
    )
    lr_sum = lr / (n * d)
    x_t = torch.tensor(x, dtype=mean_grad.dtype, device=mean_grad.device)
    step_mean = x_t - lr * mean_grad
    step_sum = x_t - lr_sum * sum_grad
    st.latex(
        rf"\eta_{{\text{{sum}}}} = \frac{{\eta_{{\text{{mean}}}}}}{{n\cdot d}} = \frac{{{lr:g}}}{{{n}\cdot {d}}}"
        rf" = {lr_sum:.6g}"
    )
    step_cols = st.columns(2)
    step_cols[0].markdown(t("mse.switch.step_mean", lr=f"{lr:g}"))
    step_cols[0].dataframe(tensor_table(step_mean.tolist()))
    step_cols[1].markdown(t("mse.switch.step_sum", lr=f"{lr_sum:.6g}"))
    step_cols[1].dataframe(tensor_table(step_sum.tolist()))
    st.metric(t("mse.switch.step_diff"), f"{(step_mean - step_sum).abs().max().item():.1e}")
    st.subheader(t("mse.switch.batch_title"))
    st.code("loss = torch.nn.MSELoss(reduction='sum')(pred, y) / pred.size(0)", language="python")
    loss_sum = data["reports"]["sum"].loss.item()
    loss_mean = data["reports"]["mean"].loss.item()
    st.markdown(
        t(
            "mse.switch.batch_values",
            n=n,
            per_batch=num_with_fraction(loss_sum / n),
            mean=num_with_fraction(loss_mean),
        )
    )
    if d == 1:
        st.success(t("mse.switch.batch_equal"))
    else:
        st.warning(t("mse.switch.batch_differs", d=d))

# --- MSE vs squared L2 norm vs L2 norm ---------------------------------------------------------
with tabs[3]:
    norms = pd.DataFrame(
        {
            t("mse.norms.expression"): [
                "MSELoss(reduction='sum')(X, Y)",
                "torch.norm(X - Y, 2).pow(2)",
                "torch.norm(X - Y, 2)",
                "MSELoss(reduction='mean')(X, Y)",
            ],
            t("mse.norms.value"): [
                num_with_fraction(loss_sum),
                num_with_fraction(data["squared_norm"]),
                f"{data['norm']:.6g}",
                num_with_fraction(loss_mean),
            ],
        }
    )
    st.dataframe(norms, hide_index=True)
    st.markdown(t("mse.norms.explain", sq=num(data["squared_norm"]), norm=f"{data['norm']:.4f}", nd=n * d))

# --- NumPy by hand (seed 002) ------------------------------------------------------------------
with tabs[4]:
    st.markdown(t("mse.numpy.intro"))
    st.code(
        "import numpy as np\n\n"
        "def mse_loss(y_true, y_pred, axis=None):\n"
        "    diff = y_true - y_pred\n"
        "    sq_diff = np.square(diff)\n"
        "    return np.mean(sq_diff, axis=axis)",
        language="python",
    )
    np_all, np_cols = st.columns(2)
    np_all.markdown(t("mse.numpy.axis_none"))
    np_all.dataframe(
        pd.DataFrame({"NumPy": [num(data["numpy_all"])], "PyTorch 'mean'": [num(loss_mean)]}), hide_index=True
    )
    np_cols.markdown(t("mse.numpy.axis_0", d=d))
    np_cols.dataframe(
        pd.DataFrame(
            {"NumPy axis=0": [num(v) for v in data["numpy_cols"]], "PyTorch": [num(v) for v in data["torch_cols"]]},
            index=range(1, d + 1),
        )
    )
    st.caption(t("mse.numpy.match", diff=f"{abs(data['numpy_all'] - loss_mean):.1e}"))

# --- torch.autograd.grad vs loss.backward() (seed 001) -----------------------------------------
with tabs[5]:
    demo_reduction = "sum" if reduction == "sum" else "mean"
    demo = data["demos"][demo_reduction]
    if reduction == "none":
        st.caption(t("mse.autograd.uses_mean"))
    grad_col, backward_col = st.columns(2)
    with grad_col:
        st.markdown(t("mse.autograd.grad_title"))
        st.code(
            "grads = torch.autograd.grad(loss, [X])\n"
            f"type(grads), len(grads)  # ({type(demo.autograd_grad).__name__}, {len(demo.autograd_grad)})\n"
            f"X.grad  # {demo.grad_attr_after_autograd_grad}",
            language="python",
        )
        st.dataframe(tensor_table(demo.autograd_grad[0].tolist()))
    with backward_col:
        st.markdown(t("mse.autograd.backward_title"))
        st.code("loss.backward()\nX.grad", language="python")
        st.dataframe(tensor_table(demo.grad_after_one_backward.tolist()))
    st.markdown(t("mse.autograd.twice"))
    twice_cols = st.columns(2)
    twice_cols[0].code("loss.backward()\nloss.backward()  # no zero_grad()\nX.grad", language="python")
    twice_cols[0].dataframe(tensor_table(demo.grad_after_two_backwards.tolist()))
    twice_cols[1].code("X.grad.zero_()\nloss.backward()\nX.grad", language="python")
    twice_cols[1].dataframe(tensor_table(demo.grad_after_zero_and_backward.tolist()))

# --- legacy flags ------------------------------------------------------------------------------
with tabs[6]:
    st.markdown(t("mse.legacy.intro"))
    flag_cols = st.columns(2)
    size_average = url_select("size_average", "size_average", FLAG_OPTIONS, widget="segmented", container=flag_cols[0])
    reduce = url_select("reduce", "reduce", FLAG_OPTIONS, widget="segmented", container=flag_cols[1])
    sa, rd = FLAG_VALUES[size_average], FLAG_VALUES[reduce]
    mapped = legacy_reduction(sa, rd)
    st.markdown(t("mse.legacy.maps_to", size_average=size_average, reduce=reduce, reduction=mapped))
    warning = legacy_warning(sa, rd)
    if warning:
        st.markdown(t("mse.legacy.warning"))
        st.code(f"UserWarning: {warning}", language="text")
    else:
        st.markdown(t("mse.legacy.no_warning"))
    table = pd.DataFrame(
        [
            {"size_average": s, "reduce": r, "reduction": legacy_reduction(FLAG_VALUES[s], FLAG_VALUES[r])}
            for s, r in itertools.product(FLAG_OPTIONS, FLAG_OPTIONS)
        ]
    )
    st.markdown(t("mse.legacy.table"))
    st.dataframe(table, hide_index=True)

# --- reproduce in PyTorch ----------------------------------------------------------------------
with tabs[7]:
    st.markdown(t("mse.code.intro"))
    st.code(to_pytorch_script(x, y, reduction=reduction), language="python")
