"""Predict-then-reveal questions for the softmax page, built from its current logits, T, target and results.

Pure (no Streamlit calls): the page passes the numbers it displays, the tests pass core's own.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from ui.classroom import Question
from ui.i18n import translate
from ui.numbers import factor, num
from ui.softmax.compute import Results
from ui.softmax.inputs import Settings, shown_logits


def softmax_questions(
    logits: Sequence[float],
    T: float,
    target: int,
    p: Sequence[float],
    J: Sequence[Sequence[float]],
    ce: Mapping[str, object] | None,
    lang: str,
) -> list[Question]:
    """Five questions on the current state: p of the largest logit, a diagonal and an off-diagonal Jacobian
    entry (row `target`, as the Jacobian tab writes them), the cross-entropy loss and its gradient for the
    target logit. Answers are the page's own results (`p`, `J` and the `cross_entropy` numbers `ce`);
    `ce` is None when the target class is invalid, and then there are no questions."""
    n = len(logits)
    if ce is None or n < 2 or len(p) != n or not 0 <= target < n:
        return []
    y, m = target, (target + 1) % n
    k = max(range(n), key=lambda i: (logits[i], -i))  # the largest logit (the first one if tied)
    top = max(logits)
    total = sum(math.exp((a - top) / T) for a in logits)
    probs, grad = list(ce["probs"]), list(ce["grad"])
    z_y, lse, loss = logits[y] / T, float(ce["logsumexp"]), float(ce["loss"])
    shared = dict(logits=shown_logits(logits), T=num(T), y=y, m=m, k=k)

    def _t(key: str, **values: object) -> str:
        return translate(key, lang, **shared, **values)

    return [
        Question(
            "softmax_p_top",
            _t("softmax.quiz.p_top.prompt"),
            p[k],
            _t("softmax.quiz.p_top.reason", total=num(total), p=num(p[k])),
        ),
        Question(
            "softmax_j_diag",
            _t("softmax.quiz.j_diag.prompt"),
            J[y][y],
            _t("softmax.quiz.j_diag.reason", p=num(p[y]), J=num(J[y][y])),
        ),
        Question(
            "softmax_j_off",
            _t("softmax.quiz.j_off.prompt"),
            J[y][m],
            _t("softmax.quiz.j_off.reason", p=num(p[y]), q=num(p[m]), J=num(J[y][m])),
        ),
        Question(
            "softmax_ce_loss",
            _t("softmax.quiz.ce_loss.prompt"),
            loss,
            _t("softmax.quiz.ce_loss.reason", z=num(z_y), lse=factor(lse), loss=num(loss)),
        ),
        Question(
            "softmax_grad",
            _t("softmax.quiz.grad.prompt"),
            grad[y],
            _t("softmax.quiz.grad.reason", p=num(probs[y]), g=num(grad[y])),
        ),
    ]


def page_questions(settings: Settings, results: Results, lang: str) -> list[Question]:
    """`softmax_questions` on the page's settings and results."""
    return softmax_questions(settings.logits, settings.T, settings.target, results.p, results.J, results.ce, lang)


def worksheet_inputs(settings: Settings, lang: str) -> dict[str, str]:
    """The inputs a printed worksheet names, as the controls above the tabs show them."""
    return {
        translate("softmax.input.logits", lang): shown_logits(settings.logits),
        translate("softmax.input.temperature", lang): num(settings.T),
        translate("softmax.input.target", lang): str(settings.target),
    }
