"""The classification page's lessons: each a link to a preset and a sentence built from the numbers of its own runs."""

from __future__ import annotations

from dataclasses import fields

import numpy as np
import pandas as pd

from core.classification import ClassifierConfig
from core.logit_gradients import smoothed_target
from ui.classification.compute import Data, Run, blob_data, config_key, sweep_frame, training_run
from ui.i18n import t
from ui.numbers import count, num
from ui.state import encode_number

LESSONS = ("separable", "smoothing", "mse", "sum_lr")
# URL key of each config field a lesson sets (the others stay at their defaults)
URL_KEYS = {
    "lr": "lr", "batch_size": "batch", "epochs": "epochs", "shuffle": "shuffle", "reduction": "red",
    "label_smoothing": "ls", "optimizer": "opt", "weight_decay": "wd",
}  # fmt: skip
SEPARABLE = (3, 100, 0.4, 0)  # classes, points per class, spread, seed: 13 standard deviations between centres
DEFAULT_BLOBS = (3, 100, 1.0, 0)
OVERLAPPING = (3, 100, 2.0, 0)
FULL_BATCH = ClassifierConfig(lr=0.5, batch_size=300, epochs=300, shuffle=False)
MINI_BATCH = ClassifierConfig(lr=0.5, batch_size=30, epochs=30)
MARGIN = 4.0  # the wrong class's lead in the MSE lesson


def link_params(blobs: tuple, config: ClassifierConfig, **extra: object) -> dict[str, str]:
    """The URL parameters that open the page on these blobs and this config."""
    params = dict(zip(("k", "m", "spread", "dseed"), map(encode_number, blobs), strict=True))
    for name, key in URL_KEYS.items():
        value = getattr(config, name)
        params[key] = str(value).lower() if isinstance(value, bool) else encode_number(value)
    return params | {k: str(v) for k, v in extra.items()}


def lesson_run(blobs: tuple, config: ClassifierConfig, device: str) -> tuple[Data, Run]:
    data = blob_data(*blobs)
    return data, training_run(data.key, data.X, data.y, config_key(config), device)


def with_(config: ClassifierConfig, **changes: object) -> ClassifierConfig:
    return ClassifierConfig(**{f.name: getattr(config, f.name) for f in fields(config)} | changes)


def true_class_probabilities(data: Data, run: Run) -> np.ndarray:
    """p_y of every point under the run's final W and b."""
    z = data.X.astype(float) @ run.W[-1].T.astype(float) + run.b[-1].astype(float)
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    return p[np.arange(data.n), data.y]


def _norm(run: Run, epoch: int) -> float:
    return float(np.linalg.norm(run.W[epoch * run.steps_per_epoch - 1]))


def separable(device: str) -> tuple[dict[str, str], str]:
    _, plain = lesson_run(SEPARABLE, FULL_BATCH, device)
    _, decayed = lesson_run(SEPARABLE, with_(FULL_BATCH, weight_decay=0.01), device)
    early, last = FULL_BATCH.epochs // 10, FULL_BATCH.epochs
    l1, l2 = float(plain.epoch_loss[early - 1]), float(plain.epoch_loss[-1])
    values = dict(
        e1=early, e2=last, l1=num(l1), l2=num(l2), n1=num(_norm(plain, early)), n2=num(_norm(plain, last)),
        acc=num(plain.epoch_accuracy[-1]), nb=num(_norm(decayed, last)), lb=num(decayed.epoch_loss[-1]),
        trend=t("classification.lessons.falls" if l2 < l1 else "classification.lessons.does_not_fall"),
    )  # fmt: skip
    key = "sentence" if float(plain.epoch_accuracy[-1]) == 1.0 else "sentence_overlap"
    return link_params(SEPARABLE, FULL_BATCH, tab="curves"), t(f"classification.lessons.separable.{key}", **values)


def smoothing(device: str) -> tuple[dict[str, str], str]:
    eps = 0.2
    config = with_(FULL_BATCH, label_smoothing=eps)
    data, plain = lesson_run(SEPARABLE, FULL_BATCH, device)
    _, smooth = lesson_run(SEPARABLE, config, device)
    q = smoothed_target(0, data.classes, eps).numpy()
    p_plain, p_smooth = true_class_probabilities(data, plain), true_class_probabilities(data, smooth)
    sentence = t(
        "classification.lessons.smoothing.sentence", eps=num(eps), k=data.classes, qy=num(q[0]), qo=num(q[1]),
        entropy=num(float(-(q * np.log(q)).sum())), loss=num(smooth.epoch_loss[-1]), mean0=num(p_plain.mean()),
        max0=num(p_plain.max()), mean=num(p_smooth.mean()), max=num(p_smooth.max()),
        norm0=num(_norm(plain, FULL_BATCH.epochs)), norm=num(_norm(smooth, FULL_BATCH.epochs)),
    )  # fmt: skip
    return link_params(SEPARABLE, config, tab="regions"), sentence


def mse(device: str) -> tuple[dict[str, str], str]:
    frame = sweep_frame(3)
    row = frame.loc[(frame["margin"] - MARGIN).abs().idxmin()]
    data, run = lesson_run(OVERLAPPING, MINI_BATCH, device)
    worst = int(np.argmin(true_class_probabilities(data, run)))  # the most confident mistake
    sentence = t(
        "classification.lessons.mse.sentence", m=num(row["margin"]), p=num(row["p_label"]), ce=num(row["ce"]),
        mse=num(row["mse"]), ratio=num(row["ce"] / row["mse"]), i=worst,
    )  # fmt: skip
    return link_params(OVERLAPPING, MINI_BATCH, tab="sample", i=worst), sentence


def sweep_summary(frame: pd.DataFrame) -> str:
    """The sweep chart's caption, from its first and last rows."""
    first, last = frame.iloc[0], frame.iloc[-1]
    return t(
        "classification.lessons.mse.summary", m=num(last["margin"]), ce0=num(first["ce"]), ce=num(last["ce"]),
        mse0=num(first["mse"]), mse=num(last["mse"]),
    )  # fmt: skip


def sum_lr(device: str) -> tuple[dict[str, str], str]:
    summed = with_(MINI_BATCH, reduction="sum")
    batch = MINI_BATCH.batch_size
    smaller = with_(summed, lr=MINI_BATCH.lr / batch)
    data, run_sum = lesson_run(DEFAULT_BLOBS, summed, device)
    _, run_mean = lesson_run(DEFAULT_BLOBS, MINI_BATCH, device)
    _, run_small = lesson_run(DEFAULT_BLOBS, smaller, device)
    gap = float(np.abs(run_small.W[-1] - run_mean.W[-1]).max())
    sentence = t(
        "classification.lessons.sum_lr.sentence", b=batch, lr=num(MINI_BATCH.lr), epochs=MINI_BATCH.epochs,
        per_sample=num(run_sum.epoch_loss[-1] / data.n), total=num(run_sum.epoch_loss[-1]), n=count(data.n),
        mean=num(run_mean.epoch_loss[-1]), small_lr=num(smaller.lr), gap=num(gap),
    )  # fmt: skip
    return link_params(DEFAULT_BLOBS, summed, tab="curves"), sentence


def build(lesson: str, device: str) -> tuple[dict[str, str], str]:
    """(the lesson link's URL parameters, its sentence)."""
    return {"separable": separable, "smoothing": smoothing, "mse": mse, "sum_lr": sum_lr}[lesson](device)
