"""The optimizers page's predict-then-reveal questions, built from the live runs (pure: no Streamlit).

For the selected step: the next momentum buffer (momentum or Nesterov), the next square_avg (RMSprop), Adam's
first step size (about lr, whatever the gradient: it surprises people), and which optimizer first gets within
1% of the optimum's loss. A question whose answer is not a finite number (a diverged run) is left out.
"""

from __future__ import annotations

import hashlib
import math

from core.optimizers import torch_call
from ui.classroom import Question
from ui.i18n import translate
from ui.numbers import count, num
from ui.optimizers.compute import Run, config_key
from ui.optimizers.inputs import Settings, optimizer_label


def _tag(settings: Settings, step: int) -> str:
    # the key names the state asked about: another step, data set or setting asks afresh
    state = (settings.data.key, tuple(config_key(c) for c in settings.configs), step)
    return hashlib.sha256(repr(state).encode()).hexdigest()[:10]


def optimizer_questions(
    settings: Settings, runs: dict[str, Run], optimum_loss: float, step: int, lang: str
) -> list[Question]:
    """The questions about step `step` (0-based) of the runs, in `lang`."""
    tag, questions = _tag(settings, step), []

    def ask(key: str, answer: float, prompt: str, reason: str, **values: object) -> None:
        if math.isfinite(answer):
            questions.append(
                Question(
                    f"optim_{key}_{tag}",
                    translate(prompt, lang, **values),
                    answer,
                    translate(reason, lang, **values, answer=num(answer)),
                )
            )

    configs = {c.optimizer: c for c in settings.configs}
    for name in ("momentum", "nesterov"):
        run = runs.get(name)
        if run is not None and step < run.steps and "momentum_buffer" in run.state:
            before = float(run.state["momentum_buffer"][step - 1, 0]) if step else 0.0
            ask(
                f"{name}_buffer",
                float(run.state["momentum_buffer"][step, 0]),
                "optimizers.quiz.momentum",
                "optimizers.quiz.momentum_reason",
                name=optimizer_label(name),
                step=count(step + 1),
                mu=num(configs[name].momentum),
                before=num(before),
                grad=num(run.grad[step, 0]),
            )
            break
    run = runs.get("rmsprop")
    if run is not None and step < run.steps:
        alpha = configs["rmsprop"].alpha
        before = float(run.state["square_avg"][step - 1, 0]) if step else 0.0
        ask(
            "square_avg",
            float(run.state["square_avg"][step, 0]),
            "optimizers.quiz.square_avg",
            "optimizers.quiz.square_avg_reason",
            name=optimizer_label("rmsprop"),
            step=count(step + 1),
            alpha=num(alpha),
            rest=num(1 - alpha),
            before=num(before),
            grad=num(run.grad[step, 0]),
        )
    for name in ("adam", "adamw"):
        run = runs.get(name)
        if run is not None and run.steps and not configs[name].weight_decay:
            ask(
                f"{name}_first",
                abs(float(run.theta[1, 0] - run.theta[0, 0])),
                "optimizers.quiz.adam_first",
                "optimizers.quiz.adam_first_reason",
                name=optimizer_label(name),
                lr=num(configs[name].lr),
                grad=num(run.grad[0, 0]),
            )
            break
    names = settings.names
    reached = {name: runs[name].reached(optimum_loss) if runs[name].diverged_step is None else None for name in names}
    finished = [(steps, k) for k, name in enumerate(names, start=1) if (steps := reached[name]) is not None]
    numbered = ", ".join(f"{k} = {optimizer_label(name)}" for k, name in enumerate(names, start=1))
    never = translate("optimizers.quiz.none", lang)
    steps = ", ".join(f"{optimizer_label(n)} {count(s) if s is not None else never}" for n, s in reached.items())
    ask(
        "first",
        float(min(finished)[1]) if finished else 0.0,
        "optimizers.quiz.first",
        "optimizers.quiz.first_reason",
        numbered=numbered,
        steps=steps,
    )
    return questions


def worksheet_inputs(settings: Settings, step: int) -> dict[str, str]:
    """The settings a worksheet prints above its questions."""
    inputs = {"data": str(settings.data.key[0]), "x₀ ×": num(settings.data.scale), "step": count(step + 1)}
    first = settings.configs[0]
    inputs |= {"batch_size": count(first.batch_size), "epochs": count(first.epochs), "seed": count(first.seed)}
    inputs |= {optimizer_label(c.optimizer): torch_call(c, "params") for c in settings.configs}
    return inputs
