"""The tabs of the MSE page, one function each: they render what `analyse` computed for (X, Y)."""

from __future__ import annotations

import itertools

import pandas as pd
import streamlit as st
import torch

from core.mse import legacy_reduction, legacy_warning, to_pytorch_script
from ui import chart
from ui.charts.mse import heatmap, matrix_frame
from ui.i18n import t
from ui.mse_view import grad_tex, loss_tex, num, num_with_fraction
from ui.state import url_number, url_select

Matrix = list[list[float]]
FLAG_OPTIONS = ["None", "True", "False"]
FLAG_VALUES = {"None": None, "True": True, "False": False}


def tensor_table(values) -> pd.DataFrame:
    """A matrix as a table with 1-based row and column labels and the page's number format."""
    frame = pd.DataFrame(values)
    frame.index = frame.index + 1
    frame.columns = frame.columns + 1
    return frame.map(num)


def loss(data: dict, x: Matrix, y: Matrix, reduction: str, *, hidden: bool = False) -> None:
    """The squared-error heatmap, the loss and its formula with the live numbers."""
    report = data["reports"][reduction]
    n, d = len(x), len(x[0])
    if hidden:  # quiz mode: no heatmap, so the explanation takes the full width
        loss_col = st.container()
    else:
        chart_col, loss_col = st.columns([2, 3])
        chart.show(
            heatmap,
            matrix_frame(report.squared_error.tolist()),
            title=t("mse.chart.squared_title"),
            value_title="(x−y)²",
            container=chart_col,
            width="content",
        )
    with loss_col:
        if reduction == "none":
            st.markdown(t("mse.result.none", n=n, d=d))
        elif not hidden:
            st.metric(t("mse.result.loss", reduction=reduction), num_with_fraction(report.loss.item()))
        explain = {
            "none": t("mse.result.explain_none"),
            "mean": t("mse.result.explain_mean", n=n, d=d, nd=n * d),
            "sum": t("mse.result.explain_sum"),
        }
        st.caption(explain[reduction])
    if not hidden:
        st.latex(loss_tex(report.diff.tolist(), reduction, report.loss.tolist()))


def gradient(data: dict, x: Matrix, y: Matrix, reduction: str, *, hidden: bool = False) -> None:
    """X.grad from autograd beside the closed form; for 'none', PyTorch's own backward() error and the way out."""
    report = data["reports"][reduction]
    if reduction == "none" and report.backward_error is None:
        st.info(t("mse.grad.none_one_element"))
    elif reduction == "none":
        st.markdown(t("mse.grad.none_why"))
        st.code(f"loss.backward()\n# RuntimeError: {report.backward_error}", language="python")
        st.markdown(t("mse.grad.none_way_out"))
        st.code("loss.backward(gradient=torch.ones_like(loss))", language="python")
    auto_col, closed_col = st.columns(2)
    auto_col.markdown(t("mse.grad.autograd"))
    if not hidden:
        chart.show(
            heatmap,
            matrix_frame(report.grad.tolist()),
            title="X.grad",
            value_title="∂loss/∂x",
            diverging=True,
            container=auto_col,
            width="content",
        )
    closed_col.markdown(t("mse.grad.closed_mean") if reduction == "mean" else t("mse.grad.closed_sum"))
    max_diff = (report.grad - report.grad_closed_form).abs().max().item()
    closed_col.metric(t("mse.grad.max_diff"), f"{max_diff:.1e}")
    if not hidden:
        st.latex(grad_tex(report.diff.tolist(), reduction))


def switching(data: dict, x: Matrix, y: Matrix, reduction: str, *, hidden: bool = False) -> None:
    """Same data, 'sum' vs 'mean': the n·d gradient ratio, the matching learning rates, the sum / batch_size idiom."""
    n, d = len(x), len(x[0])
    mean_grad = data["reports"]["mean"].grad
    sum_grad = data["reports"]["sum"].grad
    nonzero = mean_grad != 0
    ratios = (sum_grad[nonzero] / mean_grad[nonzero]).tolist()
    ratio_text = num(ratios[0]) if ratios else "—"
    if not hidden:
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
    step_cols[1].markdown(t("mse.switch.step_sum", lr=f"{lr_sum:.6g}"))
    if not hidden:  # X − lr·X.grad gives the gradient away
        step_cols[0].dataframe(tensor_table(step_mean.tolist()))
        step_cols[1].dataframe(tensor_table(step_sum.tolist()))
    st.metric(t("mse.switch.step_diff"), f"{(step_mean - step_sum).abs().max().item():.1e}")
    st.subheader(t("mse.switch.batch_title"))
    st.code("loss = torch.nn.MSELoss(reduction='sum')(pred, y) / pred.size(0)", language="python")
    loss_sum = data["reports"]["sum"].loss.item()
    loss_mean = data["reports"]["mean"].loss.item()
    if not hidden:
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


def norms(data: dict, x: Matrix, y: Matrix, reduction: str, *, hidden: bool = False) -> None:
    """MSE vs the squared L2 norm vs the L2 norm, with numbers."""
    n, d = len(x), len(x[0])
    loss_sum = data["reports"]["sum"].loss.item()
    loss_mean = data["reports"]["mean"].loss.item()
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
    if hidden:
        return
    st.dataframe(norms, hide_index=True)
    st.markdown(t("mse.norms.explain", sq=num(data["squared_norm"]), norm=f"{data['norm']:.4f}", nd=n * d))


def numpy_by_hand(data: dict, x: Matrix, y: Matrix, reduction: str, *, hidden: bool = False) -> None:
    """Seed 002's NumPy version with axis=None and axis=0, matched against PyTorch."""
    d = len(x[0])
    loss_mean = data["reports"]["mean"].loss.item()
    st.markdown(t("mse.numpy.intro"))
    st.code(
        "import numpy as np\n\n"
        "def mse_loss(y_true, y_pred, axis=None):\n"
        "    diff = y_true - y_pred\n"
        "    sq_diff = np.square(diff)\n"
        "    return np.mean(sq_diff, axis=axis)",
        language="python",
    )
    if hidden:
        return
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


def autograd_vs_backward(data: dict, x: Matrix, y: Matrix, reduction: str, *, hidden: bool = False) -> None:
    """torch.autograd.grad returns a tuple; backward() fills .grad and accumulates when called twice."""
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
        if not hidden:
            st.dataframe(tensor_table(demo.autograd_grad[0].tolist()))
    with backward_col:
        st.markdown(t("mse.autograd.backward_title"))
        st.code("loss.backward()\nX.grad", language="python")
        if not hidden:
            st.dataframe(tensor_table(demo.grad_after_one_backward.tolist()))
    st.markdown(t("mse.autograd.twice"))
    twice_cols = st.columns(2)
    twice_cols[0].code("loss.backward()\nloss.backward()  # no zero_grad()\nX.grad", language="python")
    twice_cols[1].code("X.grad.zero_()\nloss.backward()\nX.grad", language="python")
    if not hidden:
        twice_cols[0].dataframe(tensor_table(demo.grad_after_two_backwards.tolist()))
        twice_cols[1].dataframe(tensor_table(demo.grad_after_zero_and_backward.tolist()))


def legacy_flags(data: dict, x: Matrix, y: Matrix, reduction: str, *, hidden: bool = False) -> None:
    """The deprecated size_average/reduce flags: the reduction they map to and PyTorch's warning."""
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


def reproduce(data: dict, x: Matrix, y: Matrix, reduction: str, *, hidden: bool = False) -> None:
    """A plain-PyTorch script that prints the same loss and gradient."""
    st.markdown(t("mse.code.intro"))
    st.code(to_pytorch_script(x, y, reduction=reduction), language="python")
