"""The autograd page's questions: every answer equals core's result for the same inputs, computed here
independently; the prompts carry the live inputs; both languages produce text."""

from __future__ import annotations

import math
import re

import pytest
import torch
import torch.nn.functional as F

from core.autograd_presets import (
    build_expression,
    chain_rule,
    optimizer_trace,
)
from ui.autograd.quiz import autograd_questions, plain_fn, worksheet_inputs

LINEAR = (1.0, 2.0, 2.0, 0.0, 0.0, 1.0, 3.0, 2.0, 1.0, 0.5, -0.5, 0.0)  # the page's default values


@pytest.fixture
def ask(make_results):
    """The page's questions for a preset's numbers, written flat (see conftest.settings_of)."""

    def ask(preset: str, values: tuple, lr: float = 0.1, lang: str = "en", only_w: bool = False):
        return autograd_questions(make_results(preset, values, lr=lr, only_w=only_w), lang)

    return ask


def answers(questions) -> dict[str, float]:
    return {q.key.rsplit("_", 1)[1]: q.answer for q in questions}


def test_linear_seed_example_matches_the_known_golden_values(ask):
    got = answers(ask("linear", LINEAR))
    # ŷ = X wᵀ + b = [-0.5, 1, -0.5]; L = (3.5² + 1² + 1.5²)/3 = 31/6; ∂L/∂w₀ = 2/3·(-3.5·1 - 1·2 - 1.5·0)
    assert got["yhat"] == pytest.approx(-0.5)
    assert got["loss"] == pytest.approx(31 / 6)
    assert got["grad"] == pytest.approx(-11 / 3)
    assert got["step"] == pytest.approx(0.5 + 0.1 * 11 / 3)
    assert got["passes"] == 3


@pytest.mark.parametrize(
    ("values", "lr"),
    [
        ((1.5, -2.0, 0.5, 3.0, -1.0, 4.0, 2.5, -3.0, 7.0, -1.25, 2.0, 0.75), 0.05),
        ((0.0, 0.0, 10.0, -10.0, 3.0, 3.0, -50.0, 20.0, 0.0, 4.0, 0.5, -2.0), 1.5),
    ],
)
def test_linear_answers_equal_an_independent_pytorch_computation(values, lr, ask):
    X = torch.tensor(values[0:6], dtype=torch.float64).reshape(3, 2)
    y = torch.tensor(values[6:9], dtype=torch.float64)
    w = torch.tensor(values[9:11], dtype=torch.float64, requires_grad=True)
    b = torch.tensor(values[11], dtype=torch.float64, requires_grad=True)
    y_hat = X @ w + b
    loss = ((y_hat - y) ** 2).mean()
    loss.backward()
    got = answers(ask("linear", values, lr))
    assert got["yhat"] == pytest.approx(y_hat[0].item())
    assert got["loss"] == pytest.approx(loss.item())
    assert got["grad"] == pytest.approx(w.grad[0].item())
    assert got["step"] == pytest.approx(values[9] - lr * w.grad[0].item())
    assert got["passes"] == 3


@pytest.mark.parametrize("g", ["square", "sin", "exp", "tanh", "sigmoid"])
@pytest.mark.parametrize("f", ["square", "sin", "tanh", "sigmoid"])
def test_chain_answers_equal_the_hand_derivative(g, f, ask):
    fns = {
        "square": (lambda u: u * u, lambda u: 2 * u),
        "sin": (math.sin, math.cos),
        "exp": (math.exp, math.exp),
        "tanh": (math.tanh, lambda u: 1 - math.tanh(u) ** 2),
        "sigmoid": (lambda u: 1 / (1 + math.exp(-u)), lambda u: math.exp(-u) / (1 + math.exp(-u)) ** 2),
    }
    x, lr = -0.7, 0.3
    got = answers(ask("chain", (x, g, f), lr))
    inner = fns[g][0](x)
    slope = fns[f][1](inner) * fns[g][1](x)
    assert got["g"] == pytest.approx(inner)
    assert got["y"] == pytest.approx(fns[f][0](inner))
    assert got["grad"] == pytest.approx(slope)
    assert got["step"] == pytest.approx(x - lr * slope)
    assert got["passes"] == 1


def test_chain_seed_example_matches_the_known_golden_values(ask):
    got = answers(ask("chain", (0.5, "square", "sin")))
    assert got["g"] == pytest.approx(0.25)
    assert got["y"] == pytest.approx(math.sin(0.25))
    assert got["grad"] == pytest.approx(0.9689124217106447)  # cos(0.25) · 2 · 0.5
    assert got["step"] == pytest.approx(0.5 - 0.1 * 0.9689124217106447)


@pytest.mark.parametrize("target", [0, 1, 2])
def test_softmax_answers_equal_torch_cross_entropy(target, ask):
    values, lr = (2.0, 1.0, 0.1, target), 0.5
    z = torch.tensor([values[0:3]], dtype=torch.float64, requires_grad=True)
    loss = F.cross_entropy(z, torch.tensor([target]))
    loss.backward()
    got = answers(ask("softmax_ce", values, lr))
    assert got["logp"] == pytest.approx(torch.log_softmax(z, 1)[0, target].item())
    assert got["loss"] == pytest.approx(loss.item())
    assert got["grad"] == pytest.approx(z.grad[0, target].item())
    assert got["grad"] == pytest.approx(torch.softmax(z, 1)[0, target].item() - 1)
    assert got["step"] == pytest.approx(values[target] - lr * z.grad[0, target].item())
    assert got["passes"] == 3
    if target == 0:
        assert got["grad"] == pytest.approx(-0.341, abs=1e-3)  # the page's golden z.grad[0, 0]


def test_the_optimizer_only_holding_w_does_not_change_the_question_on_w(ask):
    assert answers(ask("linear", LINEAR, only_w=True))["step"] == pytest.approx(answers(ask("linear", LINEAR))["step"])


def test_answers_are_read_from_the_same_core_results_the_page_shows(ask, make_settings):
    inputs = make_settings("linear", LINEAR).inputs
    expr = build_expression(inputs)
    got = answers(ask("linear", LINEAR))
    assert got["loss"] == expr.loss.item()
    assert got["grad"] == chain_rule(inputs).autograd[0, 0].item()
    assert got["step"] == optimizer_trace(inputs, lr=0.1).value_after_step[0][0, 0].item()


@pytest.mark.parametrize(
    ("preset", "values", "lr", "needles"),
    [
        ("linear", (1.5, -2.0, 0.5, 3.0, -1.0, 4.0, 2.5, -3.0, 7.0, -1.25, 2.0, 0.75), 0.05, ["-1.25", "0.75", "0.05"]),
        ("chain", (1.3, "tanh", "exp"), 0.2, ["1.3", "exp(tanh(x))", "0.2"]),
        ("softmax_ce", (0.3, -1.2, 4.0, 1), 0.7, ["[0.3, -1.2, 4]", "0.7"]),
    ],
)
def test_prompts_carry_the_live_inputs(preset, values, lr, needles, ask):
    questions = ask(preset, values, lr)
    prompts = " ".join(q.prompt for q in questions)
    for needle in needles:
        assert needle in prompts
    assert f"lr = {lr:g}" in questions[-2].prompt
    for q in questions:
        assert any(ch.isdigit() for ch in q.prompt) or "(" in q.prompt  # every prompt names numbers or shapes


@pytest.mark.parametrize("preset", ["linear", "chain", "softmax_ce"])
def test_reasons_write_the_formula_with_the_answer(preset, ask):
    values = {"linear": LINEAR, "chain": (0.5, "square", "sin"), "softmax_ce": (2.0, 1.0, 0.1, 0)}[preset]
    for q in ask(preset, values):
        assert q.reason.strip()
        assert f"{q.answer:.4g}" in q.reason or str(int(q.answer)) in q.reason


@pytest.mark.parametrize("preset", ["linear", "chain", "softmax_ce"])
def test_both_languages_produce_text_with_the_same_answers(preset, ask):
    values = {"linear": LINEAR, "chain": (0.5, "square", "sin"), "softmax_ce": (2.0, 1.0, 0.1, 0)}[preset]
    en, zh = ask(preset, values, lang="en"), ask(preset, values, lang="zh")
    assert len(en) == len(zh) >= 4
    assert [q.key for q in en] == [q.key for q in zh]
    assert [q.answer for q in en] == [q.answer for q in zh]
    for q_en, q_zh in zip(en, zh, strict=True):
        assert q_en.prompt.strip() and q_zh.prompt.strip() and q_en.reason.strip() and q_zh.reason.strip()
        assert re.search(r"[\u4e00-\u9fff]", q_zh.prompt)
        assert not re.search(r"[\u4e00-\u9fff]", q_en.prompt)
        assert q_en.prompt != q_zh.prompt


def test_question_keys_are_unique_and_name_the_preset(ask):
    cases = [("linear", LINEAR), ("chain", (0.5, "sin", "exp"))]
    keys = [q.key for preset, values in cases for q in ask(preset, values)]
    assert len(keys) == len(set(keys))
    assert all(k.startswith("ag_") for k in keys)


def test_plain_functions_parenthesize_where_needed():
    assert plain_fn("square", "x") == "x²"
    assert plain_fn("square", "-0.5") == "(-0.5)²"
    assert plain_fn("square", plain_fn("square", "x")) == "(x²)²"
    assert plain_fn("sin", plain_fn("square", "x")) == "sin(x²)"


def test_worksheet_inputs_are_readable_strings(make_settings):
    sheet = worksheet_inputs(make_settings("linear", LINEAR), "en")
    assert sheet["X"] == "[[1, 2], [2, 0], [0, 1]]" and sheet["w"] == "[0.5, -0.5]" and sheet["lr"] == "0.1"
    chain = worksheet_inputs(make_settings("chain", (0.5, "square", "sin")), "zh")
    assert chain["y = f(g(x))"] == "sin(x²)" and "内层函数 g(u)" in chain
    assert worksheet_inputs(make_settings("softmax_ce", (2.0, 1.0, 0.1, 2)), "en")["True class"] == "2"
