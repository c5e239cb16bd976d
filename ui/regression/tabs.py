"""The regression page's step control and its four tabs: one step, the curves, the batch regimes, the result."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pandas as pd
import streamlit as st

from core.errors import InputError
from core.regression import MAX_STEPS, steps_per_epoch, to_pytorch_script
from core.table import MAX_EMBEDDED_VALUES
from ui.code import script
from ui.errors import show_input_error
from ui.i18n import t
from ui.numbers import count, num
from ui.regression import figures
from ui.regression.compute import Run, optimum, trained
from ui.regression.inputs import Settings, regime, regime_label
from ui.regression.notation import amount, step_columns, step_formulas, where_one_over_b
from ui.regression.stability import original_units, script_intro, singular_note, slice_sentence
from ui.sidebar import selected_device
from ui.state import url_number, url_toggle

TABLE_WINDOW = 10  # steps shown on each side of the selected one
MAX_BATCH_ROWS = 50

# --- the step control --------------------------------------------------------------------------------------


def _move(delta: int, last: int) -> None:
    st.session_state["step"] = int(min(max(st.session_state.get("step", 1) + delta, 1), last))


def step_control(run: Run) -> int:
    """A slider and buttons over the steps; returns the selected step, 0-based. The 1-based step is in the URL."""
    last = run.steps
    if st.session_state.get("step", 1) > last:
        st.session_state["step"] = last
    if last == 1:
        st.caption(t("regression.control.one_step"))
        return 0
    cols = st.columns([2, 2, 2, 2, 7], vertical_alignment="bottom")
    buttons = [
        ("step_first", t("regression.control.first_step"), ":material/first_page:", -last),
        ("step_prev", t("regression.control.prev_step"), ":material/chevron_left:", -1),
        ("step_next", t("regression.control.next_step"), ":material/chevron_right:", 1),
        ("step_last", t("regression.control.last_step"), ":material/last_page:", last),
    ]
    for column, (key, label, icon, delta) in zip(cols, buttons, strict=False):
        column.button(label, key=key, icon=icon, on_click=_move, args=(delta, last), width="stretch")
    step = url_number(
        "step", t("regression.control.step_slider", total=count(last)), default=1, min_value=1, max_value=last,
        widget="slider", container=cols[4],
    )  # fmt: skip
    return int(step) - 1


# --- tab 1: one step ---------------------------------------------------------------------------------------


def render_step(settings: Settings, run: Run, i: int, hidden: bool) -> None:
    """The selected step: its batch, the loss, w.grad and b.grad, and the update, with the live numbers.

    `hidden` (quiz mode, questions not yet revealed): the formulas keep the inputs but not the results,
    the chart leaves out the line after the step and the step table is left out.
    """
    data, config = settings.data, settings.config
    spe = run.steps_per_epoch
    batch = run.batch(i)
    before, after = run.theta_at(i), run.theta_at(i + 1)
    B = len(batch)
    st.subheader(
        t("regression.step.title", step=count(i + 1), total=count(run.steps), epoch=count(i // spe + 1),
          k=count(i % spe + 1))
    )  # fmt: skip
    left, right = st.columns([3, 2])
    with left:
        for formula in step_formulas(config, run, i, hidden):
            st.latex(formula)
        if hidden:
            st.caption(t("regression.quiz.hidden_formula"))
        st.caption(t("regression.step.where"))
        if not hidden:
            st.caption(where_one_over_b(config, run, i))
    with right:
        figures.batch_figure(data, run, i, None if hidden else after)
        st.caption(t("regression.step.batch_highlight"))
    rows = batch[:MAX_BATCH_ROWS]
    y_hat = data.X[rows] @ before[:-1] + before[-1]
    table = pd.DataFrame({
        t("regression.step.col_sample"): rows,
        **{name: data.X[rows, j] for j, name in enumerate(data.features)},
        t("regression.step.col_y"): data.y[rows],
        t("regression.step.col_yhat"): y_hat,
        t("regression.step.col_residual"): y_hat - data.y[rows],
    })  # fmt: skip
    st.markdown(t("regression.step.batch_table", samples=amount(B, "sample")))
    number_table(table, table.columns[1:], pinned=[t("regression.step.col_sample")])
    if B > MAX_BATCH_ROWS:
        st.caption(t("regression.step.batch_rows_cut", shown=count(MAX_BATCH_ROWS), count=count(B)))
    if not hidden:
        _step_table(run, i)


def _step_table(run: Run, i: int) -> None:
    """The steps around the selected one (never the whole history: that is the CSV download)."""
    lo, hi = max(0, i - TABLE_WINDOW), min(run.steps, i + TABLE_WINDOW + 1)
    grads, params = step_columns(run.w.shape[1])
    table = pd.DataFrame({
        "": ["▶" if j == i else "" for j in range(lo, hi)],
        t("regression.step.col_step"): np.arange(lo, hi) + 1,
        t("regression.step.col_epoch"): np.arange(lo, hi) // run.steps_per_epoch + 1,
        t("regression.step.col_batch"): [_indices(run.batch(j)) for j in range(lo, hi)],
        t("regression.step.col_loss"): run.loss[lo:hi],
        **dict(zip(grads, [*run.grad_w[lo:hi].T, run.grad_b[lo:hi]], strict=True)),
        **dict(zip(params, [*run.w[lo:hi].T, run.b[lo:hi]], strict=True)),
    })  # fmt: skip
    st.markdown(t("regression.step.step_table", first=count(lo + 1), last=count(hi), total=count(run.steps)))
    st.caption(t("regression.step.index_convention"))
    number_table(
        table,
        [t("regression.step.col_loss"), *grads, *params],
        counts=[t("regression.step.col_step"), t("regression.step.col_epoch")],
        pinned=["", t("regression.step.col_step")],
    )


def _indices(batch: np.ndarray, limit: int = 6) -> str:
    return ", ".join(map(str, batch[:limit])) + (" …" if len(batch) > limit else "")


def number_table(
    table: pd.DataFrame,
    numbers: Sequence[str],
    counts: Sequence[str] = (),
    *,
    pinned: Sequence[str] = (),
    digits: int = 4,
) -> None:
    """A table whose numbers read as the formulas write them (ui/numbers: no false 0.0000, short scientific
    notation for huge values, thousands separators in counts), right-aligned as numbers are.

    The cells are sent as that text: the browser's table would write its own digits (and marks cells
    above 2⁵³ as unsafe), so a table and a formula could disagree."""
    shown = table.copy()
    for column in numbers:
        shown[column] = [num(v, digits) for v in table[column]]
    for column in counts:
        shown[column] = [count(v) for v in table[column]]
    # the columns that say which row it is stay in view while a wide table (many features) scrolls sideways
    config = {column: st.column_config.Column(pinned=True) for column in pinned}
    for column in [*numbers, *counts]:
        config[column] = st.column_config.TextColumn(alignment="right", pinned=column in pinned)
    st.dataframe(shown, hide_index=True, column_config=config)


# --- tab 2: training curves and the loss surface --------------------------------------------------------------


def render_curves(settings: Settings, run: Run, i: int, hidden: bool) -> None:
    """Loss per step and per epoch; the trajectory on the loss surface; the distance to the optimum.

    `hidden` (quiz mode, questions not yet revealed): the loss curve and the trajectory, which show the
    selected step's loss and parameters, are left out (the controls stay).
    """
    data, config = settings.data, settings.config
    st.subheader(t("regression.curves.loss_title"))
    if hidden:
        st.caption(t("regression.quiz.hidden_formula"))
    else:
        figures.loss_figure(data, run, config, i)
        st.caption(
            t("regression.curves.loss_caption") if run.batch_size < data.n else t("regression.curves.loss_caption_full")
        )
        if config.loss == "sum" and run.batch_size != data.n:
            st.caption(t("regression.curves.loss_sum_caption", batch=count(run.batch_size), n=count(data.n)))
            if data.n % run.batch_size:
                st.caption(t("regression.curves.loss_sum_last", last=amount(data.n % run.batch_size, "sample")))
    st.subheader(t("regression.curves.surface_title"))
    pa, pb = figures.choose_params(data.d)
    theta_star = optimum(data.key, data.X, data.y)
    paths = {t("regression.curves.run_this", batch=count(run.batch_size)): run.theta()}
    if hidden:
        st.caption(t("regression.quiz.hidden_formula"))
    else:
        figures.contour_figure(data, config, paths, theta_star, pa, pb, current=run.theta_at(i + 1))
        a, b = figures.param_label(pa, data.d), figures.param_label(pb, data.d)
        st.caption(t("regression.curves.surface_caption", a=a, b=b))
        if data.d > 1:
            st.caption(slice_sentence(data.d, pa, pb, theta_star, t("regression.curves.slice_optimum")))
    st.subheader(t("regression.curves.distance_title"))
    figures.distance_figure(paths, theta_star)


# --- tab 3: GD, mini-batch GD, SGD ---------------------------------------------------------------------------------


def render_regimes(settings: Settings, run: Run, i: int, hidden: bool) -> None:
    """Seed 004's point: the DataLoader's batch size and shuffling, not optim.SGD, decide the flavour (the
    selected step and quiz mode change nothing here)."""
    data, config = settings.data, settings.config
    st.markdown(t("regression.regimes.intro"))
    st.subheader(t("regression.regimes.strip_title"))
    epochs, positions = figures.strip_figure(data, run)
    st.caption(t("regression.regimes.strip_shuffled") if config.shuffle else t("regression.regimes.strip_fixed"))
    if positions < data.n:
        st.caption(t("regression.regimes.strip_cut_positions", positions=count(positions), n=count(data.n)))
    if epochs < run.orders.shape[0]:
        st.caption(t("regression.regimes.strip_cut_epochs", epochs=count(epochs), total=count(run.orders.shape[0])))
    sizes = sorted({1, run.batch_size, data.n})
    st.subheader(t("regression.regimes.compare_title", sizes=t("regression.page.list_sep").join(map(count, sizes))))
    if not url_toggle(
        "cmp", t("regression.regimes.compare_toggle"), default=False, help=t("regression.regimes.compare_help")
    ):
        return
    paths = {}
    for size in sizes:
        name = t(
            "regression.regimes.run_regime",
            regime=regime_label(regime(size, data.n, config.shuffle)),
            batch=count(size),
        )
        steps = config.epochs * steps_per_epoch(data.n, size)
        if steps > MAX_STEPS:
            st.info(
                t("regression.regimes.compare_skipped", batch=count(size), steps=count(steps), limit=count(MAX_STEPS))
            )
            continue
        try:
            result = trained(data, replace(config, batch_size=size), selected_device())
        except InputError as error:
            show_input_error(error)
            continue
        paths[name] = result.theta()
        if result.diverged:
            st.warning(
                t("regression.regimes.compare_diverged", batch=count(size), step=count(result.diverged_step + 1)),
                icon=":material/warning:",
            )
    if not paths:
        return
    pa, pb = figures.choose_params(data.d, draw=False)
    theta_star = optimum(data.key, data.X, data.y)
    figures.contour_figure(data, config, paths, theta_star, pa, pb)
    figures.distance_figure(paths, theta_star)
    st.caption(t("regression.regimes.compare_caption"))


# --- tab 4: the result, the script, the downloads ---------------------------------------------------------------


def render_result(settings: Settings, run: Run, i: int, hidden: bool) -> None:
    """Final w, b against the normal equation (and the truth for synthetic data); the plain-PyTorch script.

    `hidden` (quiz mode, questions not yet revealed): the history download (every step's numbers) is left
    out, and so are the final parameters when the questions are about the last step.
    """
    data, config = settings.data, settings.config
    theta_star = optimum(data.key, data.X, data.y)
    final = run.theta_at(run.steps)
    params = step_columns(data.d)[1]
    table = pd.DataFrame({
        t("regression.result.col_param"): params,
        t("regression.result.col_start"): run.theta_at(0),
        t("regression.result.col_final"): final,
        t("regression.result.col_optimum"): theta_star,
    })  # fmt: skip
    if data.true_w is not None:
        table[t("regression.result.col_true")] = [*data.true_w, data.true_b]
    st.subheader(t("regression.result.title"))
    if hidden and i == run.steps - 1:
        st.caption(t("regression.quiz.hidden_formula"))
    else:
        number_table(table, table.columns[1:], digits=6)  # as many decimals as the script prints
        st.markdown(t("regression.result.gap", gap=num(float(figures.distances(final[None, :], theta_star)[0]))))
        original_units(data, final, theta_star)
        singular_note(data)
    st.subheader(t("regression.result.script_title"))
    dataset = dict(data.dataset)
    if dataset["kind"] == "table":
        if data.n * (data.d + 1) > MAX_EMBEDDED_VALUES:
            st.info(t("regression.result.script_too_big", limit=count(MAX_EMBEDDED_VALUES)))
            dataset = None
        else:
            dataset.update(X=data.X.tolist(), y=data.y.tolist())
    if dataset is not None:
        source = to_pytorch_script(config, dataset)
        st.markdown(script_intro(config, dataset))
        script(source, "loss_lab_sgd.py")
    st.subheader(t("regression.result.history_title"))
    if hidden:
        st.caption(t("regression.quiz.hidden_formula"))
        return
    st.download_button(
        t("regression.result.history_download", steps=amount(run.steps, "step")), lambda: history_csv(run),
        file_name="sgd_history.csv", mime="text/csv", on_click="ignore", icon=":material/download:",
    )  # fmt: skip
    if run.batch_size > MAX_BATCH_ROWS:
        st.caption(t("regression.result.history_no_indices", limit=count(MAX_BATCH_ROWS)))


def history_csv(run: Run) -> str:
    """Every step as CSV: step, epoch, (batch indices), loss, w.grad, b.grad, w, b."""
    frame = pd.DataFrame(
        {"step": np.arange(1, run.steps + 1), "epoch": np.arange(run.steps) // run.steps_per_epoch + 1}
    )
    if run.batch_size <= MAX_BATCH_ROWS:
        frame["batch_indices"] = [" ".join(map(str, run.batch(i))) for i in range(run.steps)]
    frame["loss"] = run.loss
    grads, params = step_columns(run.w.shape[1])  # the step table's names, w.grad[0] …: one name per number
    for name, values in zip(grads, [*run.grad_w.T, run.grad_b], strict=True):
        frame[name] = values
    for name, values in zip(params, [*run.w.T, run.b], strict=True):
        frame[name] = values
    return frame.to_csv(index=False)


# every tab draws from the same four things: the settings, the run, the selected step (0-based) and whether
# quiz mode hides the results
TABS = {"step": render_step, "curves": render_curves, "regimes": render_regimes, "result": render_result}
