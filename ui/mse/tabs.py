"""The tabs of the MSE page, one function each: they render what `analyse` computed for the settings."""

from __future__ import annotations

import itertools

import pandas as pd
import streamlit as st
import torch

from core.mse import legacy_call, to_pytorch_script
from ui.code import code, script
from ui.i18n import current_lang, t
from ui.mse import code as mse_code
from ui.mse.charts import gradient_heatmap, squared_error_heatmap
from ui.mse.formulas import equals, grad_tex, loss_tex, num_with_fraction
from ui.mse.inputs import MSESettings
from ui.numbers import num, tex_num
from ui.state import url_number, url_select

FLAG_OPTIONS = ["None", "True", "False"]
FLAG_VALUES = {"None": None, "True": True, "False": False}


def tensor_table(values) -> pd.DataFrame:
    """A matrix as a table with 0-based row and column labels, as Python indexes it, and the page's number format."""
    return pd.DataFrame(values).map(num)


def loss(s: MSESettings, data: dict, *, hidden: bool = False) -> None:
    """The squared-error heatmap, the loss and its formula with the live numbers."""
    reduction, n, d = s.reduction, s.n, s.d
    report = data["reports"][reduction]
    if hidden:  # quiz mode: no heatmap, so the explanation takes the full width
        loss_col = st.container()
    else:
        chart_col, loss_col = st.columns([2, 3])
        squared_error_heatmap(*s.lists(), report, current_lang(), chart_col)
    with loss_col:
        if reduction == "none":
            st.markdown(t("mse.result.none", n=n, d=d))
        elif not hidden:
            st.metric(t("mse.result.loss", reduction=reduction), num_with_fraction(report.loss.item()))
        explain = {
            "none": t("mse.result.explain_none"),
            "mean": t("mse.result.explain_mean", n=n, d=d, nd=n * d),
            "sum": t("mse.result.explain_sum", nd=n * d),
        }
        st.caption(explain[reduction])
    if not hidden:
        st.latex(loss_tex(report.diff.tolist(), reduction, report.loss.tolist()))


def gradient(s: MSESettings, data: dict, *, hidden: bool = False) -> None:
    """X.grad from autograd beside the closed form; for 'none', PyTorch's own backward() error and the way out."""
    reduction, n, d = s.reduction, s.n, s.d
    report = data["reports"][reduction]
    blocks = mse_code.gradient(reduction, report.backward_error, current_lang())
    if reduction == "none" and report.backward_error is None:
        st.info(t("mse.grad.none_one_element"))
    elif reduction == "none":
        st.markdown(t("mse.grad.none_why"))
        code(blocks[0])
        st.markdown(t("mse.grad.none_way_out"))
    code(blocks[-1])
    auto_col, closed_col = st.columns(2)
    one_element = reduction == "none" and report.backward_error is None
    auto_col.markdown(t("mse.grad.autograd_one" if one_element else f"mse.grad.autograd_{reduction}"))
    if not hidden:
        gradient_heatmap(*s.lists(), report, reduction, current_lang(), auto_col)
    closed_col.markdown(t(f"mse.grad.closed_{reduction}", nd=n * d))
    max_diff = (report.grad - report.grad_closed_form).abs().max().item()
    closed_col.metric(t("mse.grad.max_diff"), num(max_diff))
    if not hidden:
        st.latex(grad_tex(report.diff.tolist(), reduction))


def switching(s: MSESettings, data: dict, *, hidden: bool = False) -> None:
    """Same data, 'sum' vs 'mean': the n·d gradient ratio, the matching learning rates, the sum / batch_size idiom."""
    n, d = s.n, s.d
    nd = n * d
    lang = current_lang()
    mean_grad = data["reports"]["mean"].grad
    sum_grad = data["reports"]["sum"].grad
    nonzero = mean_grad != 0
    ratios = (sum_grad[nonzero] / mean_grad[nonzero]).tolist()
    if not hidden:
        key = "mse.switch.ratio" if ratios else "mse.switch.ratio_zero"
        st.markdown(t(key, n=n, d=d, nd=nd, ratio=num(ratios[0]) if ratios else ""))
    lr = url_number(
        "lr", t("mse.switch.lr"), default=0.1, min_value=1e-6, max_value=10.0, format="%g", container=st.columns(3)[0]
    )
    lr_sum = lr / nd
    x_t = torch.tensor(s.x, dtype=mean_grad.dtype, device=mean_grad.device)
    step_mean = x_t - lr * mean_grad
    step_sum = x_t - lr_sum * sum_grad
    st.latex(
        rf"\eta_{{\text{{sum}}}} = \frac{{\eta_{{\text{{mean}}}}}}{{n\cdot d}} = \frac{{{tex_num(lr)}}}{{{n}\cdot {d}}}"
        + equals(lr_sum)
        + tex_num(lr_sum)
    )
    step_cols = st.columns(2)
    step_cols[0].markdown(t("mse.switch.step_mean", lr=equals(lr, tex=False).strip() + f" {num(lr)}"))
    step_cols[1].markdown(t("mse.switch.step_sum", lr=equals(lr_sum, tex=False).strip() + f" {num(lr_sum)}"))
    if not hidden:  # X − lr·X.grad gives the gradient away
        step_cols[0].dataframe(tensor_table(step_mean.tolist()))
        step_cols[1].dataframe(tensor_table(step_sum.tolist()))
    step_diff = (step_mean - step_sum).abs().max().item()
    st.metric(t("mse.switch.step_diff"), num(step_diff))
    code(mse_code.switching(lr, nd, step_diff, lang))
    st.subheader(t("mse.switch.batch_title"))
    loss_sum = data["reports"]["sum"].loss.item()
    loss_mean = data["reports"]["mean"].loss.item()
    code(mse_code.per_row(None if hidden else loss_sum / n, lang))
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


def norms(s: MSESettings, data: dict, *, hidden: bool = False) -> None:
    """The 'sum' loss is the squared Frobenius norm (what torch.norm(X − Y, 2) computes for a matrix), not
    the squared spectral norm; each norm named, with numbers."""
    n, d = s.n, s.d
    lang = current_lang()
    loss_sum = data["reports"]["sum"].loss.item()
    loss_mean = data["reports"]["mean"].loss.item()
    frobenius, spectral, squared = data["norm"], data["spectral_norm"], data["squared_norm"]
    st.markdown(t("mse.norms.intro"))
    if hidden:
        code(mse_code.norms(None, lang))
        return
    rows = [
        ("MSELoss(reduction='sum')(X, Y)", "mse.norms.what_sum", loss_sum),
        ("torch.norm(X - Y, 2) ** 2", "mse.norms.what_fro_sq", squared),
        ("torch.norm(X - Y, 2)", "mse.norms.what_fro", frobenius),
        ("torch.linalg.matrix_norm(X - Y, ord=2)", "mse.norms.what_spectral", spectral),
        ("torch.linalg.matrix_norm(X - Y, ord=2) ** 2", "mse.norms.what_spectral_sq", spectral**2),
        ("MSELoss(reduction='mean')(X, Y)", "mse.norms.what_mean", loss_mean),
    ]
    table = pd.DataFrame(
        {
            t("mse.norms.expression"): [expression for expression, _, _ in rows],
            t("mse.norms.what"): [t(key) for _, key, _ in rows],
            t("mse.norms.value"): [num_with_fraction(value) for _, _, value in rows],
        }
    )
    st.dataframe(table, hide_index=True)
    same = abs(spectral**2 - squared) <= 1e-9 * max(1.0, squared)
    explain = dict(sq=num(squared), fro=num(frobenius), nd=n * d, spec=num(spectral), spec_sq=num(spectral**2))
    st.markdown(t("mse.norms.explain", **explain))
    st.markdown(t("mse.norms.rank_one" if same else "mse.norms.rank_more"))
    code(mse_code.norms((squared, frobenius, spectral), lang))


def numpy_by_hand(s: MSESettings, data: dict, *, hidden: bool = False) -> None:
    """Seed 002's NumPy version with axis=None and axis=0, matched against PyTorch."""
    d = s.d
    loss_mean = data["reports"]["mean"].loss.item()
    st.markdown(t("mse.numpy.intro"))
    code(mse_code.NUMPY_MSE)
    code(mse_code.numpy_use(None if hidden else (data["numpy_all"], data["numpy_cols"])))
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
            index=range(d),
        )
    )
    st.caption(t("mse.numpy.match", diff=num(abs(data["numpy_all"] - loss_mean))))


def autograd_vs_backward(s: MSESettings, data: dict, *, hidden: bool = False) -> None:
    """torch.autograd.grad returns a tuple; backward() fills .grad and accumulates when called twice on a
    kept graph; a freed graph refuses a third; a training step zeroes .grad and builds a fresh graph."""
    lang, reduction = current_lang(), s.reduction
    demo_reduction = "sum" if reduction == "sum" else "mean"
    demo = data["demos"][demo_reduction]
    if reduction == "none":
        error = data["reports"]["none"].backward_error
        st.caption(t("mse.autograd.uses_mean_raises" if error else "mse.autograd.uses_mean"))
        for block in mse_code.autograd_intro(error, lang):
            code(block)
    st.markdown(t("mse.autograd.grad_title"))
    code(mse_code.autograd_grad(demo, lang))
    if not hidden:
        st.dataframe(tensor_table(demo.autograd_grad[0].tolist()))
    st.markdown(t("mse.autograd.backward_title"))
    code(mse_code.backward_once(lang))
    if not hidden:
        st.dataframe(tensor_table(demo.grad_after_one_backward.tolist()))
    st.markdown(t("mse.autograd.twice"))
    code(mse_code.backward_twice(lang))
    if not hidden:
        st.dataframe(tensor_table(demo.grad_after_two_backwards.tolist()))
    st.markdown(t("mse.autograd.freed"))
    code(mse_code.backward_freed(demo, lang))
    st.markdown(t("mse.autograd.fresh"))
    code(mse_code.fresh_forward(demo_reduction, lang))
    if not hidden:
        st.dataframe(tensor_table(demo.grad_after_zero_and_fresh_forward.tolist()))


def _legacy_block(data: dict, size_average: str, reduce: str, reduction: str, hidden: bool) -> str:
    """`nn.MSELoss` with these flags and `reduction=`, run live: the reduction it uses, its warning, its loss."""
    call = legacy_call(FLAG_VALUES[size_average], FLAG_VALUES[reduce], reduction)
    loss = data["reports"][call.reduction].loss
    loss_text = None if hidden else (t("mse.legacy.none_loss") if call.reduction == "none" else num(loss.item()))
    return mse_code.legacy(size_average, reduce, reduction, call, loss_text, current_lang())


def legacy_flags(s: MSESettings, data: dict, *, hidden: bool = False) -> None:
    """The deprecated size_average/reduce flags: the reduction they impose, even over `reduction=`, and
    PyTorch's warning, all read off a real `nn.MSELoss`."""
    reduction = s.reduction
    st.markdown(t("mse.legacy.intro"))
    code(_legacy_block(data, "False", "None", "mean", hidden))
    st.markdown(t("mse.legacy.try", reduction=reduction))
    flag_cols = st.columns(2)
    size_average = url_select("size_average", "size_average", FLAG_OPTIONS, widget="segmented", container=flag_cols[0])
    reduce = url_select("reduce", "reduce", FLAG_OPTIONS, widget="segmented", container=flag_cols[1])
    call = legacy_call(FLAG_VALUES[size_average], FLAG_VALUES[reduce], reduction)
    if call.warning:
        st.markdown(t("mse.legacy.maps_to", size_average=size_average, reduce=reduce, reduction=call.reduction))
        code(_legacy_block(data, size_average, reduce, reduction, hidden))
    else:
        st.markdown(t("mse.legacy.no_warning", reduction=reduction))
    combinations = itertools.product(FLAG_OPTIONS, FLAG_OPTIONS)
    calls = {(a, r): legacy_call(FLAG_VALUES[a], FLAG_VALUES[r], reduction) for a, r in combinations}
    table = pd.DataFrame(
        {
            "size_average": [a for a, _ in calls],
            "reduce": [r for _, r in calls],
            ".reduction": [c.reduction for c in calls.values()],
            t("mse.legacy.warns"): [t("mse.legacy.yes" if c.warning else "mse.legacy.no") for c in calls.values()],
        }
    )
    st.markdown(t("mse.legacy.table", reduction=reduction))
    st.dataframe(table, hide_index=True)


def reproduce(s: MSESettings, data: dict, *, hidden: bool = False) -> None:
    """A plain-PyTorch script that prints the same loss and gradient, shown and offered as a download."""
    st.markdown(t("mse.code.intro_none" if s.reduction == "none" else "mse.code.intro"))
    script(to_pytorch_script(*s.lists(), reduction=s.reduction), f"mse_{s.reduction}.py")


TABS = {
    "result": loss,
    "grad": gradient,
    "switch": switching,
    "norms": norms,
    "numpy": numpy_by_hand,
    "autograd": autograd_vs_backward,
    "legacy": legacy_flags,
    "code": reproduce,
}
