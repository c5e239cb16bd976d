"""The softmax page's quiz questions: answers are core's (and PyTorch's) numbers, prompts carry the live inputs."""

from __future__ import annotations

import math
import re

import pytest
import torch
import torch.nn.functional as F

from core import softmax as sm
from ui.classroom import worksheet_html
from ui.numbers import num
from ui.softmax.inputs import shown_logits
from ui.softmax.quiz import softmax_questions

SEED_001 = [0.2306, 0.6693, 0.6334]
CLASSIC = [2.0, 1.0, 0.1]
CASES = [
    (SEED_001, 1.0, 0),
    (CLASSIC, 1.0, 2),
    (CLASSIC, 0.5, 1),
    ([1000.0, 999.0, -1000.0], 1.0, 2),
    ([-1.5, 0.25, 3.0, 3.0, -0.75], 2.5, 4),
    ([0.0, 0.0], 0.1, 1),
]


def _page_numbers(logits, T, target):
    """What the page hands the builder: core's results as plain lists (as its cached functions return them)."""
    report = sm.cross_entropy(logits, target, temperature=T)
    ce = {k: v.tolist() if isinstance(v, torch.Tensor) else v for k, v in vars(report).items()}
    return sm.softmax(logits, T).tolist(), sm.softmax_jacobian(logits, T).tolist(), ce


def _questions(logits, T, target, lang="en"):
    p, J, ce = _page_numbers(logits, T, target)
    return {q.key: q for q in softmax_questions(logits, T, target, p, J, ce, lang)}


def _independent(logits, T, target):
    """The same quantities straight from PyTorch: F.softmax, autograd's Jacobian, F.cross_entropy and backward."""
    a = torch.tensor(logits, dtype=torch.float64, requires_grad=True)
    p = F.softmax(a / T, dim=0)
    J = torch.autograd.functional.jacobian(lambda x: F.softmax(x / T, dim=0), a.detach())
    loss = F.cross_entropy((a / T).unsqueeze(0), torch.tensor([target]))
    loss.backward()
    k = max(range(len(logits)), key=lambda i: (logits[i], -i))
    m = (target + 1) % len(logits)
    return {
        "softmax_p_top": p[k].item(),
        "softmax_j_diag": J[target, target].item(),
        "softmax_j_off": J[target, m].item(),
        "softmax_ce_loss": loss.item(),
        "softmax_grad": a.grad[target].item(),
    }


@pytest.mark.parametrize(("logits", "T", "target"), CASES)
def test_answers_equal_pytorchs_own_numbers(logits, T, target):
    questions = _questions(logits, T, target)
    expected = _independent(logits, T, target)
    assert list(questions) == list(expected)
    for key, value in expected.items():
        assert questions[key].answer == pytest.approx(value, rel=1e-9, abs=1e-12), key
        assert questions[key].is_close(value)


def test_seed_001_golden_values():
    q = _questions(SEED_001, 1.0, 0)
    assert q["softmax_p_top"].answer == pytest.approx(0.3832, abs=5e-5)  # class 1
    assert q["softmax_j_diag"].answer == pytest.approx(0.1860, abs=5e-5)  # 0.2471 × (1 − 0.2471)
    assert q["softmax_j_off"].answer == pytest.approx(-0.0947, abs=5e-5)  # −0.2471 × 0.3832
    assert q["softmax_ce_loss"].answer == pytest.approx(-math.log(0.24711), abs=1e-4)
    assert q["softmax_grad"].answer == pytest.approx(0.2471 - 1, abs=5e-5)


def test_classic_golden_values_at_half_temperature_and_target_1():
    q = _questions(CLASSIC, 0.5, 1)
    p = [0.8638, 0.1169, 0.0193]  # softmax([4, 2, 0.2]): e^4, e^2, e^0.2 over their sum 63.21
    assert q["softmax_p_top"].answer == pytest.approx(p[0], abs=5e-5)
    assert q["softmax_j_diag"].answer == pytest.approx(p[1] * (1 - p[1]) / 0.5, abs=5e-4)
    assert q["softmax_j_off"].answer == pytest.approx(-p[1] * p[2] / 0.5, abs=5e-4)
    assert q["softmax_ce_loss"].answer == pytest.approx(-math.log(p[1]), abs=1e-3)
    assert q["softmax_grad"].answer == pytest.approx((p[1] - 1) / 0.5, abs=5e-4)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("logits", "T", "target"), CASES)
def test_prompts_carry_the_live_inputs(logits, T, target, lang):
    q = _questions(logits, T, target, lang)
    first = q["softmax_p_top"].prompt
    assert f"[{shown_logits(logits)}]" in first and f"T = {T:g}" in first
    k = max(range(len(logits)), key=lambda i: (logits[i], -i))
    assert f"p_{k}" in first
    for key in ("softmax_j_diag", "softmax_j_off", "softmax_ce_loss"):
        assert f"T = {T:g}" in q[key].prompt and str(target) in q[key].prompt
    assert f"J[{target}, {target}]" in q["softmax_j_diag"].prompt
    assert f"J[{target}, {(target + 1) % len(logits)}]" in q["softmax_j_off"].prompt
    assert f"∂L/∂a_{target}" in q["softmax_grad"].prompt


@pytest.mark.parametrize(("logits", "T", "target"), [(CLASSIC, 0.7, 0), ([1.0 * i for i in range(1, 11)], 0.4, 0)])
def test_reasons_end_with_the_answer_as_the_page_writes_it(logits, T, target):
    for question in _questions(logits, T, target).values():
        assert question.reason.endswith(f"{num(question.answer)}."), question
        assert not re.search(r"-?0\.0000(?!\d)", question.reason), question  # p_0 = 1.553e-10 stays visible


def test_prompts_change_with_the_inputs():
    a, b = _questions(SEED_001, 1.0, 0), _questions(CLASSIC, 2.0, 1)
    assert all(a[key].prompt != b[key].prompt or key == "softmax_grad" for key in a)
    assert all(a[key].answer != b[key].answer for key in a)


def test_both_languages_write_text_with_the_same_answers():
    en, zh = _questions(SEED_001, 1.0, 0, "en"), _questions(SEED_001, 1.0, 0, "zh")
    assert list(en) == list(zh)
    for key in en:
        assert en[key].answer == zh[key].answer
        assert en[key].prompt.strip() and en[key].reason.strip()
        assert not re.search(r"[\u4e00-\u9fff]", en[key].prompt + en[key].reason)
        assert re.search(r"[\u4e00-\u9fff]", zh[key].prompt)
        assert "{" not in en[key].prompt + en[key].reason + zh[key].prompt + zh[key].reason  # all filled


def test_the_largest_logit_is_the_first_when_tied():
    q = _questions([3.0, 1.0, 3.0], 1.0, 0)
    assert "Class 0 has the largest logit" in q["softmax_p_top"].prompt


def test_no_questions_without_a_valid_target():
    p, J, _ = _page_numbers(SEED_001, 1.0, 0)
    assert softmax_questions(SEED_001, 1.0, 3, p, J, None, "en") == []


def test_the_worksheet_lists_every_question_and_its_answer():
    questions = list(_questions(SEED_001, 1.0, 0).values())
    sheet = worksheet_html("Softmax", {"Logits a": shown_logits(SEED_001)}, questions, "en")
    assert "0.2306, 0.6693, 0.6334" in sheet
    assert all(f"<b>{num(q.answer)}</b>" in sheet for q in questions)  # as the page writes numbers
