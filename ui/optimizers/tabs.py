"""The optimizers page's tabs, one render function each, drawn from the settings and the runs."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core.errors import InputError
from core.optimizers import torch_call
from core.regression import to_pytorch_script
from ui.chart import data_table, described
from ui.charts.surface import contour, downsample
from ui.code import script
from ui.errors import show_input_error
from ui.i18n import t
from ui.numbers import count, num
from ui.optimizers import charts
from ui.optimizers.compute import Run, surface_frame
from ui.optimizers.inputs import Settings, optimizer_label
from ui.optimizers.updates import hand_written_gap, update_lines
from ui.state import url_number, url_select

Runs = dict[str, Run]
_PATH_POINTS = 2000  # per optimizer, before the chart thins a path to its own limit
_TABLE_ROWS = 50  # rows of a chart's data table


def param_codes(d: int) -> list[str]:
    """θ's entries as URL codes, 0-based like w's indices: w0 … w(d-1), then b."""
    return [f"w{j}" for j in range(d)] + ["b"]


def param_name(code: str) -> str:
    return "b" if code == "b" else f"w{code[1:].translate(str.maketrans('0123456789', '₀₁₂₃₄₅₆₇₈₉'))}"


def step_control(runs: Runs) -> int:
    """The step the update tab and the quiz are about (URL `step`, 1-based); returns it 0-based."""
    last = max(run.steps for run in runs.values())
    if st.session_state.get("step", 1) > last:  # the runs got shorter
        st.session_state["step"] = last
    step = url_number(
        "step",
        t("optimizers.update.step"),
        default=1,
        min_value=1,
        max_value=max(last, 1),
        help=t("optimizers.update.step_help", last=count(last)),
    )
    return int(step) - 1


def _reached_text(run: Run, optimum_loss: float) -> str:
    if run.diverged_step is not None:
        return t("optimizers.race.diverged_at", step=count(run.diverged_step + 1))
    reached = run.reached(optimum_loss)
    return t("optimizers.race.never") if reached is None else count(reached)


def render_race(settings: Settings, runs: Runs, optimum: tuple[np.ndarray, float], hidden: bool) -> None:
    """Who reaches the optimum and when, the loss curves, and the paths on the loss surface."""
    if hidden:
        return
    theta_star, best = optimum
    st.subheader(t("optimizers.race.table"))
    rows = [
        {
            t("optimizers.race.col_name"): optimizer_label(c.optimizer),
            t("optimizers.race.col_call"): torch_call(c, "params"),
            t("optimizers.race.col_final"): num(runs[c.optimizer].full_loss[-1]),
            t("optimizers.race.col_reached"): _reached_text(runs[c.optimizer], best),
        }
        for c in settings.configs
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")  # a grid: it scrolls by keyboard on a phone
    st.caption(t("optimizers.race.optimum", loss=num(best)))
    _loss_curves(settings, runs, best)
    _surface(settings, runs, theta_star)


def _loss_curves(settings: Settings, runs: Runs, best: float) -> None:
    st.subheader(t("optimizers.race.curves"))
    steps, epochs, items = [], [], []
    for c in settings.configs:
        run, label = runs[c.optimizer], optimizer_label(c.optimizer)
        losses = pd.DataFrame({"step": np.arange(run.steps + 1), "loss": run.full_loss, "run": label})
        steps.append(downsample(losses))
        ends = (np.arange(len(run.epoch_loss)) + 1) * run.steps_per_epoch
        epochs.append(pd.DataFrame({"step": ends, "loss": run.epoch_loss, "run": label}))
        items.append(
            t("optimizers.race.curve_item", name=label, start=num(run.full_loss[0]), end=num(run.full_loss[-1]))
        )
    table = _epoch_table(settings, runs)
    described(
        charts.loss_curves,
        pd.concat(steps, ignore_index=True),
        pd.concat(epochs, ignore_index=True),
        summary=t("optimizers.race.curves_summary", optimum=num(best), items=t("optimizers.page.sep").join(items)),
        data=table,
        optimum=best,
        x_title=t("optimizers.race.x_step"),
        y_title=t("optimizers.race.y_loss"),
    )


def _epoch_table(settings: Settings, runs: Runs) -> pd.DataFrame:
    """The full-data loss after each epoch (at most _TABLE_ROWS epochs, evenly spaced), one column per optimizer."""
    epochs = max(len(runs[c.optimizer].epoch_loss) for c in settings.configs)
    kept = np.unique(np.linspace(0, max(epochs - 1, 0), min(epochs, _TABLE_ROWS)).round().astype(int))
    table = {t("optimizers.race.col_epoch"): kept + 1}
    for c in settings.configs:
        losses = runs[c.optimizer].epoch_loss
        table[optimizer_label(c.optimizer)] = [float(losses[e]) if e < len(losses) else np.nan for e in kept]
    return pd.DataFrame(table)


def _box(points: list[np.ndarray], start: np.ndarray, center: np.ndarray) -> tuple[float, float]:
    """A range holding the start, the optimum and the paths, but not a diverged path's far-off points."""
    reach = max(abs(float(start - center)), 1e-3) * 5
    values = np.concatenate([*points, [start, center]])
    values = values[np.isfinite(values) & (np.abs(values - center) <= reach)]
    low, high = float(values.min()), float(values.max())
    pad = max(high - low, 1e-3) * 0.1
    return low - pad, high + pad


def _surface(settings: Settings, runs: Runs, theta_star: np.ndarray) -> None:
    st.subheader(t("optimizers.race.surface"))
    data, codes = settings.data, param_codes(settings.data.d)
    left, right = st.columns(2)
    pa = url_select("pa", t("optimizers.race.pa"), codes, default=codes[0], format_func=param_name, container=left)
    pb = url_select("pb", t("optimizers.race.pb"), codes, default=codes[-1], format_func=param_name, container=right)
    if pa == pb:
        st.info(t("optimizers.race.same_axes"))
        return
    ia, ib = codes.index(pa), codes.index(pb)
    paths, ends = [], []
    for c in settings.configs:
        run, label = runs[c.optimizer], optimizer_label(c.optimizer)
        kept = downsample(pd.DataFrame({"a": run.theta[:, ia], "b": run.theta[:, ib]}), _PATH_POINTS)
        paths.append(kept.assign(order=kept.index, run=label))
        ends.append(t("optimizers.race.end_item", name=label, a=num(run.theta[-1, ia]), b=num(run.theta[-1, ib])))
    start = next(iter(runs.values())).theta[0]
    path_frame = pd.concat(paths, ignore_index=True)
    box = (
        *_box([p["a"].to_numpy() for p in paths], start[ia], theta_star[ia]),
        *_box([p["b"].to_numpy() for p in paths], start[ib], theta_star[ib]),
    )
    surface = surface_frame(data.key, data.X, data.y, (ia, ib), tuple(theta_star), box)
    marks = pd.DataFrame(
        {
            "a": [start[ia], theta_star[ia]],
            "b": [start[ib], theta_star[ib]],
            "label": [t("optimizers.race.mark_start"), t("optimizers.race.mark_optimum")],
        }
    )
    a_name, b_name = param_name(pa), param_name(pb)
    summary = t(
        "optimizers.race.surface_summary",
        a=a_name,
        b=b_name,
        a_star=num(theta_star[ia]),
        b_star=num(theta_star[ib]),
        a0=num(start[ia]),
        b0=num(start[ib]),
        ends=t("optimizers.page.sep").join(ends),
    )
    table = (
        path_frame.groupby("run", sort=False)
        .tail(1)[["run", "order", "a", "b"]]
        .rename(
            columns={
                "run": t("optimizers.race.col_name"),
                "order": t("optimizers.race.col_order"),
                "a": t("optimizers.race.col_a"),
                "b": t("optimizers.race.col_b"),
            }
        )
    )
    described(
        contour,
        surface,
        path_frame,
        marks,
        summary=summary,
        data=table,
        a_title=a_name,
        b_title=b_name,
        loss_title="MSE",
    )
    if data.d > 1:
        held = ", ".join(
            f"{param_name(code)} = {num(theta_star[k])}" for k, code in enumerate(codes) if code not in (pa, pb)
        )
        st.caption(t("optimizers.race.slice", dims=data.d + 1, held=held))


def render_update(settings: Settings, runs: Runs, step: int, hidden: bool) -> None:
    """Step `step` (0-based) of every optimizer for one parameter, with the run's numbers, and the state table."""
    codes = param_codes(settings.data.d)
    code = url_select("coord", t("optimizers.update.coord"), codes, default=codes[0], format_func=param_name)
    if hidden:
        return
    j = codes.index(code)
    symbol = "b" if code == "b" else f"w_{{{code[1:]}}}"
    st.markdown(t("optimizers.update.intro", step=count(step + 1), param=param_name(code)))
    for c in settings.configs:
        run, label = runs[c.optimizer], optimizer_label(c.optimizer)
        with st.container(border=True):
            st.markdown(f"**{label}** · `{torch_call(c, 'params')}`")
            if step >= run.steps:
                st.info(t("optimizers.update.not_reached", name=label, step=count(run.diverged_step + 1)))
                continue
            for line in update_lines(c, run, step, j, symbol):
                st.latex(line)
            st.caption(t("optimizers.update.agree", diff=num(hand_written_gap(c, run, step))))
            _state_table(run, step, settings.data.d)


def _state_table(run: Run, i: int, d: int) -> None:
    """Every parameter's value before, gradient, state (PyTorch's names) and value after step i."""
    table = {
        t("optimizers.update.col_param"): [param_name(code) for code in param_codes(d)],
        t("optimizers.update.col_before"): run.theta[i],
        ".grad": run.grad[i],
        **{name: values[i] for name, values in run.state.items()},
        t("optimizers.update.col_after"): run.theta[i + 1],
    }
    # not in an expander: a grid drawn while folded keeps its width when the window narrows to a phone
    st.markdown(t("optimizers.update.state_table", step=count(i + 1)))
    st.dataframe(data_table(pd.DataFrame(table)), width="stretch")


def render_code(settings: Settings) -> None:
    """One plain-PyTorch script per optimizer that reproduces its run."""
    st.markdown(t("optimizers.code.intro"))
    data = settings.data
    dataset = data.dataset
    if dataset["kind"] == "table":  # a CSV: its values, with x₀ already multiplied, written into the script
        dataset = {"kind": "table", "X": data.X.tolist(), "y": data.y.tolist()}
    for c in settings.configs:
        st.subheader(optimizer_label(c.optimizer))
        try:
            source = to_pytorch_script(c, dataset)
        except InputError as error:
            show_input_error(error)
            return
        script(source, f"loss_lab_{c.optimizer}.py")
