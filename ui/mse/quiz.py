"""Predict-then-reveal questions of the MSE page, built from its current state (pure: no streamlit calls).

Every answer is read from the same `MSEReport`s the page displays; every prompt and reason carries the
live numbers, so a new X, Y or reduction gives new questions (with new keys, hence fresh guesses).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from core.mse import MSEReport
from ui.classroom import Question
from ui.i18n import translate
from ui.mse.formulas import MAX_TERMS, focus_entry
from ui.numbers import num

Matrix = list[list[float]]
INLINE_ENTRIES = 12  # matrices up to this many entries are written into the loss prompt


def matrix_text(values: Matrix) -> str:
    """A matrix as a readable nested list: [[3, 1], [4, 2], [5, 3]]."""
    return "[" + ", ".join("[" + ", ".join(num(v) for v in row) + "]" for row in values) + "]"


def _fingerprint(x: Matrix, y: Matrix, reduction: str) -> str:
    return hashlib.sha1(repr((x, y, reduction)).encode()).hexdigest()[:8]


def _paren(value: float) -> str:
    text = num(value)
    return f"({text})" if value < 0 else text


def _sum_of_squares(squared: Matrix) -> str:
    flat = [v for row in squared for v in row]
    text = " + ".join(num(v) for v in flat[:MAX_TERMS])
    return text + (" + …" if len(flat) > MAX_TERMS else "")


def mse_questions(x: Matrix, y: Matrix, reports: Mapping[str, MSEReport], reduction: str, lang: str) -> list[Question]:
    """The page's questions for X, Y and `reduction`: a squared error, the loss, an X.grad entry,
    the 'sum'/'mean' gradient ratio (when X ≠ Y) and the `sum / n` batch idiom."""

    def _t(key: str, **values: object) -> str:
        return translate(key, lang, **values)

    n, d = len(x), len(x[0])
    nd = n * d
    tag = _fingerprint(x, y, reduction)
    report = reports[reduction]
    diff = reports["none"].diff.tolist()
    squared = reports["none"].squared_error.tolist()
    i, j = focus_entry(diff)
    xi, yi, di = x[i][j], y[i][j], diff[i][j]
    where = dict(row=i, col=j, x=num(xi), y=num(yi), n=n, d=d, nd=nd, reduction=reduction)
    data = (
        _t("mse.quiz.data_inline", x=matrix_text(x), y=matrix_text(y))
        if nd <= INLINE_ENTRIES
        else _t("mse.quiz.data_above", n=n, d=d)
    )

    sq = squared[i][j]
    questions = [
        Question(
            f"mse_sq_{tag}",
            _t("mse.quiz.sq", **where),
            sq,
            _t("mse.quiz.sq_why", x=num(xi), y=_paren(yi), diff=_paren(di), sq=num(sq)),
        )
    ]

    total = sum(v for row in squared for v in row)
    if reduction == "none":
        loss_value = report.loss.sum().item()
        loss_prompt = _t("mse.quiz.loss_none", data=data)
        loss_why = _t("mse.quiz.loss_none_why", terms=_sum_of_squares(squared), total=num(loss_value))
    else:
        loss_value = report.loss.item()
        loss_prompt = _t("mse.quiz.loss", data=data, reduction=reduction)
        key = "mse.quiz.loss_mean_why" if reduction == "mean" else "mse.quiz.loss_sum_why"
        loss_why = _t(key, terms=_sum_of_squares(squared), total=num(total), nd=nd, loss=num(loss_value))
    questions.append(Question(f"mse_loss_{tag}", loss_prompt, loss_value, loss_why))

    grad = report.grad[i, j].item()
    grad_key = {"mean": "mse.quiz.grad_mean", "sum": "mse.quiz.grad_sum", "none": "mse.quiz.grad_none"}[reduction]
    scale = f"2/{nd}" if reduction == "mean" else "2"
    questions.append(
        Question(
            f"mse_grad_{tag}",
            _t(grad_key, **where),
            grad,
            _t(
                "mse.quiz.grad_none_why" if reduction == "none" else "mse.quiz.grad_why",
                scale=scale,
                diff=_paren(di),
                grad=num(grad),
            ),
        )
    )

    mean_grad = reports["mean"].grad[i, j].item()
    sum_grad = reports["sum"].grad[i, j].item()
    if mean_grad != 0:  # X = Y: both gradients are 0 and the ratio is undefined
        ratio = sum_grad / mean_grad
        questions.append(
            Question(
                f"mse_ratio_{tag}",
                _t("mse.quiz.ratio", **where),
                ratio,
                _t("mse.quiz.ratio_why", sum=num(sum_grad), mean=num(mean_grad), n=n, d=d, ratio=num(ratio)),
            )
        )

    loss_sum = reports["sum"].loss.item()
    loss_mean = reports["mean"].loss.item()
    per_batch = loss_sum / n
    questions.append(
        Question(
            f"mse_batch_{tag}",
            _t("mse.quiz.batch", data=data, n=n),
            per_batch,
            _t("mse.quiz.batch_why", sum=num(loss_sum), n=n, value=num(per_batch), d=d, mean=num(loss_mean)),
        )
    )
    return questions


def worksheet_inputs(x: Matrix, y: Matrix, reduction: str, lang: str) -> dict[str, str]:
    """The page's inputs as readable strings, for the worksheet."""
    return {
        translate("mse.quiz.ws_x", lang): matrix_text(x),
        translate("mse.quiz.ws_y", lang): matrix_text(y),
        translate("mse.quiz.ws_shape", lang): f"{len(x)} × {len(x[0])}",
        "reduction": f"'{reduction}'",
    }
