"""Predict-then-reveal questions on the followed sample, from the same numbers the One sample tab shows.

Pure (no Streamlit calls): the page passes the numbers it displays, the tests pass core's own.
"""

from __future__ import annotations

import numpy as np

from core.classification import ClassifierConfig
from core.logit_gradients import SampleGradients
from ui.classroom import Question
from ui.i18n import translate
from ui.numbers import count, num


def _vector(values) -> str:
    return "(" + ", ".join(num(v) for v in np.asarray(values, dtype=float).ravel()) + ")"


def classification_questions(
    s: SampleGradients, config: ClassifierConfig, step: int, sample: int, lang: str
) -> list[Question]:
    """p of the sample's own class, its loss, ∂loss/∂z of its own class, and the class the model gives it."""
    y, z, p = s.label, s.z.tolist(), s.p.tolist()
    predicted = int(np.argmax(z))
    shared = dict(i=sample, y=y, step=count(step), x=_vector(s.x))

    def _t(key: str, **values: object) -> str:
        return translate(key, lang, **shared, **values)

    batch = round(1 / s.scale)
    share = _t(f"classification.quiz.share_{config.reduction}", b=count(batch))
    return [
        Question(
            "cls_p",
            _t("classification.quiz.p.prompt"),
            p[y],
            _t("classification.quiz.p.reason", z=_vector(z), p=num(p[y])),
        ),
        Question(
            "cls_loss",
            _t("classification.quiz.loss.prompt"),
            float(s.loss),
            _t(
                "classification.quiz.loss.reason", p=num(p[y]), loss=num(float(s.loss)), eps=num(config.label_smoothing)
            ),
        ),
        Question(
            "cls_grad",
            _t("classification.quiz.grad.prompt", share=share),
            float(s.grad_z[y]),
            _t(
                "classification.quiz.grad.reason",
                p=num(p[y]),
                q=num(float(s.q[y])),
                grad=num(float(s.grad_z[y])),
                share=share,
            ),
        ),
        Question(
            "cls_class",
            _t("classification.quiz.class.prompt"),
            predicted,
            _t("classification.quiz.class.reason", k=predicted, z=num(z[predicted])),
            0.5,
        ),
    ]


def worksheet_inputs(
    s: SampleGradients, W: np.ndarray, b: np.ndarray, config: ClassifierConfig, step: int, sample: int, lang: str
) -> dict[str, str]:
    """What a worksheet prints above the questions: the sample, W, b and the loss's settings."""
    rows = "; ".join(_vector(row) for row in np.asarray(W))
    return {
        translate("classification.ws.sample", lang): f"{sample}: x = {_vector(s.x)}, y = {s.label}",
        translate("classification.ws.W", lang, step=count(step)): rows,
        translate("classification.ws.b", lang, step=count(step)): _vector(b),
        translate("classification.ws.loss", lang): (
            f"CrossEntropyLoss(reduction='{config.reduction}', label_smoothing={num(config.label_smoothing)})"
        ),
        translate("classification.ws.batch", lang): count(round(1 / s.scale)) if config.reduction == "mean" else "—",
    }
