"""The regression page's predict-then-reveal questions, built from the selected step of the live run.

`regression_questions` is pure (no Streamlit): it reads the run the page shows and returns `Question`s
whose answers are that run's numbers (the batch loss, w.grad, b.grad and the parameters after the step).
"""

from __future__ import annotations

import hashlib

import numpy as np

from core.regression import TrainConfig
from ui.classroom import Question
from ui.i18n import translate
from ui.numbers import count, factor, num
from ui.regression.compute import Data, Run, config_key
from ui.regression.notation import amount, plain_vec

# the factors k in ℓ = k·Σr² and c in ∂ℓ/∂r = c·r of each convention (core/losses.py), written as fractions
_LOSS_FACTOR = {"mean": "1/{B}", "sum": "1", "sum_over_batch": "1/{B}", "half_mean": "1/(2·{B})"}
_GRAD_FACTOR = {"mean": "2/{B}", "sum": "2", "sum_over_batch": "2/{B}", "half_mean": "1/{B}"}


def _batch_set(batch: np.ndarray, limit: int = 12) -> str:
    return "{" + ", ".join(map(str, batch[:limit])) + (", …" if len(batch) > limit else "") + "}"


def regression_questions(data: Data, run: Run, config: TrainConfig, i: int, lang: str) -> list[Question]:
    """Questions about step i (0-based) of `run`: the batch loss, w.grad[0], b.grad, w[0] and b after it.

    A question whose answer is not a finite number (a diverged run) is left out.
    """
    if not 0 <= i < run.steps:
        return []
    batch = run.batch(i)
    before, after = run.theta_at(i), run.theta_at(i + 1)
    B = len(batch)
    residual = data.X[batch] @ before[:-1] + before[-1] - data.y[batch]  # r = ŷ − y over the batch
    k_loss = _LOSS_FACTOR[config.loss].format(B=B)
    k_grad = _GRAD_FACTOR[config.loss].format(B=B)
    lr = num(config.lr)
    # the keys name the state asked about: another step, data set or setting asks afresh
    tag = hashlib.sha256(repr((data.key, config_key(config), i)).encode()).hexdigest()[:10]
    common = dict(
        step=count(i + 1),
        batch=_batch_set(batch),
        samples=amount(B, "sample"),
        w=plain_vec(before[:-1]),
        b=num(before[-1]),
    )

    with np.errstate(all="ignore"):
        squares, dot, total = float(residual @ residual), float(residual @ data.X[batch, 0]), float(residual.sum())
    questions = [
        Question(
            f"regression_loss_{tag}",
            translate("regression.quiz.loss", lang, loss=loss_name(config.loss, lang), **common),
            float(run.loss[i]),
            translate(
                "regression.quiz.loss_why",
                lang,
                r=plain_vec(residual),
                k=k_loss,
                squares=num(squares),
                answer=num(run.loss[i]),
            ),
        ),
        Question(
            f"regression_grad_w0_{tag}",
            translate("regression.quiz.grad_w", lang, j=0, js="₀", **common),
            float(run.grad_w[i, 0]),
            translate("regression.quiz.grad_w_why", lang, j=0, c=k_grad, dot=num(dot), answer=num(run.grad_w[i, 0])),
        ),
        Question(
            f"regression_grad_b_{tag}",
            translate("regression.quiz.grad_b", lang, **common),
            float(run.grad_b[i]),
            translate("regression.quiz.grad_b_why", lang, c=k_grad, total=num(total), answer=num(run.grad_b[i])),
        ),
        Question(
            f"regression_next_w0_{tag}",
            translate("regression.quiz.next_w", lang, j=0, lr=lr, before=num(before[0]), step=count(i + 1)),
            float(after[0]),
            translate(
                "regression.quiz.next_w_why",
                lang,
                j=0,
                before=num(before[0]),
                lr=lr,
                grad=factor(run.grad_w[i, 0]),
                answer=num(after[0]),
            ),
        ),
        Question(
            f"regression_next_b_{tag}",
            translate("regression.quiz.next_b", lang, lr=lr, before=num(before[-1]), step=count(i + 1)),
            float(after[-1]),
            translate(
                "regression.quiz.next_b_why",
                lang,
                before=num(before[-1]),
                lr=lr,
                grad=factor(run.grad_b[i]),
                answer=num(after[-1]),
            ),
        ),
    ]
    return [q for q in questions if np.isfinite(q.answer)]


def worksheet_inputs(data: Data, run: Run, config: TrainConfig, i: int, lang: str) -> dict[str, str]:
    """The page's inputs as readable strings, for the printed worksheet."""
    sources = {
        "toy": translate("regression.data.source_toy", lang),
        "synthetic": translate("regression.data.source_synthetic", lang),
    }
    inputs = {
        translate("regression.data.label", lang): sources.get(
            data.key[0], translate("regression.data.source_csv", lang)
        ),
        translate("regression.data.n", lang): count(data.n),
        translate("regression.quiz.ws_features", lang): ", ".join(data.features),
        translate("regression.train.lr", lang): num(config.lr),
        translate("regression.train.batch", lang): count(config.batch_size),
        translate("regression.train.epochs", lang): count(config.epochs),
        translate("regression.model.loss", lang): loss_name(config.loss, lang),
        translate("regression.quiz.ws_start", lang): f"w = {plain_vec(run.w0)}, b = {num(run.b0)}",
        translate("regression.quiz.ws_step", lang): count(i + 1),
    }
    if data.true_w is not None:
        inputs[translate("regression.data.true_w", lang)] = plain_vec(np.asarray(data.true_w))
        inputs[translate("regression.data.true_b", lang)] = num(data.true_b)
    return inputs


def loss_name(code: str, lang: str) -> str:
    names = {
        "mean": translate("regression.model.loss_mean", lang),
        "sum": translate("regression.model.loss_sum", lang),
        "sum_over_batch": translate("regression.model.loss_sum_over_batch", lang),
        "half_mean": translate("regression.model.loss_half_mean", lang),
    }
    return names[code]
