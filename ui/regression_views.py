"""The regression page's sections: the current step, the training curves, the batch regimes, the result."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core.errors import InputError
from core.export import MAX_EMBEDDED_VALUES
from core.regression import MAX_STEPS, TrainConfig, steps_per_epoch, to_pytorch_script
from ui.charts import regression as charts
from ui.errors import show_input_error
from ui.i18n import t
from ui.regression_inputs import Data, Run, config_key, optimum, regime, regime_label, surface_frame, training_run
from ui.state import url_number, url_select, url_toggle

TABLE_WINDOW = 10  # steps shown on each side of the selected one
MAX_BATCH_ROWS = 50
MAX_VECTOR = 6  # vector entries written out in a formula
STRIP_POSITIONS = 48
STRIP_EPOCHS = 6


def num(value: float) -> str:
    """A number as the tutorials print it: 4 decimals, trailing zeros dropped (12, 10.6667, -4.3333)."""
    value = float(value)
    if not np.isfinite(value):
        return str(value)
    if value != 0 and not 1e-4 <= abs(value) < 1e7:
        return f"{value:.4e}"
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def factor(value: float) -> str:
    """A number as the right operand of a product: negative ones in parentheses."""
    text = num(value)
    return f"({text})" if text.startswith("-") else text


def vec(values: np.ndarray) -> str:
    """A vector in LaTeX brackets, long ones shortened."""
    items = [num(v) for v in values[:MAX_VECTOR]] + ([r"\dots"] if len(values) > MAX_VECTOR else [])
    return r"\left[" + r",\ ".join(items) + r"\right]"


def param_names(d: int) -> list[str]:
    """URL codes of θ's entries: w1 … wd, b."""
    return [f"w{j + 1}" for j in range(d)] + ["b"]


def _tex_name(code: str) -> str:
    return "b" if code == "b" else f"w_{{{code[1:]}}}"


# --- the step control --------------------------------------------------------------------------------------


def _move(delta: int, last: int) -> None:
    st.session_state["step"] = int(min(max(st.session_state.get("step", 1) + delta, 1), last))


def step_control(run: Run) -> int:
    """A slider and buttons over the steps; returns the selected step, 0-based. The 1-based step is in the URL."""
    last = run.steps
    if st.session_state.get("step", 1) > last:
        st.session_state["step"] = last
    if last == 1:
        st.caption(t("regression.one_step"))
        return 0
    cols = st.columns([2, 2, 2, 2, 7], vertical_alignment="bottom")
    buttons = [
        ("step_first", t("regression.first_step"), ":material/first_page:", -last),
        ("step_prev", t("regression.prev_step"), ":material/chevron_left:", -1),
        ("step_next", t("regression.next_step"), ":material/chevron_right:", 1),
        ("step_last", t("regression.last_step"), ":material/last_page:", last),
    ]
    for column, (key, label, icon, delta) in zip(cols, buttons, strict=False):
        column.button(label, key=key, icon=icon, on_click=_move, args=(delta, last), width="stretch")
    step = url_number(
        "step", t("regression.step_slider", total=f"{last:,}"), default=1, min_value=1, max_value=last,
        widget="slider", container=cols[4],
    )  # fmt: skip
    return int(step) - 1


# --- tab 1: one step ---------------------------------------------------------------------------------------

_LOSS_TEX = {
    "mean": (r"\frac{{1}}{{{B}}}\sum_{{i\in I}}(\hat y_i-y_i)^2", r"\frac{{2}}{{{B}}}"),
    "sum": (r"\sum_{{i\in I}}(\hat y_i-y_i)^2", "2"),
    "sum_over_batch": (r"\frac{{1}}{{{B}}}\lVert\hat y_I-y_I\rVert^2", r"\frac{{2}}{{{B}}}"),
    "half_mean": (r"\frac{{1}}{{{B}}}\sum_{{i\in I}}\tfrac{{1}}{{2}}(\hat y_i-y_i)^2", r"\frac{{1}}{{{B}}}"),
}


def render_step(data: Data, run: Run, config: TrainConfig, i: int) -> None:
    """The selected step: its batch, the loss, w.grad and b.grad, and the update, with the live numbers."""
    spe = run.steps_per_epoch
    batch = run.batch(i)
    theta = run.theta()
    before, after = theta[i], theta[i + 1]
    B = len(batch)
    st.subheader(t("regression.step_title", step=i + 1, total=f"{run.steps:,}", epoch=i // spe + 1, k=i % spe + 1))
    left, right = st.columns([3, 2])
    with left:
        loss_tex, scale = (s.format(B=B) for s in _LOSS_TEX[config.loss])
        shown_batch = ",".join(map(str, batch[:8])) + (r",\dots" if B > 8 else "")
        k = i + 1
        st.latex(rf"I = \{{{shown_batch}\}},\quad \hat y_i = x_i^\top w_{{{k - 1}}} + b_{{{k - 1}}}")
        st.latex(rf"\ell = {loss_tex} = {num(run.loss[i])}")
        st.latex(rf"\nabla_w \ell = {scale}\,X_I^\top(\hat y_I-y_I) = {vec(run.grad_w[i])}")
        st.latex(rf"\nabla_b \ell = {scale}\sum_{{i\in I}}(\hat y_i-y_i) = {num(run.grad_b[i])}")
        lr = num(config.lr)
        st.latex(
            rf"w_{{{k}}} = w_{{{k - 1}}} - \eta\,\nabla_w \ell = {vec(before[:-1])} - {lr}\cdot{vec(run.grad_w[i])}"
            rf" = {vec(after[:-1])}"
        )
        st.latex(
            rf"b_{{{k}}} = b_{{{k - 1}}} - \eta\,\nabla_b \ell = {num(before[-1])} - {lr}\cdot{factor(run.grad_b[i])}"
            rf" = {num(after[-1])}"
        )
        st.caption(t("regression.step_where"))
    with right:
        _batch_chart(data, batch, before, after)
    rows = batch[:MAX_BATCH_ROWS]
    frame = pd.DataFrame(data.X[rows], columns=list(data.features))
    frame.insert(0, t("regression.col_sample"), rows)
    frame[t("regression.col_y")] = data.y[rows]
    frame[t("regression.col_yhat")] = data.X[rows] @ before[:-1] + before[-1]
    frame[t("regression.col_residual")] = frame[t("regression.col_yhat")] - frame[t("regression.col_y")]
    st.markdown(t("regression.batch_table", count=B))
    st.dataframe(frame, hide_index=True)
    if B > MAX_BATCH_ROWS:
        st.caption(t("regression.batch_rows_cut", shown=MAX_BATCH_ROWS, count=B))
    render_step_table(run, i)


def _batch_chart(data: Data, batch: np.ndarray, before: np.ndarray, after: np.ndarray) -> None:
    in_batch = np.zeros(data.n, dtype=bool)
    in_batch[batch] = True
    # every sample of a big data set would swamp the browser: an even sample of the rest, then the batch on top
    rest = np.flatnonzero(~in_batch)
    rest = rest[np.linspace(0, len(rest) - 1, min(len(rest), 4000)).astype(int)] if len(rest) else rest
    order = np.concatenate([rest, batch[:1000]])
    if data.d == 1:
        x = data.X[:, 0]
        points = pd.DataFrame({"x": x[order], "y": data.y[order], "in_batch": in_batch[order], "sample": order})
        xs = np.array([x.min(), x.max()])
        lines = pd.DataFrame({
            "x": np.concatenate([xs, xs]),
            "y": np.concatenate([xs * before[0] + before[1], xs * after[0] + after[1]]),
            "which": [t("regression.line_before")] * 2 + [t("regression.line_after")] * 2,
        })  # fmt: skip
        chart = charts.batch_scatter(points, lines, x_title=data.features[0], y_title="y")
    else:
        y_hat = data.X @ before[:-1] + before[-1]
        points = pd.DataFrame({"y": data.y[order], "y_hat": y_hat[order], "in_batch": in_batch[order], "sample": order})
        chart = charts.fit_scatter(points, x_title=t("regression.axis_yhat"), y_title="y")
    st.altair_chart(chart)
    st.caption(t("regression.batch_highlight"))


def render_step_table(run: Run, i: int) -> None:
    """The steps around the selected one (never the whole history: that is the CSV download)."""
    lo, hi = max(0, i - TABLE_WINDOW), min(run.steps, i + TABLE_WINDOW + 1)
    d = run.w.shape[1]
    frame = pd.DataFrame({
        "": ["▶" if j == i else "" for j in range(lo, hi)],
        t("regression.col_step"): np.arange(lo, hi) + 1,
        t("regression.col_epoch"): np.arange(lo, hi) // run.steps_per_epoch + 1,
        t("regression.col_batch"): [_indices(run.batch(j)) for j in range(lo, hi)],
        t("regression.col_loss"): run.loss[lo:hi],
    })  # fmt: skip
    for j in range(d):
        frame[f"w.grad[{j + 1}]"] = run.grad_w[lo:hi, j]
    frame["b.grad"] = run.grad_b[lo:hi]
    for j in range(d):
        frame[f"w[{j + 1}]"] = run.w[lo:hi, j]
    frame["b"] = run.b[lo:hi]
    st.markdown(t("regression.step_table", first=lo + 1, last=hi, total=f"{run.steps:,}"))
    numbers = {c: st.column_config.NumberColumn(format="%.4f") for c in frame.columns[4:]}
    st.dataframe(frame, hide_index=True, column_config=numbers)


def _indices(batch: np.ndarray, limit: int = 12) -> str:
    return ", ".join(map(str, batch[:limit])) + (" …" if len(batch) > limit else "")


# --- tab 2: training curves and the loss surface --------------------------------------------------------------


def render_curves(data: Data, run: Run, config: TrainConfig, i: int) -> None:
    """Loss per step and per epoch; the trajectory on the loss surface; the distance to the optimum."""
    spe = run.steps_per_epoch
    steps = pd.DataFrame(
        {"step": np.arange(1, run.steps + 1), "loss": run.loss, "series": t("regression.series_batch")}
    )
    epochs = pd.DataFrame({
        "step": (np.arange(len(run.epoch_loss)) + 1) * spe, "loss": run.epoch_loss,
        "series": t("regression.series_epoch"),
    })  # fmt: skip
    st.subheader(t("regression.loss_title"))
    st.altair_chart(
        charts.loss_chart(
            steps, epochs, x_title=t("regression.axis_step"), y_title=t("regression.axis_loss"), current=i + 1
        )
    )
    st.caption(t("regression.loss_caption"))
    st.subheader(t("regression.surface_title"))
    pa, pb = choose_params(data.d)
    theta_star = optimum(data.key, data.X, data.y)
    paths = {t("regression.run_this", batch=run.batch_size): run.theta()}
    st.altair_chart(contour_chart(data, config, paths, theta_star, pa, pb, current=run.theta()[i + 1]))
    st.caption(t("regression.surface_caption", a=_label(pa, data.d), b=_label(pb, data.d)))
    st.subheader(t("regression.distance_title"))
    with np.errstate(over="ignore"):  # a diverging run may overflow: its distance is then inf
        distance = np.linalg.norm(run.theta() - theta_star, axis=1)
    frame = pd.DataFrame({"step": np.arange(run.steps + 1), "distance": distance, "run": next(iter(paths))})
    st.altair_chart(
        charts.distance_chart(frame, x_title=t("regression.axis_step"), y_title=t("regression.axis_distance"))
    )


def _label(index: int, d: int) -> str:
    return "b" if index == d else f"w{index + 1}"


def choose_params(d: int) -> tuple[int, int]:
    """The two parameters of the contour plot (in the URL as pa, pb)."""
    names = param_names(d)
    left, right = st.columns(2)
    a = url_select("pa", t("regression.param_a"), names, default=names[0], container=left, widget="segmented")
    rest = [n for n in names if n != a]
    default_b = "b" if a != "b" else names[0]
    if st.session_state.get("pb") == a:
        st.session_state["pb"] = default_b
    b = url_select("pb", t("regression.param_b"), rest, default=default_b, container=right, widget="segmented")
    return names.index(a), names.index(b)


def contour_chart(
    data: Data, config: TrainConfig, paths: dict[str, np.ndarray], theta_star: np.ndarray, pa: int, pb: int,
    current: np.ndarray | None = None,
):  # fmt: skip
    """The loss surface around the optimum over parameters pa, pb, with each run's trajectory."""
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
    trail = trail[trail["a"].between(box[0], box[1]) & trail["b"].between(box[2], box[3])]
    marks = [(theta_star[pa], theta_star[pb], t("regression.mark_optimum"))]
    if current is not None:
        marks.append((current[pa], current[pb], t("regression.mark_current")))
    return charts.contour(
        surface, trail, pd.DataFrame(marks, columns=["a", "b", "label"]), a_title=_label(pa, data.d),
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
    st.altair_chart(charts.batch_strip(frame, x_title=t("regression.strip_x"), y_title=""))
    st.caption(t("regression.strip_shuffled") if config.shuffle else t("regression.strip_fixed"))
    if positions < data.n or epochs < run.orders.shape[0]:
        st.caption(t("regression.strip_cut", positions=positions, epochs=epochs))
    st.subheader(t("regression.compare_title"))
    if not url_toggle("cmp", t("regression.compare_toggle"), default=False, help=t("regression.compare_help")):
        return
    sizes = sorted({1, run.batch_size, data.n})
    paths = {}
    for size in sizes:
        name = t("regression.run_regime", regime=regime_label(regime(size, data.n)), batch=size)
        steps = config.epochs * steps_per_epoch(data.n, size)
        if steps > MAX_STEPS:
            st.info(t("regression.compare_skipped", batch=size, steps=f"{steps:,}", limit=f"{MAX_STEPS:,}"))
            continue
        cfg = TrainConfig(**{**dict(config_key(config)), "batch_size": size})
        try:
            result = training_run(data.key, data.X, data.y, config_key(cfg), device)
        except InputError as error:
            show_input_error(error)
            continue
        paths[name] = result.theta()
        if result.diverged:
            st.warning(t("regression.compare_diverged", batch=size, step=result.diverged_step + 1), icon="⚠️")
    if not paths:
        return
    pa, pb = st.session_state.get("pa", "w1"), st.session_state.get("pb", "b")
    names = param_names(data.d)
    pa = names.index(pa) if pa in names else 0
    pb = names.index(pb) if pb in names and pb != names[pa] else data.d
    theta_star = optimum(data.key, data.X, data.y)
    st.altair_chart(contour_chart(data, config, paths, theta_star, pa, pb))
    frames = [
        pd.DataFrame({"step": np.arange(len(p)), "distance": np.linalg.norm(p - theta_star, axis=1), "run": name})
        for name, p in paths.items()
    ]
    st.altair_chart(
        charts.distance_chart(
            pd.concat(frames), x_title=t("regression.axis_step"), y_title=t("regression.axis_distance")
        )
    )
    st.caption(t("regression.compare_caption"))


# --- tab 4: the result, the script, the downloads ---------------------------------------------------------------


def render_result(data: Data, run: Run, config: TrainConfig) -> None:
    """Final w, b against the normal equation (and the truth for synthetic data); the plain-PyTorch script."""
    theta_star = optimum(data.key, data.X, data.y)
    final = run.theta()[-1]
    table = pd.DataFrame({
        t("regression.col_param"): param_names(data.d),
        t("regression.col_start"): run.theta()[0],
        t("regression.col_final"): final,
        t("regression.col_optimum"): theta_star,
    })  # fmt: skip
    if data.true_w is not None:
        table[t("regression.col_true")] = [*data.true_w, data.true_b]
    st.subheader(t("regression.result_title"))
    st.dataframe(
        table,
        hide_index=True,
        column_config={c: st.column_config.NumberColumn(format="%.6f") for c in table.columns[1:]},
    )
    st.markdown(t("regression.result_gap", gap=num(float(np.linalg.norm(final - theta_star)))))
    st.subheader(t("regression.script_title"))
    dataset = dict(data.dataset)
    if dataset["kind"] == "table":
        if data.n * (data.d + 1) > MAX_EMBEDDED_VALUES:
            st.info(t("regression.script_too_big", limit=f"{MAX_EMBEDDED_VALUES:,}"))
            dataset = None
        else:
            dataset.update(X=data.X.tolist(), y=data.y.tolist())
    if dataset is not None:
        script = to_pytorch_script(config, dataset)
        st.markdown(t("regression.script_intro"))
        st.code(script, language="python")
        st.download_button(
            t("regression.script_download"), script, file_name="loss_lab_sgd.py", mime="text/x-python",
            on_click="ignore", icon=":material/download:",
        )  # fmt: skip
    st.subheader(t("regression.history_title"))
    st.download_button(
        t("regression.history_download", steps=f"{run.steps:,}"), lambda: history_csv(run), file_name="sgd_history.csv",
        mime="text/csv", on_click="ignore", icon=":material/download:",
    )  # fmt: skip
    if run.batch_size > MAX_BATCH_ROWS:
        st.caption(t("regression.history_no_indices", limit=MAX_BATCH_ROWS))


def history_csv(run: Run) -> str:
    """Every step as CSV: step, epoch, (batch indices), loss, w.grad, b.grad, w, b."""
    frame = pd.DataFrame(
        {"step": np.arange(1, run.steps + 1), "epoch": np.arange(run.steps) // run.steps_per_epoch + 1}
    )
    if run.batch_size <= MAX_BATCH_ROWS:
        frame["batch_indices"] = [" ".join(map(str, run.batch(i))) for i in range(run.steps)]
    frame["loss"] = run.loss
    d = run.w.shape[1]
    for j in range(d):
        frame[f"grad_w{j + 1}"] = run.grad_w[:, j]
    frame["grad_b"] = run.grad_b
    for j in range(d):
        frame[f"w{j + 1}"] = run.w[:, j]
    frame["b"] = run.b
    return frame.to_csv(index=False)
