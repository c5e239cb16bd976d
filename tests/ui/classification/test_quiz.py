"""The classification quiz: answers are core's numbers for the followed sample, prompts follow the state."""

from __future__ import annotations

import math

import torch

from core.classification import ClassifierConfig
from core.logit_gradients import sample_gradients
from ui.classification.quiz import classification_questions, worksheet_inputs


def _questions(W, b, x, label, **config):
    cfg = ClassifierConfig(lr=0.1, batch_size=4, epochs=1, **config)
    s = sample_gradients(W, b, x, label, reduction=cfg.reduction, label_smoothing=cfg.label_smoothing, batch_size=4)
    return s, cfg, {q.key: q for q in classification_questions(s, cfg, 3, 7, "en")}


def test_answers_at_the_zero_start_are_hand_derived():
    # W = 0, b = 0, K = 3: p = 1/3 each, ℓ = log 3, ∂ℓ/∂z_y = (1/3 − 1)/4 for 'mean' over B = 4, class 0 by argmax
    _, _, q = _questions(torch.zeros(3, 2), torch.zeros(3), torch.tensor([1.0, 2.0]), 2)
    assert math.isclose(q["cls_p"].answer, 1 / 3)
    assert math.isclose(q["cls_loss"].answer, math.log(3))
    assert math.isclose(q["cls_grad"].answer, (1 / 3 - 1) / 4)
    assert q["cls_class"].answer == 0
    assert "Sample 7" in q["cls_p"].prompt and "step 3" in q["cls_p"].prompt


def test_sum_and_smoothing_change_the_gradient_answer_and_its_wording():
    W, b, x = torch.tensor([[1.0, 0.0], [0.0, 1.0]]), torch.tensor([0.0, 0.5]), torch.tensor([2.0, -1.0])
    s, cfg, q = _questions(W, b, x, 1, reduction="sum", label_smoothing=0.2)
    assert math.isclose(q["cls_grad"].answer, float(s.p[1]) - 0.9)  # q_y = 1 − 0.2 + 0.2/2, not divided by B
    assert "reduction='sum'" in q["cls_grad"].prompt
    assert q["cls_class"].answer == 0  # z = (2, −0.5)
    inputs = worksheet_inputs(s, W.numpy(), b.numpy(), cfg, 3, 7, "zh")
    assert "label_smoothing=0.2" in "".join(inputs.values())
