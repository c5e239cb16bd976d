"""The MSE page's quiz questions: answers equal core results, prompts carry the live inputs, both languages."""

from __future__ import annotations

import html
import re

import pytest
import torch
import torch.nn.functional as F

from core.mse import PRESETS, REDUCTIONS, preset_pair
from ui.classroom import worksheet_html
from ui.mse.formulas import focus_entry
from ui.mse.quiz import matrix_text, mse_questions, worksheet_inputs


def by_kind(questions):
    """Questions by their kind (the key without its state fingerprint): sq, loss, grad, ratio, batch."""
    return {q.key.split("_")[1]: q for q in questions}


@pytest.mark.parametrize(
    ("reduction", "loss", "grad"),
    [("mean", 17 / 6, 1.0), ("sum", 17.0, 6.0), ("none", 17.0, 6.0)],  # golden values of seed 000
)
def test_seed_000_answers_are_the_known_golden_values(seed000, reports_for, reduction, loss, grad):
    x, y = seed000
    q = by_kind(mse_questions(x, y, reports_for(x, y), reduction, "en"))
    assert set(q) == {"sq", "loss", "grad", "ratio", "batch"}
    # the largest |x − y| is X[1, 0]: x = 4, y = 1
    assert q["sq"].answer == pytest.approx(9.0)
    assert q["loss"].answer == pytest.approx(loss)
    assert q["grad"].answer == pytest.approx(grad)
    assert q["ratio"].answer == pytest.approx(6.0)
    assert q["batch"].answer == pytest.approx(17 / 3)


@pytest.mark.parametrize("preset", PRESETS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_answers_equal_pytorch_computed_independently(reports_for, preset, reduction):
    x, y = preset_pair(preset, seed=3)
    q = by_kind(mse_questions(x, y, reports_for(x, y), reduction, "en"))
    xt = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    yt = torch.tensor(y, dtype=torch.float64)
    loss = F.mse_loss(xt, yt, reduction=reduction)
    loss.backward(gradient=torch.ones_like(loss))
    i, j = focus_entry((xt - yt).tolist())
    n, d = xt.shape
    assert q["sq"].answer == pytest.approx((x[i][j] - y[i][j]) ** 2)
    assert q["loss"].answer == pytest.approx(loss.sum().item())
    assert q["grad"].answer == pytest.approx(xt.grad[i, j].item())
    if x[i][j] != y[i][j]:
        assert q["ratio"].answer == pytest.approx(n * d)
    assert q["batch"].answer == pytest.approx(F.mse_loss(xt, yt, reduction="sum").item() / n)


def test_focus_is_the_largest_difference():
    assert focus_entry([[1, -1], [3, -2], [-1, 1]]) == (1, 0)
    assert focus_entry([[0, -5], [5, 0]]) == (0, 1)  # ties: the first one


def test_prompts_and_reasons_carry_the_live_inputs(reports_for):
    x, y = [[1.5, -2.0]], [[0.0, 1.0]]
    q = by_kind(mse_questions(x, y, reports_for(x, y), "sum", "en"))
    assert "x = -2" in q["sq"].prompt and "y = 1" in q["sq"].prompt and "X[0, 1]" in q["sq"].prompt
    assert "(-2 − 1)² = (-3)² = 9" in q["sq"].reason
    assert "reduction='sum'" in q["loss"].prompt and "[[1.5, -2]]" in q["loss"].prompt
    assert "2.25 + 9 = 11.25" in q["loss"].reason
    assert "2 · (-3) = -6" in q["grad"].reason
    assert "n·d = 1·2 = 2" in q["ratio"].reason
    assert "n = 1" in q["batch"].prompt


def test_a_new_state_gives_new_question_keys(seed000, reports_for):
    x, y = seed000
    reports = reports_for(x, y)
    mean_keys = {q.key for q in mse_questions(x, y, reports, "mean", "en")}
    sum_keys = {q.key for q in mse_questions(x, y, reports, "sum", "en")}
    assert not mean_keys & sum_keys
    assert mean_keys == {q.key for q in mse_questions(x, y, reports, "mean", "zh")}


def test_equal_matrices_skip_the_undefined_ratio(reports_for):
    x = y = [[1.0, 2.0]]
    q = by_kind(mse_questions(x, y, reports_for(x, y), "mean", "en"))
    assert "ratio" not in q and len(q) == 4
    assert q["loss"].answer == 0 and q["grad"].answer == 0


def test_large_matrices_are_named_not_written_out(reports_for):
    x, y = preset_pair("random", seed=1)  # 4×3 = 12 entries: written out
    assert matrix_text(x) in mse_questions(x, y, reports_for(x, y), "mean", "en")[1].prompt
    big_x, big_y = [[1.0] * 5] * 3, [[0.0] * 5] * 3
    prompt = mse_questions(big_x, big_y, reports_for(big_x, big_y), "mean", "en")[1].prompt
    assert "3×5 X and Y above" in prompt and "[[" not in prompt


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_both_languages_produce_text(seed000, reports_for, reduction):
    x, y = seed000
    reports = reports_for(x, y)
    english = mse_questions(x, y, reports, reduction, "en")
    chinese = mse_questions(x, y, reports, reduction, "zh")
    assert [q.answer for q in english] == [q.answer for q in chinese]
    for en, zh in zip(english, chinese, strict=True):
        assert en.prompt.strip() and en.reason.strip() and zh.prompt.strip() and zh.reason.strip()
        assert not re.search(r"[\u4e00-\u9fff]", en.prompt)
        assert re.search(r"[\u4e00-\u9fff]", zh.prompt)
        assert "{" not in en.prompt + en.reason + zh.prompt + zh.reason  # every placeholder filled


def test_worksheet_inputs_are_readable(seed000):
    x, y = seed000
    inputs = worksheet_inputs(x, y, "sum", "en")
    assert list(inputs.values()) == ["[[3, 1], [4, 2], [5, 3]]", "[[2, 2], [1, 4], [6, 2]]", "3 × 2", "'sum'"]
    assert "X（预测值）" in worksheet_inputs(x, y, "sum", "zh")


def test_the_worksheet_holds_the_live_questions_and_their_answers(seed000, reports_for):
    x, y = seed000
    questions = mse_questions(x, y, reports_for(x, y), "mean", "zh")
    sheet = worksheet_html("MSE", worksheet_inputs(x, y, "mean", "zh"), questions, "zh")
    assert "[[3, 1], [4, 2], [5, 3]]" in sheet and "2.8333" in sheet
    assert sheet.index(html.escape(questions[1].prompt, quote=True)) < sheet.index('class="answers"')
