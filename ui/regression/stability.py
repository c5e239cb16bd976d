"""The regression page's learning-rate lesson: full-batch GD's bound against this run's batches, with the fix.

Everything here is built from `core.stability.StepSizeLimits` and the run's own numbers, so each sentence
says what this data, batch size, order and convention do.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import streamlit as st

from core.regression import MAX_LR, StepSizeLimits, TrainConfig
from ui.i18n import t
from ui.numbers import count, num
from ui.regression.compute import Data, Run, gram_condition
from ui.regression.notation import param_names, param_symbol
from ui.state import encode_number, write_param
from ui.text import escape_md

SMALLEST_LR = 1e-6  # the learning-rate field's minimum
_HESSIAN_FACTOR = {"mean": r"\tfrac{2}{B}", "sum": "2", "sum_over_batch": r"\tfrac{2}{B}", "half_mean": r"\tfrac{1}{B}"}
_FULL_FACTOR = {"mean": r"\tfrac{2}{n}", "sum": "2", "sum_over_batch": r"\tfrac{2}{n}", "half_mean": r"\tfrac{1}{n}"}
MAX_LISTED = 3  # feature columns written out in the standardisation caption
MAX_HELD = 6  # held parameters written out in the loss-surface sentence


def _use_lr(value: float) -> None:
    st.session_state["lr"] = value
    write_param("lr", encode_number(value))


def bounds_text(data: Data, run: Run, config: TrainConfig, limits: StepSizeLimits) -> str:
    """Both bounds with their live numbers, and why they differ."""
    order = t("regression.lr.shuffled") if config.shuffle else t("regression.lr.fixed_order")
    text = t(
        "regression.lr.bounds",
        run_lr=num(limits.run_lr),
        batches=count(len(limits.batch_curvature)),
        B=config.batch_size,
        order=order,
        full_lr=num(limits.full_batch_lr),
        c=_FULL_FACTOR[config.loss],
        n=count(data.n),
        full_lam=num(limits.full),
    )
    ratio = num(limits.largest / limits.full)
    if config.batch_size == data.n:
        differ = t("regression.lr.differ_full")
    elif config.loss == "sum":
        differ = t("regression.lr.differ_sum", ratio=ratio)
    else:
        differ = t("regression.lr.differ_mean", ratio=ratio)
    return f"{text}\n\n{differ}"


def conditioning_text(data: Data, limits: StepSizeLimits) -> str:
    """How fast a stable η gets anywhere: the condition number, and what standardising would make of it."""
    kappa = limits.condition_number
    shrink = num(1 - 1 / kappa)
    if data.scaling is not None:
        return t("regression.lr.conditioning_std", kappa=num(kappa), shrink=shrink)
    after = gram_condition(data.key, data.X, standardized=True)
    return t("regression.lr.conditioning", kappa=num(kappa), shrink=shrink, kappa_std=num(after))


def render_lr_check(data: Data, run: Run, config: TrainConfig, limits: StepSizeLimits, quizzing: bool = False) -> None:
    """Above this run's bound: what happened, why, both bounds, and a one-click fix. Below it: the bounds,
    folded away. `quizzing`: the batch losses, which the questions may ask for, are left out."""
    lr = config.lr
    if lr <= limits.run_lr and not run.diverged:
        title = t("regression.lr.ok_title", lr=num(lr), run_lr=num(limits.run_lr), full_lr=num(limits.full_batch_lr))
        with st.expander(title, icon=":material/speed:"):
            st.markdown(bounds_text(data, run, config, limits))
            st.markdown(conditioning_text(data, limits))
        return
    parts = []
    if run.diverged:
        parts.append(t("regression.lr.diverged", step=run.diverged_step + 1, lr=num(lr)))
    else:
        parts.append(t("regression.lr.too_big", lr=num(lr)))
    if run.steps >= 2 and not quizzing:
        parts.append(t("regression.lr.went", first=num(run.loss[0]), last=num(run.loss[-1]), steps=count(run.steps)))
    if lr > limits.run_lr:
        first = limits.first_unstable_step(lr)  # never after a divergence: only such a step stretches the error
        lam = float(limits.batch_curvature[first])
        samples = run.batch(first)
        parts.append(
            t(
                "regression.lr.why",
                c=_HESSIAN_FACTOR[config.loss],
                step=count(first + 1),
                samples=", ".join(map(str, samples[:8])) + (", …" if len(samples) > 8 else ""),
                lam=num(lam),
                elam=num(lr * lam),
                factor=num(abs(1 - lr * lam)),
            )
        )
    else:  # below the bound and still not finite: the data itself is near float64's limit
        parts.append(t("regression.lr.overflow", run_lr=num(limits.run_lr)))
    parts.append(bounds_text(data, run, config, limits))
    box = st.error if run.diverged else st.warning
    box("\n\n".join(parts), icon=":material/error:" if run.diverged else ":material/warning:")
    suggested = min(limits.suggested_lr, MAX_LR)
    if suggested >= SMALLEST_LR:
        st.button(
            t("regression.lr.use", lr=num(suggested)), key="use_lr", icon=":material/auto_fix_high:",
            on_click=_use_lr, args=(suggested,), help=t("regression.lr.use_help"), type="primary",
        )  # fmt: skip
    else:
        st.info(t("regression.lr.too_small", lr=num(suggested), limit=num(SMALLEST_LR)))
    st.caption(conditioning_text(data, limits))


# --- standardised features -------------------------------------------------------------------------------------


def scaling_caption(container: Any, data: Data) -> None:
    """What standardising did to X, and how w and b map back to the original units."""
    mean, scale = data.scaling
    columns = [
        f"{escape_md(name)} ↦ ({escape_md(name)} − {num(m)}) / {num(s)}"
        for name, m, s in zip(data.features[:MAX_LISTED], mean, scale, strict=False)
    ]
    mapping = ", ".join(columns) + (", …" if data.d > MAX_LISTED else "")
    container.caption(t("regression.data.std_caption", mapping=mapping))


def original_units(data: Data, theta: np.ndarray, theta_star: np.ndarray) -> None:
    """The trained and the normal-equation (w, b) mapped back to the raw features (standardised data only)."""
    if data.scaling is None:
        return
    mean, scale = data.scaling

    def raw(values: np.ndarray) -> tuple[str, str]:
        w = values[:-1] / scale
        return "[" + ", ".join(num(v) for v in w) + "]", num(values[-1] - w @ mean)

    (w, b), (w_star, b_star) = raw(theta), raw(theta_star)
    st.markdown(t("regression.result.original_units", w=w, b=b, w_star=w_star, b_star=b_star))


def singular_note(data: Data) -> None:
    """When AᵀA is singular the normal equation has many solutions: say which one the table shows."""
    if np.isinf(gram_condition(data.key, data.X)):
        st.caption(t("regression.result.singular"))


def script_intro(config: TrainConfig, dataset: dict) -> str:
    """What the exported script uses, named from the run's loss and update."""
    d2l = config.loss == "half_mean" and config.optimizer == "manual"
    loss = t("regression.result.script_loss_d2l" if d2l else f"regression.result.script_loss_{config.loss}")
    update = t("regression.result.script_update_d2l" if d2l else f"regression.result.script_update_{config.optimizer}")
    extra = t("regression.result.script_standardize") if dataset.get("standardize") else ""
    return t("regression.result.script_intro", loss=loss, update=update, extra=extra)


def slice_sentence(d: int, pa: int, pb: int, center: np.ndarray, where: str) -> str:
    """Which slice of the (d + 1)-dimensional loss the surface plot is: the other parameters and their values."""
    names = [param_symbol(code) for code in param_names(d)]
    held = [f"{names[k]} = {num(center[k])}" for k in range(d + 1) if k not in (pa, pb)]
    shown = ", ".join(held[:MAX_HELD]) + (", …" if len(held) > MAX_HELD else "")
    return t("regression.curves.surface_slice", count=d + 1, a=names[pa], b=names[pb], held=shown, where=where)
