"""The regression page's quiz questions: answers are the live run's numbers, prompts carry the live inputs."""

from __future__ import annotations

import re

import numpy as np
import pytest
import torch

from core.regression import TrainConfig, train
from ui.classroom import worksheet_html
from ui.numbers import num
from ui.regression.compute import Data
from ui.regression.quiz import regression_questions, worksheet_inputs


def _core(data: Data, config: TrainConfig):
    """Core's history, computed independently of the page."""
    return train(torch.from_numpy(data.X), torch.from_numpy(data.y), config)


def _answers(questions) -> dict[str, float]:
    return {re.sub(r"_[0-9a-f]{10}$", "", q.key): q.answer for q in questions}


def test_seed_example_answers_are_the_hand_computed_values(toy, seed_run, seed_config):
    questions = regression_questions(toy, seed_run, seed_config, 0, "en")
    assert _answers(questions) == pytest.approx({
        "regression_loss": 12.0,
        "regression_grad_w0": 32 / 3,
        "regression_grad_b": 20 / 3,
        "regression_next_w0": -13 / 3,
        "regression_next_b": -10 / 3,
    })  # fmt: skip


@pytest.mark.parametrize("loss", ["mean", "sum", "sum_over_batch", "half_mean"])
@pytest.mark.parametrize("i", [0, 2, 7])
def test_answers_equal_core_results_for_each_step_and_convention(loss, i, synthetic, run_of):
    data = synthetic()
    config = TrainConfig(lr=0.03, batch_size=7, epochs=2, seed=5, loss=loss, w0=(0.5, -1.0), b0=0.25)
    core = _core(data, config)
    answers = _answers(regression_questions(data, run_of(data, config), config, i, "en"))
    assert answers == pytest.approx({
        "regression_loss": float(core.loss[i]),
        "regression_grad_w0": float(core.grad_w[i, 0]),
        "regression_grad_b": float(core.grad_b[i]),
        "regression_next_w0": float(core.w[i, 0]),
        "regression_next_b": float(core.b[i]),
    }, rel=1e-9, abs=1e-12)  # fmt: skip


def test_reasons_hold_the_numbers_of_the_formula(toy, seed_run, seed_config):
    reasons = [q.reason for q in regression_questions(toy, seed_run, seed_config, 0, "en")]
    assert reasons[0] == "Residuals ŷ − y = [4, 2, 4]; ℓ = 1/3·Σ(ŷᵢ − yᵢ)² = 1/3·36 = 12."
    assert reasons[1] == "w.grad[0] = 2/3·Σᵢ (ŷᵢ − yᵢ)·X[i, 0] = 2/3·16 = 10.6667."
    assert reasons[2] == "b.grad = 2/3·Σ(ŷᵢ − yᵢ) = 2/3·10 = 6.6667."
    assert reasons[3] == "w[0] − η·w.grad[0] = 1 − 0.5·10.6667 = -4.3333."
    assert reasons[4] == "b − η·b.grad = 0 − 0.5·6.6667 = -3.3333."


def test_prompts_carry_the_live_inputs(synthetic, run_of):
    data = synthetic()
    config = TrainConfig(lr=0.07, batch_size=4, epochs=1, seed=1, loss="mean", w0=(0.5, -1.25), b0=0.75)
    run = run_of(data, config)
    i = 2
    prompts = [q.prompt for q in regression_questions(data, run, config, i, "en")]
    batch = "{" + ", ".join(map(str, run.batch(i))) + "}"
    before = run.theta()[i]
    for prompt in prompts:
        assert "step 3" in prompt.lower()
    for prompt in prompts[:3]:
        assert batch in prompt
        assert f"w = [{num(before[0])}, {num(before[1])}]" in prompt and f"b = {num(before[2])}" in prompt
    assert "η = 0.07" in prompts[3] and f"(it was {num(before[0])})" in prompts[3]
    assert "η = 0.07" in prompts[4] and f"(it was {num(before[2])})" in prompts[4]


def test_prompts_change_with_the_inputs(toy, seed_run, seed_config, run_of):
    data = toy
    other = TrainConfig(lr=0.1, batch_size=2, epochs=1, loss="sum", w0=(3, -1), b0=2, batch_order=(4, 2))
    run = run_of(data, other)
    questions = regression_questions(data, run, other, 0, "en")
    assert (
        "I = {4, 2}" in questions[0].prompt and "w = [3, -1]" in questions[0].prompt and "b = 2" in questions[0].prompt
    )
    assert "η = 0.1" in questions[3].prompt and "(it was 3)" in questions[3].prompt
    assert "(it was 2)" in questions[4].prompt
    seed = regression_questions(data, seed_run, seed_config, 0, "en")
    assert {q.key for q in seed}.isdisjoint(q.key for q in questions)  # another state asks afresh


def test_both_languages_produce_text(toy, seed_run, seed_config):
    en = regression_questions(toy, seed_run, seed_config, 1, "en")
    zh = regression_questions(toy, seed_run, seed_config, 1, "zh")
    assert len(en) == len(zh) == 5
    assert [q.answer for q in en] == [q.answer for q in zh]
    for e, z in zip(en, zh, strict=True):
        assert e.prompt.strip() and e.reason.strip() and z.prompt.strip() and z.reason.strip()
        assert e.prompt != z.prompt
        assert re.search(r"[\u4e00-\u9fff]", z.prompt)
        assert not re.search(r"[\u4e00-\u9fff]", e.prompt)
        assert "{" not in e.reason and "{" not in z.reason  # every placeholder filled


def test_a_diverged_run_asks_only_about_finite_numbers(synthetic, run_of):
    data = synthetic(n=20)
    config = TrainConfig(lr=50.0, batch_size=20, epochs=200, loss="sum", w0=(1.0, 1.0), b0=0.0)
    run = run_of(data, config)
    assert run.diverged
    questions = regression_questions(data, run, config, run.steps - 1, "en")
    assert all(np.isfinite(q.answer) for q in questions)
    assert regression_questions(data, run, config, 0, "en")  # the first step is still finite


def test_out_of_range_step_asks_nothing(toy, seed_run, seed_config):
    assert regression_questions(toy, seed_run, seed_config, seed_run.steps, "en") == []


def test_worksheet_holds_the_inputs_and_the_answer_key(synthetic, run_of):
    data = synthetic()
    config = TrainConfig(lr=0.03, batch_size=10, epochs=1, loss="mean", w0=(0.0, 0.0), b0=0.0)
    run = run_of(data, config)
    inputs = worksheet_inputs(data, run, config, 1, "en")
    assert inputs["Learning rate η"] == "0.03" and inputs["Batch size"] == "10" and inputs["Samples n"] == "40"
    assert inputs["True b"] == "4.2"
    questions = regression_questions(data, run, config, 1, "en")
    page = worksheet_html("Worksheet", inputs, questions, "en")
    assert f"{questions[0].answer:.4f}" in page
    zh = worksheet_inputs(data, run, config, 1, "zh")
    assert "学习率 η" in zh


@pytest.mark.parametrize("seed_example", [True, False])
def test_theta_at_each_step_is_that_row_of_the_whole_trajectory(seed_example, toy, seed_config, synthetic, run_of):
    config = seed_config if seed_example else TrainConfig(lr=0.1, batch_size=7, epochs=2, loss="mean")
    data = toy if seed_example else synthetic()
    run = run_of(data, config)
    whole = run.theta()
    assert whole.shape == (run.steps + 1, data.d + 1)
    for k in range(run.steps + 1):
        np.testing.assert_array_equal(run.theta_at(k), whole[k])
    h = _core(data, config)  # and both are core's w, b: the start, then after each step
    np.testing.assert_allclose(run.theta_at(0), [*h.w0.tolist(), float(h.b0)])
    np.testing.assert_allclose(run.theta_at(run.steps), [*h.w[-1].tolist(), float(h.b[-1])])
