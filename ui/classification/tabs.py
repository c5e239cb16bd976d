"""One render function per tab of the classification page, each drawing from the settings and the run."""

from __future__ import annotations

from urllib.parse import urlencode

import numpy as np
import pandas as pd
import streamlit as st

from core.errors import InputError
from core.export import to_pytorch_script
from core.logit_gradients import SampleGradients, mse_onehot
from core.optimizers import torch_call
from ui.chart import described
from ui.classification import charts, lessons
from ui.classification.compute import Run, grid_bounds, point_frame, region_frame, sweep_frame
from ui.classification.inputs import Settings
from ui.code import code, script
from ui.errors import show_input_error
from ui.i18n import t
from ui.numbers import count, num, tex_num


def bmatrix(values: np.ndarray) -> str:
    """A vector (as a column) or a matrix as a LaTeX bmatrix, numbers as ui/numbers writes them."""
    rows = np.atleast_2d(values) if np.ndim(values) == 2 else np.asarray(values).reshape(-1, 1)
    body = r" \\ ".join(" & ".join(tex_num(v) for v in row) for row in rows)
    return r"\begin{bmatrix}" + body + r"\end{bmatrix}"


def show_warnings(settings: Settings, run: Run) -> None:
    """What the run itself says about the settings: it stopped on a non-finite number."""
    if run.diverged:
        st.warning(
            t("classification.warn.diverged", step=count((run.diverged_step or 0) + 1), lr=num(settings.config.lr)),
            icon=":material/warning:",
        )


def hidden_here() -> None:
    st.caption(":material/visibility_off: " + t("classification.quiz.hidden_tab"))


def render_regions(settings: Settings, run: Run, step: int, sample: int, hidden: bool) -> None:
    """The decision regions after `step` steps, the points on top, misclassified ones ringed."""
    if hidden:
        hidden_here()
        return
    data = settings.data
    W, b = run.parameters(step)
    points = point_frame(data.X, data.y, W, b)
    cells = region_frame(W, b, grid_bounds(data.X))
    wrong = int(points["wrong"].sum())
    counts = cells["predicted"].value_counts()
    largest = int(counts.idxmax())
    summary = t(
        "classification.regions.summary", step=count(step), wrong=count(wrong), n=count(data.n),
        accuracy=num(1 - wrong / data.n), largest=largest, share=num(counts.max() / len(cells)), i=sample,
    )  # fmt: skip
    classes = np.arange(run.classes)
    table = pd.DataFrame(  # per class: a table a screen reader can take in, however many points there are
        {
            t("classification.col.label"): classes,
            t("classification.col.points"): np.bincount(data.y, minlength=run.classes),
            t("classification.col.wrong"): np.bincount(data.y[points["wrong"].to_numpy()], minlength=run.classes),
            t("classification.col.share"): (counts.reindex(classes, fill_value=0) / len(cells)).to_numpy(),
        }
    )
    followed = pd.DataFrame({"x": [float(data.X[sample, 0])], "y": [float(data.X[sample, 1])]})
    described(
        charts.regions, cells, points, followed, summary=summary, data=table, classes=run.classes,
        x_title=data.features[0], y_title=data.features[1], class_title=t("classification.col.label"),
        wrong_title=t("classification.regions.wrong"),
    )  # fmt: skip
    st.caption(t("classification.regions.how"))


def render_curves(settings: Settings, run: Run, step: int) -> None:
    """Loss, accuracy and ‖W‖ after each epoch, with the replayed step's epoch marked."""
    epochs = np.arange(1, len(run.epoch_loss) + 1)
    if len(epochs) == 0:
        st.info(t("classification.curves.none"))
        return
    spe = run.steps_per_epoch
    norms = np.linalg.norm(run.W[spe - 1 :: spe].reshape(len(epochs), -1), axis=1)[: len(epochs)]
    current = step / spe if step else None
    config = settings.config
    loss_name = t("classification.curves.loss", reduction=config.reduction)
    series = [
        ("loss", loss_name, run.epoch_loss),
        ("accuracy", t("classification.curves.accuracy"), run.epoch_accuracy),
        ("norm", t("classification.curves.norm"), norms),
    ]
    for code_, title, values in series:
        frame = pd.DataFrame({"epoch": epochs, "value": values.astype(float)})
        summary = t(
            f"classification.curves.summary_{code_}", first=num(values[0]), last=num(values[-1]),
            epochs=count(len(epochs)), high=num(values.max()), low=num(values.min()),
        )  # fmt: skip
        table = frame.rename(columns={"epoch": t("classification.col.epoch"), "value": title})
        described(
            charts.epoch_curve, frame, summary=summary, data=table, x_title=t("classification.col.epoch"),
            y_title=title, current=current,
        )  # fmt: skip
    st.caption(t("classification.curves.how", reduction=config.reduction, smoothing=num(config.label_smoothing)))


def render_sample(settings: Settings, run: Run, step: int, sample: int, s: SampleGradients, hidden: bool) -> None:
    """Sample `sample` from its features to ∂loss/∂W under the parameters after `step` steps (`s`, from
    `compute.sample_numbers`), with live numbers."""
    config = settings.config
    W, b = run.parameters(step)
    k, y = len(s.z), s.label
    st.markdown(t("classification.sample.intro", i=sample, label=y, step=count(step)))
    st.latex(rf"x = {bmatrix(s.x.numpy())},\quad y = {y},\quad W = {bmatrix(W)},\quad b = {bmatrix(b)}")
    if hidden:
        hidden_here()
        return
    p, q, z = s.p.numpy(), s.q.numpy(), s.z.numpy()
    st.markdown(t("classification.sample.logits"))
    st.latex(rf"z = Wx + b = {bmatrix(W)}{bmatrix(s.x.numpy())} + {bmatrix(b)} = {bmatrix(z)}")
    st.markdown(t("classification.sample.softmax"))
    st.latex(
        rf"p_k = \frac{{e^{{z_k}}}}{{\sum_j e^{{z_j}}}},\quad p = {bmatrix(p)},\quad"
        rf" \hat y = \arg\max_k z_k = {int(np.argmax(z))}"
    )
    eps = config.label_smoothing
    if eps:
        st.markdown(t("classification.sample.smoothed", eps=num(eps), k=k))
        st.latex(
            rf"q = (1 - {tex_num(eps)})\,e_{{{y}}} + \frac{{{tex_num(eps)}}}{{{k}}} = {bmatrix(q)},\quad"
            rf" \ell = -\sum_k q_k \log p_k = {tex_num(s.loss)}"
        )
    else:
        st.markdown(t("classification.sample.loss"))
        st.latex(rf"\ell = -\log p_{{{y}}} = -\log {tex_num(p[y])} = {tex_num(s.loss)}")
    scale = r"\frac{1}{" + str(round(1 / s.scale)) + "}" if config.reduction == "mean" else ""
    target = "q" if eps else rf"e_{{{y}}}"
    st.markdown(t(f"classification.sample.grad_z_{config.reduction}", b=count(round(1 / s.scale))))
    st.latex(
        rf"\frac{{\partial \ell}}{{\partial z}} = {scale}(p - {target}) = {scale}{bmatrix(p - q)} = "
        rf"{bmatrix(s.grad_z.numpy())}"
    )
    st.markdown(t("classification.sample.grad_W"))
    st.latex(
        rf"\frac{{\partial \ell}}{{\partial W}} = \frac{{\partial \ell}}{{\partial z}}\,x^\top = "
        rf"{bmatrix(s.grad_W.numpy())},\quad"
        rf" \frac{{\partial \ell}}{{\partial b}} = \frac{{\partial \ell}}{{\partial z}}"
    )
    gap = max(float((s.grad_W - s.grad_W_autograd).abs().max()), float((s.grad_z - s.grad_z_autograd).abs().max()))
    st.success(t("classification.sample.autograd", gap=num(gap)), icon=":material/check_circle:")
    logits = ",".join(num(v) for v in z)
    link = "softmax?" + urlencode({"logits": logits, "target": y, "tab": "vjp", "v": "ce"})
    st.markdown(t("classification.sample.jacobian", link=link))
    if eps:
        st.caption(t("classification.sample.jacobian_smoothing"))
    _mse_side_by_side(s)
    code(sample_code(W, b, s, config.reduction, eps, min(config.batch_size, settings.data.n)))


def _mse_side_by_side(s: SampleGradients) -> None:
    """The same logits under MSE on the one-hot target: its gradient with respect to z beside cross-entropy's."""
    _, mse_grad = mse_onehot(s.z, s.label)
    ce_grad = s.p - s.q
    st.markdown(t("classification.sample.mse"))
    st.latex(
        rf"\frac{{\partial\,\mathrm{{CE}}}}{{\partial z}} = p - q = {bmatrix(ce_grad.numpy())},\qquad"
        rf" \frac{{\partial\,\mathrm{{MSE}}}}{{\partial z}} = (\operatorname{{diag}}(p) - pp^\top)\,"
        rf"\frac{{2(p - e_{{{s.label}}})}}{{{len(s.z)}}}"
        rf" = {bmatrix(mse_grad.numpy())}"
    )
    ce_norm, mse_norm = float(ce_grad.norm()), float(mse_grad.norm())
    key = "smaller" if mse_norm < ce_norm else "larger"
    st.caption(t(f"classification.sample.mse_{key}", ce=num(ce_norm), mse=num(mse_norm), p=num(float(s.p[s.label]))))


def sample_code(W: np.ndarray, b: np.ndarray, s: SampleGradients, reduction: str, eps: float, batch: int) -> str:
    """The walk-through in PyTorch (float64): autograd fills W.grad with the numbers above."""
    share = f" / {batch}  # this sample's share of a batch of {batch} ('mean')" if reduction == "mean" else ""
    smoothing = f", label_smoothing={eps!r}" if eps else ""
    rows = ",\n".join(f"    {_nested(row)}" for row in np.asarray(W))
    return "\n".join(
        [
            "import torch",
            "import torch.nn.functional as F",
            "",
            "# the model after the replayed step, and one sample (a batch of one row)",
            f"W = torch.tensor([\n{rows},\n], dtype=torch.float64, requires_grad=True)",
            f"b = torch.tensor({_nested(b)}, dtype=torch.float64, requires_grad=True)",
            f"x = torch.tensor([{_nested(s.x)}], dtype=torch.float64)",
            f"y = torch.tensor([{s.label}])",
            "z = F.linear(x, W, b)  # what nn.Linear computes",
            f"loss = F.cross_entropy(z, y{smoothing}){share}",
            "loss.backward()",
            f"print(torch.softmax(z, dim=1))  # {[round(float(v), 4) for v in s.p]}",
            "print(W.grad)",
            *(f"# {[round(float(v), 4) for v in row]}" for row in s.grad_W),
        ]
    )


def _nested(values) -> str:
    """Values as a Python list literal, each float32 number in its shortest form (the run is float32)."""
    array = np.asarray(values, dtype=np.float32)
    if array.ndim == 0:
        return str(array)
    return "[" + ", ".join(_nested(v) for v in array) + "]"


def render_lessons(settings: Settings, device: str) -> None:
    """Each lesson: what it shows, its link, and a sentence built from the numbers of its own runs."""
    st.markdown(t("classification.lessons.intro"))
    for lesson in lessons.LESSONS:
        with st.container(border=True):
            st.subheader(t(f"classification.lessons.{lesson}.title"))
            params, sentence = lessons.build(lesson, device)
            st.markdown(sentence)
            st.markdown(t("classification.lessons.open", link="classification?" + urlencode(params)))
            if lesson == "mse":
                frame = sweep_frame(3)
                long = pd.concat(
                    [
                        pd.DataFrame({"margin": frame["margin"], "loss": name, "norm": frame[column]})
                        for column, name in (
                            ("ce", t("classification.lessons.ce")),
                            ("mse", t("classification.lessons.mse_on")),
                        )
                    ]
                )
                table = frame.rename(
                    columns={
                        "margin": t("classification.lessons.margin"), "p_label": "p_y",
                        "ce": t("classification.lessons.ce"), "mse": t("classification.lessons.mse_on"),
                    }
                )  # fmt: skip
                described(
                    charts.gradient_sweep, long, summary=lessons.sweep_summary(frame), data=table,
                    x_title=t("classification.lessons.margin"), y_title=t("classification.lessons.norm"),
                )  # fmt: skip


def render_code(settings: Settings) -> None:
    """The exported plain-PyTorch script of this run."""
    data = settings.data
    st.markdown(t("classification.code.intro", call=torch_call(settings.config.train_config)))
    try:
        source = to_pytorch_script(settings.config, data.dataset)
    except InputError as error:
        show_input_error(error)
        return
    script(source, "softmax_regression.py")
