"""The regression page's other tabs: the training curves, the batch regimes, the result and the code."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core.errors import InputError
from core.export import MAX_EMBEDDED_VALUES
from core.regression import MAX_STEPS, TrainConfig, steps_per_epoch, to_pytorch_script
from ui import chart
from ui.charts import regression as charts
from ui.code import script
from ui.errors import show_input_error
from ui.i18n import t
from ui.numbers import count, num
from ui.regression_compute import Data, Run, config_key, optimum, surface_frame, training_run
from ui.regression_inputs import regime, regime_label
from ui.regression_stability import original_units, script_intro, singular_note, slice_sentence
from ui.regression_step import MAX_BATCH_ROWS, amount, number_table, param_names, param_symbol, step_columns
from ui.state import url_select, url_toggle

STRIP_POSITIONS = 48
STRIP_EPOCHS = 6

# --- tab 2: training curves and the loss surface --------------------------------------------------------------


def render_curves(data: Data, run: Run, config: TrainConfig, i: int, hidden: bool = False) -> None:
    """Loss per step and per epoch; the trajectory on the loss surface; the distance to the optimum.

    `hidden` (quiz mode, questions not yet revealed): the loss curve and the trajectory, which show the
    selected step's loss and parameters, are left out (the controls stay).
    """
    spe = run.steps_per_epoch
    steps = pd.DataFrame({"step": np.arange(1, run.steps + 1), "loss": run.loss, "series": "batch"})
    # with reduction='sum' a batch loss adds B squared errors and the full-data loss adds n of them: the
    # full-data loss is drawn times B/n so that both are on one scale (the other conventions average)
    scale = run.batch_size / data.n if config.loss == "sum" else 1.0
    epochs = pd.DataFrame({
        "step": (np.arange(len(run.epoch_loss)) + 1) * spe, "loss": run.epoch_loss * scale, "series": "epoch",
    })  # fmt: skip
    st.subheader(t("regression.loss_title"))
    if hidden:
        st.caption(t("regression.hidden_formula"))
    else:
        epoch_label = (
            t("regression.series_epoch_scaled", batch=count(run.batch_size), n=count(data.n))
            if scale != 1
            else t("regression.series_epoch")
        )
        chart.show(
            charts.loss_chart, steps, epochs, x_title=t("regression.axis_step"), y_title=t("regression.axis_loss"),
            current=i + 1, labels=(("batch", t("regression.series_batch")), ("epoch", epoch_label)),
        )  # fmt: skip
        st.caption(t("regression.loss_caption") if run.batch_size < data.n else t("regression.loss_caption_full"))
        if scale != 1:
            st.caption(t("regression.loss_sum_caption", batch=count(run.batch_size), n=count(data.n)))
            if data.n % run.batch_size:
                st.caption(t("regression.loss_sum_last", last=amount(data.n % run.batch_size, "sample")))
    st.subheader(t("regression.surface_title"))
    pa, pb = choose_params(data.d)
    theta_star = optimum(data.key, data.X, data.y)
    theta = run.theta()
    paths = {t("regression.run_this", batch=count(run.batch_size)): theta}
    if hidden:
        st.caption(t("regression.hidden_formula"))
    else:
        show_contour(data, config, paths, theta_star, pa, pb, current=run.theta_at(i + 1))
        st.caption(t("regression.surface_caption", a=_label(pa, data.d), b=_label(pb, data.d)))
        if data.d > 1:
            st.caption(slice_sentence(data.d, pa, pb, theta_star, t("regression.slice_optimum")))
    st.subheader(t("regression.distance_title"))
    distance = _distances(theta, theta_star)
    frame = pd.DataFrame({"step": np.arange(run.steps + 1), "distance": distance, "run": next(iter(paths))})
    chart.show(charts.distance_chart, frame, x_title=t("regression.axis_step"), y_title=t("regression.axis_distance"))


def _distances(thetas: np.ndarray, theta_star: np.ndarray) -> np.ndarray:
    """‖θ − θ*‖ for each row; a diverging run overflows to inf, which is what it is."""
    with np.errstate(over="ignore", invalid="ignore"):
        return np.linalg.norm(thetas - theta_star, axis=1)


def _label(index: int, d: int) -> str:
    return param_symbol(param_names(d)[index])


def choose_params(d: int, *, draw: bool = True) -> tuple[int, int]:
    """The two parameters of the contour plot (in the URL as pa, pb); `draw=False` reads them without
    drawing their controls (the comparison in another tab uses the same two)."""
    names = param_names(d)
    left, right = st.columns(2) if draw else (None, None)
    a = url_select(
        "pa", t("regression.param_a"), names, default=names[0], container=left, widget="segmented", draw=draw,
        format_func=param_symbol, help=t("regression.param_help"),
    )  # fmt: skip
    rest = [n for n in names if n != a]
    default_b = "b" if a != "b" else names[0]
    if st.session_state.get("pb") == a:
        st.session_state["pb"] = default_b
    b = url_select(
        "pb", t("regression.param_b"), rest, default=default_b, container=right, widget="segmented", draw=draw,
        format_func=param_symbol,
    )  # fmt: skip
    return names.index(a), names.index(b)


def show_contour(
    data: Data, config: TrainConfig, paths: dict[str, np.ndarray], theta_star: np.ndarray, pa: int, pb: int,
    current: np.ndarray | None = None,
):  # fmt: skip
    """Draw the loss surface around the optimum over parameters pa, pb, with each run's trajectory."""
    box = []
    for p in (pa, pb):
        values = np.concatenate([path[:, p] for path in paths.values()])
        start = np.concatenate([path[:1, p] for path in paths.values()])
        reach = max(float(np.max(np.abs(values - theta_star[p]))), 0.5) * 1.15
        cap = 10 * (float(np.max(np.abs(start - theta_star[p]))) + 1)  # a diverging run must not flatten the plot
        half = min(reach, cap)
        box += [theta_star[p] - half, theta_star[p] + half]
    surface = surface_frame(data.key, data.X, data.y, (pa, pb), tuple(theta_star), tuple(box), config.loss)
    trail = pd.concat([
        pd.DataFrame({"a": path[:, pa], "b": path[:, pb], "order": np.arange(len(path)), "run": name})
        for name, path in paths.items()
    ])  # fmt: skip
    # the trail may leave the box (the chart clips it there), but a diverging run's huge values would only
    # break the drawing: points more than ten boxes away are left out
    reach_a, reach_b = 10 * (box[1] - box[0]), 10 * (box[3] - box[2])
    trail = trail[
        trail["a"].between(box[0] - reach_a, box[1] + reach_a) & trail["b"].between(box[2] - reach_b, box[3] + reach_b)
    ]
    marks = [(theta_star[pa], theta_star[pb], t("regression.mark_optimum"))]
    if current is not None:
        marks.append((current[pa], current[pb], t("regression.mark_current")))
    chart.show(
        charts.contour, surface, trail, pd.DataFrame(marks, columns=["a", "b", "label"]), a_title=_label(pa, data.d),
        b_title=_label(pb, data.d), loss_title=t("regression.axis_loss"),
    )  # fmt: skip


# --- tab 3: GD, mini-batch GD, SGD ---------------------------------------------------------------------------------


def render_regimes(data: Data, run: Run, config: TrainConfig, device: str) -> None:
    """Seed 004's point: the DataLoader's batch size and shuffling, not optim.SGD, decide the flavour."""
    st.markdown(t("regression.regimes_intro"))
    st.subheader(t("regression.strip_title"))
    epochs = min(STRIP_EPOCHS, run.orders.shape[0])
    positions = min(STRIP_POSITIONS, data.n)
    frame = pd.DataFrame([
        {"epoch": t("regression.strip_epoch", epoch=e + 1), "position": p, "sample": int(run.orders[e, p]),
         "batch": p // run.batch_size + 1}
        for e in range(epochs) for p in range(positions)
    ])  # fmt: skip
    chart.show(charts.batch_strip, frame, x_title=t("regression.strip_x"), y_title="")
    st.caption(t("regression.strip_shuffled") if config.shuffle else t("regression.strip_fixed"))
    if positions < data.n:
        st.caption(t("regression.strip_cut_positions", positions=count(positions), n=count(data.n)))
    if epochs < run.orders.shape[0]:
        st.caption(t("regression.strip_cut_epochs", epochs=count(epochs), total=count(run.orders.shape[0])))
    sizes = sorted({1, run.batch_size, data.n})
    st.subheader(t("regression.compare_title", sizes=t("regression.list_sep").join(map(count, sizes))))
    if not url_toggle("cmp", t("regression.compare_toggle"), default=False, help=t("regression.compare_help")):
        return
    paths = {}
    for size in sizes:
        name = t("regression.run_regime", regime=regime_label(regime(size, data.n, config.shuffle)), batch=count(size))
        steps = config.epochs * steps_per_epoch(data.n, size)
        if steps > MAX_STEPS:
            st.info(t("regression.compare_skipped", batch=count(size), steps=count(steps), limit=count(MAX_STEPS)))
            continue
        cfg = TrainConfig(**{**dict(config_key(config)), "batch_size": size})
        try:
            result = training_run(data.key, data.X, data.y, config_key(cfg), device)
        except InputError as error:
            show_input_error(error)
            continue
        paths[name] = result.theta()
        if result.diverged:
            st.warning(
                t("regression.compare_diverged", batch=count(size), step=count(result.diverged_step + 1)),
                icon=":material/warning:",
            )
    if not paths:
        return
    pa, pb = choose_params(data.d, draw=False)
    theta_star = optimum(data.key, data.X, data.y)
    show_contour(data, config, paths, theta_star, pa, pb)
    frames = [
        pd.DataFrame({"step": np.arange(len(p)), "distance": _distances(p, theta_star), "run": name})
        for name, p in paths.items()
    ]
    chart.show(
        charts.distance_chart, pd.concat(frames), x_title=t("regression.axis_step"),
        y_title=t("regression.axis_distance"),
    )  # fmt: skip
    st.caption(t("regression.compare_caption"))


# --- tab 4: the result, the script, the downloads ---------------------------------------------------------------


def render_result(data: Data, run: Run, config: TrainConfig, hidden: bool = False, asked_last: bool = False) -> None:
    """Final w, b against the normal equation (and the truth for synthetic data); the plain-PyTorch script.

    `hidden` (quiz mode, questions not yet revealed): the history download (every step's numbers) is left
    out, and so are the final parameters when the questions are about the last step (`asked_last`).
    """
    theta_star = optimum(data.key, data.X, data.y)
    final = run.theta_at(run.steps)
    params = step_columns(data.d)[1]
    table = pd.DataFrame({
        t("regression.col_param"): params,
        t("regression.col_start"): run.theta_at(0),
        t("regression.col_final"): final,
        t("regression.col_optimum"): theta_star,
    })  # fmt: skip
    if data.true_w is not None:
        table[t("regression.col_true")] = [*data.true_w, data.true_b]
    st.subheader(t("regression.result_title"))
    if hidden and asked_last:
        st.caption(t("regression.hidden_formula"))
    else:
        number_table(table, table.columns[1:], digits=6)  # as many decimals as the script prints
        st.markdown(t("regression.result_gap", gap=num(float(_distances(final[None, :], theta_star)[0]))))
        original_units(data, final, theta_star)
        singular_note(data)
    st.subheader(t("regression.script_title"))
    dataset = dict(data.dataset)
    if dataset["kind"] == "table":
        if data.n * (data.d + 1) > MAX_EMBEDDED_VALUES:
            st.info(t("regression.script_too_big", limit=count(MAX_EMBEDDED_VALUES)))
            dataset = None
        else:
            dataset.update(X=data.X.tolist(), y=data.y.tolist())
    if dataset is not None:
        source = to_pytorch_script(config, dataset)
        st.markdown(script_intro(config, dataset))
        script(source, "loss_lab_sgd.py")
    st.subheader(t("regression.history_title"))
    if hidden:
        st.caption(t("regression.hidden_formula"))
        return
    st.download_button(
        t("regression.history_download", steps=amount(run.steps, "step")), lambda: history_csv(run),
        file_name="sgd_history.csv", mime="text/csv", on_click="ignore", icon=":material/download:",
    )  # fmt: skip
    if run.batch_size > MAX_BATCH_ROWS:
        st.caption(t("regression.history_no_indices", limit=count(MAX_BATCH_ROWS)))


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
