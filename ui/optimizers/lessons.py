"""Each lesson's sentence, built from the live runs: what the numbers on screen show, true for any setting."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import torch

from core.stability import condition_number, gram_eigenvalues
from ui.i18n import t
from ui.numbers import count, num
from ui.optimizers.compute import Data, Run, config_key, optimizer_run
from ui.optimizers.inputs import Settings, optimizer_label

NEEDS = {"scale": ("torch_sgd", "adam"), "nesterov": ("momentum", "nesterov"), "decay": ("adam", "adamw")}


def verdict(name: str, run: Run, optimum_loss: float) -> str:
    """ "Adam reaches 1% of the optimum's loss at step 42" (or has not, or diverged)."""
    label = optimizer_label(name)
    if run.diverged_step is not None:
        return f"{label} {t('optimizers.lesson.diverged', step=count(run.diverged_step + 1))}"
    reached = run.reached(optimum_loss)
    if reached is None:
        return f"{label} {t('optimizers.lesson.not_reached', steps=count(run.steps))}"
    return f"{label} {t('optimizers.lesson.reached', step=count(reached))}"


def _verdicts(settings: Settings, runs: dict[str, Run], optimum_loss: float) -> str:
    return t("optimizers.page.sep").join(verdict(name, runs[name], optimum_loss) for name in settings.names)


def overshoot(run: Run, theta_star: np.ndarray) -> float:
    """How far the path goes past the optimum along the line from its start to the optimum (0: never past)."""
    direction = theta_star - run.theta[0]
    length = float(np.linalg.norm(direction))
    if length == 0:
        return 0.0
    with np.errstate(all="ignore"):
        past = (run.theta - theta_star) @ (direction / length)
    past = past[np.isfinite(past)]
    return float(max(past.max(initial=0.0), 0.0))


def first_move(run: Run) -> float:
    """|Δw₀| of the first step."""
    return abs(float(run.theta[1, 0] - run.theta[0, 0])) if run.steps else 0.0


def unscaled(data: Data) -> Data:
    """The same data without the factor on x₀."""
    X = data.X.copy()
    X[:, 0] /= data.scale
    return replace(data, key=(*data.key[:-1], 1.0), X=X, scale=1.0)


def lesson_sentence(
    settings: Settings, runs: dict[str, Run], optimum: tuple[np.ndarray, float], device: str
) -> str | None:
    """The open lesson's sentence with the live numbers, or None in free play."""
    lesson, (theta_star, best) = settings.lesson, optimum
    if lesson == "free":
        return None
    missing = [name for name in NEEDS.get(lesson, ()) if name not in runs]
    if missing:
        return t("optimizers.lesson.need", names=" + ".join(optimizer_label(n) for n in NEEDS[lesson]))
    if lesson == "ill":
        kappa = condition_number(gram_eigenvalues(torch.from_numpy(settings.data.X)))
        return t(
            "optimizers.lesson.ill_text",
            scale=num(settings.data.scale),
            kappa=num(kappa),
            verdicts=_verdicts(settings, runs, best),
        )
    if lesson == "scale":
        plain = unscaled(settings.data)
        configs = {c.optimizer: c for c in settings.configs}
        before = {
            name: optimizer_run(plain.key, plain.X, plain.y, config_key(configs[name]), device, optimizer_label(name))
            for name in NEEDS["scale"]
        }
        return t(
            "optimizers.lesson.scale_text",
            scale=num(settings.data.scale),
            moves=_moves({n: runs[n] for n in NEEDS["scale"]}),
            moves1=_moves(before),
        )
    if lesson == "nesterov":
        items = [
            t("optimizers.lesson.overshoot", name=optimizer_label(n), amount=num(overshoot(runs[n], theta_star)))
            for n in NEEDS["nesterov"]
        ]
        return t(
            "optimizers.lesson.nesterov_text",
            overshoots=t("optimizers.page.sep").join(items),
            verdicts=_verdicts(settings, runs, best),
        )
    if lesson == "decay":
        adam, adamw = (next(c for c in settings.configs if c.optimizer == n) for n in NEEDS["decay"])
        if adam.weight_decay != adamw.weight_decay or not adam.weight_decay:
            return t("optimizers.lesson.decay_missing")
        w_adam, w_adamw = runs["adam"].theta[-1, :-1], runs["adamw"].theta[-1, :-1]
        return t(
            "optimizers.lesson.decay_text",
            wd=num(adam.weight_decay),
            w_adam=_vector(w_adam),
            w_adamw=_vector(w_adamw),
            gap=num(float(np.linalg.norm(w_adam - w_adamw))),
        )
    return t(
        "optimizers.lesson.lr_text",
        verdicts=t("optimizers.page.sep").join(_lr_verdict(c, runs[c.optimizer]) for c in settings.configs),
    )


def _moves(runs: dict[str, Run]) -> str:
    return ", ".join(f"{optimizer_label(name)} {num(first_move(run))}" for name, run in runs.items())


def _vector(values: np.ndarray) -> str:
    return "[" + ", ".join(num(v) for v in values) + "]"


def _lr_verdict(config, run: Run) -> str:
    name, lr = optimizer_label(config.optimizer), num(config.lr)
    if run.diverged_step is not None:
        return t("optimizers.lesson.lr_diverged", name=name, lr=lr, step=count(run.diverged_step + 1))
    if run.full_loss[-1] > run.full_loss[0]:
        start, end = num(run.full_loss[0]), num(run.full_loss[-1])
        return t("optimizers.lesson.lr_growing", name=name, lr=lr, start=start, end=end)
    last = run.full_loss[-run.steps_per_epoch :]
    return t("optimizers.lesson.lr_noisy", name=name, lr=lr, low=num(last.min()), high=num(last.max()))
