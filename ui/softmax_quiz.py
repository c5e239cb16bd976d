"""Predict-then-reveal questions for the softmax page, built from its current logits, T, target and results.

Pure (no Streamlit calls): the page passes the numbers it displays, the tests pass core's own.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from ui.classroom import Question
from ui.i18n import translate


def _num(x: float) -> str:
    """A number as the page's tables and formulas show it (no "-0.0000")."""
    return f"{0.0 if abs(x) < 5e-5 else x:.4f}"


def _paren(x: float) -> str:
    """A number to subtract: negative ones in parentheses, so "− -1" reads "− (-1)"."""
    return f"({_num(x)})" if x < 0 else _num(x)


def shown_logits(logits: Sequence[float]) -> str:
    """The logits as the page writes them: "0.2306, 0.6693, 0.6334"."""
    return ", ".join(f"{v:g}" for v in logits)


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
    shared = dict(logits=shown_logits(logits), T=f"{T:g}", y=y, m=m, k=k)

    def _t(key: str, **values: object) -> str:
        return translate(key, lang, **shared, **values)

    return [
        Question(
            "softmax_p_top",
            _t("softmax.quiz.p_top.prompt"),
            p[k],
            _t("softmax.quiz.p_top.reason", total=_num(total), p=_num(p[k])),
        ),
        Question(
            "softmax_j_diag",
            _t("softmax.quiz.j_diag.prompt"),
            J[y][y],
            _t("softmax.quiz.j_diag.reason", p=_num(p[y]), J=_num(J[y][y])),
        ),
        Question(
            "softmax_j_off",
            _t("softmax.quiz.j_off.prompt"),
            J[y][m],
            _t("softmax.quiz.j_off.reason", p=_num(p[y]), q=_num(p[m]), J=_num(J[y][m])),
        ),
        Question(
            "softmax_ce_loss",
            _t("softmax.quiz.ce_loss.prompt"),
            loss,
            _t("softmax.quiz.ce_loss.reason", z=_num(z_y), lse=_paren(lse), loss=_num(loss)),
        ),
        Question(
            "softmax_grad",
            _t("softmax.quiz.grad.prompt"),
            grad[y],
            _t("softmax.quiz.grad.reason", p=_num(probs[y]), g=_num(grad[y])),
        ),
    ]
