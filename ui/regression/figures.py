"""The regression page's charts as drawn: each one's frames from the run, with its caption and its table.

Every chart goes through `ui.chart.described`: a sentence built from the live numbers and the numbers behind
the chart (at most `TABLE_ROWS` rows, evenly spaced like the chart's own points, and the caption says so).
A table's first column heads its rows, so it is text (steps and samples written as counts): `st.table` does
not show a row header of plain integers.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core.regression import TrainConfig
from ui import chart
from ui.i18n import t
from ui.numbers import count, num
from ui.regression import charts
from ui.regression.compute import Data, Run, surface_frame
from ui.regression.notation import amount, param_names, param_symbol
from ui.state import url_select

TABLE_ROWS = 100
# samples drawn: every sample of a big data set would swamp the browser (together at most the chart's MAX_POINTS)
MAX_SCATTER_REST, MAX_SCATTER_BATCH = 4000, 1000
MAX_LISTED = 12  # sample indices written out in a sentence
STRIP_POSITIONS = 48
STRIP_EPOCHS = 6


def _table(frame: pd.DataFrame, summary: str) -> tuple[pd.DataFrame, str]:
    """At most TABLE_ROWS evenly spaced rows of `frame`, and `summary` saying so when rows were left out."""
    if len(frame) <= TABLE_ROWS:
        return frame, summary
    note = t("regression.figure.table_rows", shown=count(TABLE_ROWS), total=count(len(frame)))
    return charts.downsample(frame, TABLE_ROWS), f"{summary} {note}"


def _listed(indices: np.ndarray) -> str:
    shown = t("regression.page.list_sep").join(map(str, indices[:MAX_LISTED]))
    return shown + (" …" if len(indices) > MAX_LISTED else "")


def distances(thetas: np.ndarray, theta_star: np.ndarray) -> np.ndarray:
    """‖θ − θ*‖ for each row; a diverging run overflows to inf, which is what it is."""
    with np.errstate(over="ignore", invalid="ignore"):
        return np.linalg.norm(thetas - theta_star, axis=1)


def param_label(index: int, d: int) -> str:
    return param_symbol(param_names(d)[index])


# --- the step tab: the batch among the data ----------------------------------------------------------------------


def batch_figure(data: Data, run: Run, i: int, after: np.ndarray | None) -> None:
    """The data with step i's batch picked out, and the fitted line before (and `after`) the step."""
    batch, before = run.batch(i), run.theta_at(i)
    in_batch = np.zeros(data.n, dtype=bool)
    in_batch[batch] = True
    rest = np.flatnonzero(~in_batch)  # an even sample of the rest, then the batch on top
    rest = rest[np.linspace(0, len(rest) - 1, min(len(rest), MAX_SCATTER_REST)).astype(int)] if len(rest) else rest
    order = np.concatenate([rest, batch[:MAX_SCATTER_BATCH]])
    y_hat = data.X @ before[:-1] + before[-1]
    x_name = data.features[0] if data.d == 1 else t("regression.step.col_yhat")
    x = data.X[:, 0] if data.d == 1 else y_hat
    points = pd.DataFrame({"x": x[order], "y": data.y[order], "in_batch": in_batch[order], "sample": order})
    drawn = (
        amount(data.n, "sample")
        if len(order) == data.n
        else t("regression.step.drawn_of", shown=count(len(order)), total=count(data.n), limit=count(MAX_SCATTER_BATCH))
    )
    common = dict(step=count(i + 1), drawn=drawn, samples=amount(len(batch), "sample"))
    if data.d == 1:
        xs = np.array([x.min(), x.max()])
        lines = pd.DataFrame(
            {"x": xs, "y": xs * before[0] + before[1], "which": [t("regression.step.line_before")] * 2}
        )
        summary = t("regression.step.scatter_summary", feature=x_name, w=num(before[0]), b=num(before[1]), **common)
        if after is not None:  # left out while quiz mode hides the step's result
            after_line = {"x": xs, "y": xs * after[0] + after[1], "which": [t("regression.step.line_after")] * 2}
            lines = pd.concat([lines, pd.DataFrame(after_line)], ignore_index=True)
            summary += " " + t("regression.step.scatter_after", w=num(after[0]), b=num(after[1]))
        builder, frames = charts.batch_scatter, (points, lines)
    else:
        with np.errstate(invalid="ignore"):
            gaps = np.abs(y_hat - data.y)
        worst = int(np.nanargmax(gaps)) if not np.isnan(gaps).all() else 0
        summary = t("regression.step.fit_summary", gap=num(gaps[worst]), worst=worst, **common)
        builder, frames = charts.fit_scatter, (points.rename(columns={"x": "y_hat"}),)
    shown = points.sort_values("sample")
    table = pd.DataFrame({
        t("regression.step.col_sample"): shown["sample"].map(count),
        x_name: shown["x"],
        "y": shown["y"],
        t("regression.figure.col_in_batch"): shown["in_batch"].map(
            {True: t("regression.figure.yes"), False: t("regression.figure.no")}
        ),
    })  # fmt: skip
    table, summary = _table(table, summary)
    x_title = x_name if data.d == 1 else t("regression.step.axis_yhat")
    chart.described(builder, *frames, summary=summary, data=table, x_title=x_title, y_title="y")


# --- the curves tab: the loss, the loss surface, the distance to the optimum ------------------------------------


def loss_figure(data: Data, run: Run, config: TrainConfig, i: int) -> None:
    """The batch loss of every step and the full-data loss after each epoch, the selected step marked."""
    steps = pd.DataFrame({"step": np.arange(1, run.steps + 1), "loss": run.loss, "series": "batch"})
    # with reduction='sum' a batch loss adds B squared errors and the full-data loss adds n of them: the
    # full-data loss is drawn times B/n so that both are on one scale (the other conventions average)
    scale = run.batch_size / data.n if config.loss == "sum" else 1.0
    ends = (np.arange(len(run.epoch_loss)) + 1) * run.steps_per_epoch
    epochs = pd.DataFrame({"step": ends, "loss": run.epoch_loss * scale, "series": "epoch"})
    epoch_label = (
        t("regression.curves.series_epoch_scaled", batch=count(run.batch_size), n=count(data.n))
        if scale != 1
        else t("regression.curves.series_epoch")
    )
    with np.errstate(invalid="ignore"):
        low = int(np.nanargmin(run.loss)) if not np.isnan(run.loss).all() else 0
    summary = t(
        "regression.curves.loss_summary", first=num(run.loss[0]), last=num(run.loss[-1]), steps=count(run.steps),
        low=num(run.loss[low]), low_step=count(low + 1), step=count(i + 1), now=num(run.loss[i]),
    )  # fmt: skip
    if len(ends):  # a run that diverges in its first epoch has no full-data loss
        summary += " " + t(
            "regression.curves.loss_summary_epoch", epochs=count(len(ends)), series=epoch_label,
            epoch_loss=num(epochs["loss"].iloc[-1]),
        )  # fmt: skip
    by_step = dict(zip(ends.tolist(), epochs["loss"], strict=True))
    table = pd.DataFrame({
        t("regression.curves.axis_step"): steps["step"].map(count),
        t("regression.curves.series_batch"): run.loss,
        epoch_label: [num(by_step[s]) if s in by_step else "" for s in steps["step"].tolist()],
    })  # fmt: skip
    table, summary = _table(table, summary)
    chart.described(
        charts.loss_chart, steps, epochs, summary=summary, data=table, x_title=t("regression.curves.axis_step"),
        y_title=t("regression.curves.axis_loss"), current=i + 1,
        labels=(("batch", t("regression.curves.series_batch")), ("epoch", epoch_label)),
    )  # fmt: skip


def choose_params(d: int, *, draw: bool = True) -> tuple[int, int]:
    """The two parameters of the contour plot (in the URL as pa, pb); `draw=False` reads them without
    drawing their controls (the comparison in another tab uses the same two)."""
    names = param_names(d)
    left, right = st.columns(2) if draw else (None, None)
    a = url_select(
        "pa", t("regression.curves.param_a"), names, default=names[0], container=left, widget="segmented", draw=draw,
        format_func=param_symbol, help=t("regression.curves.param_help"),
    )  # fmt: skip
    rest = [n for n in names if n != a]
    default_b = "b" if a != "b" else names[0]
    if st.session_state.get("pb") == a:
        st.session_state["pb"] = default_b
    b = url_select(
        "pb", t("regression.curves.param_b"), rest, default=default_b, container=right, widget="segmented", draw=draw,
        format_func=param_symbol,
    )  # fmt: skip
    return names.index(a), names.index(b)


def contour_figure(
    data: Data, config: TrainConfig, paths: dict[str, np.ndarray], theta_star: np.ndarray, pa: int, pb: int,
    current: np.ndarray | None = None,
) -> None:  # fmt: skip
    """The loss surface around the optimum over parameters pa, pb, with each run's trajectory."""
    box = charts.contour_box(paths, theta_star, pa, pb)
    surface = surface_frame(data.key, data.X, data.y, (pa, pb), tuple(theta_star), box, config.loss)
    trail = charts.contour_trail(paths, pa, pb, box)
    marks = [(theta_star[pa], theta_star[pb], t("regression.curves.mark_optimum"))]
    if current is not None:
        marks.append((current[pa], current[pb], t("regression.curves.mark_current")))
    a, b = param_label(pa, data.d), param_label(pb, data.d)
    sentences = [
        t("regression.curves.contour_summary", a=a, b=b, a_star=num(theta_star[pa]), b_star=num(theta_star[pb]),
          low=num(surface["loss"].min()), high=num(surface["loss"].max()))
    ]  # fmt: skip
    for name, path in paths.items():
        sentences.append(
            t("regression.curves.contour_run", run=name, a=a, b=b, a0=num(path[0, pa]), b0=num(path[0, pb]),
              a1=num(path[-1, pa]), b1=num(path[-1, pb]), steps=amount(len(path) - 1, "step"))
        )  # fmt: skip
    point, step = t("regression.figure.col_point"), t("regression.curves.axis_step")
    stops = charts.path_markers(trail).assign(order=lambda f: f["order"].map(count))
    table = pd.concat([
        pd.DataFrame({point: stops["run"], step: stops["order"], a: stops["a"], b: stops["b"]}),
        pd.DataFrame({point: [m[2] for m in marks], step: "", a: [m[0] for m in marks], b: [m[1] for m in marks]}),
    ], ignore_index=True)  # fmt: skip
    chart.described(
        charts.contour, surface, trail, pd.DataFrame(marks, columns=["a", "b", "label"]),
        summary=" ".join(sentences), data=table, a_title=a, b_title=b, loss_title=t("regression.curves.axis_loss"),
    )  # fmt: skip


def distance_figure(paths: dict[str, np.ndarray], theta_star: np.ndarray) -> None:
    """‖θ − θ*‖ after each step, one line per run."""
    frames = [
        pd.DataFrame({"step": np.arange(len(p)), "distance": distances(p, theta_star), "run": name})
        for name, p in paths.items()
    ]
    summary = " ".join(
        t("regression.curves.distance_summary", run=f["run"].iloc[0], start=num(f["distance"].iloc[0]),
          end=num(f["distance"].iloc[-1]), steps=amount(len(f) - 1, "step"))
        for f in frames
    )  # fmt: skip
    step, distance = t("regression.curves.axis_step"), t("regression.curves.axis_distance")
    run = t("regression.figure.col_run")
    rows = max(TABLE_ROWS // len(frames), 2)  # each run evenly spaced, its start and its end kept
    thinned = pd.concat([charts.downsample(f, rows) for f in frames])
    table = pd.DataFrame({step: thinned["step"].map(count), run: thinned["run"], distance: thinned["distance"]})
    if sum(map(len, frames)) > len(table):
        summary += " " + t("regression.figure.table_rows", shown=count(len(table)), total=count(sum(map(len, frames))))
    chart.described(
        charts.distance_chart, pd.concat(frames), summary=summary, data=table, x_title=step, y_title=distance
    )


# --- the regimes tab: which sample went into which batch -----------------------------------------------------


def strip_figure(data: Data, run: Run) -> tuple[int, int]:
    """The first epochs' sample order in batches; returns how many epochs and positions it shows."""
    epochs = min(STRIP_EPOCHS, run.orders.shape[0])
    positions = min(STRIP_POSITIONS, data.n)
    labels = [t("regression.regimes.strip_epoch", epoch=e + 1) for e in range(epochs)]
    frame = pd.DataFrame([
        {"epoch": labels[e], "position": p, "sample": int(run.orders[e, p]), "batch": p // run.batch_size + 1}
        for e in range(epochs) for p in range(positions)
    ])  # fmt: skip
    B = run.batch_size

    def batches(e: int) -> str:
        order = run.orders[e, :positions]
        shown = [", ".join(map(str, order[k : k + B])) for k in range(0, positions, B)]
        return " | ".join(shown) + (" …" if positions < data.n else "")

    summary = t(
        "regression.regimes.strip_summary", B=count(B), first=_listed(run.orders[0]), epoch=count(epochs),
        last=_listed(run.orders[epochs - 1]),
    )  # fmt: skip
    table = pd.DataFrame({
        t("regression.figure.col_epoch"): labels,
        t("regression.figure.col_batches"): [batches(e) for e in range(epochs)],
    })  # fmt: skip
    chart.described(
        charts.batch_strip, frame, summary=summary, data=table, x_title=t("regression.regimes.strip_x"), y_title=""
    )
    return epochs, positions
