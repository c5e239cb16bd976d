"""The optimizers page's pure pieces: quiz answers, the written-out update and the lessons' measures, from real runs."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from core.regression import TrainConfig, path_losses, synthetic_data, train
from ui.numbers import tex_num
from ui.optimizers.compute import Data, Run
from ui.optimizers.inputs import RACERS, Settings
from ui.optimizers.lessons import first_move, overshoot
from ui.optimizers.quiz import optimizer_questions
from ui.optimizers.updates import hand_written_gap, update_lines

X, Y = (v.double() for v in synthetic_data([2.0, -3.4], 4.2, 40, noise=0.3, seed=2))
HYPER = {"torch_sgd": {}, "momentum": {}, "nesterov": {}, "rmsprop": {"lr": 0.05}, "adam": {"lr": 0.1}, "adamw": {}}


def _run(config: TrainConfig) -> Run:
    """A run as ui/optimizers/compute.py stores it (without Streamlit's cache)."""
    h = train(X, Y, config)
    theta = torch.cat([torch.cat([h.w0, h.b0.reshape(1)])[None], torch.column_stack([h.w, h.b])])
    return Run(
        theta=theta.numpy(), grad=torch.column_stack([h.grad_w, h.grad_b]).numpy(),
        state={k: v.numpy() for k, v in h.state.items()}, batch_loss=h.loss.numpy(),
        full_loss=path_losses(X, Y, theta).numpy(), epoch_loss=h.epoch_loss.numpy(),
        steps_per_epoch=h.steps_per_epoch, diverged_step=h.diverged_step,
    )  # fmt: skip


def _config(name: str, **change) -> TrainConfig:
    return TrainConfig(**({"lr": 0.02} | HYPER[name] | change), batch_size=8, epochs=4, optimizer=name, w0=(0, 0), b0=0)


def _settings(names) -> Settings:
    data = Data(("test",), X.numpy(), Y.numpy().ravel(), {"kind": "table"})
    return Settings("free", data, tuple(_config(name) for name in names))


@pytest.mark.parametrize("name", RACERS)
@pytest.mark.parametrize("step", [0, 1, 17])
def test_the_hand_written_update_agrees_with_every_recorded_step(name, step):
    config = _config(name, weight_decay=0.1)
    assert hand_written_gap(config, _run(config), step) < 1e-12


@pytest.mark.parametrize("name", RACERS)
def test_the_written_out_update_ends_at_the_runs_parameter(name):
    config = _config(name, weight_decay=0.1)
    run = _run(config)
    lines = update_lines(config, run, 3, 1, "w_{1}")
    assert lines[0] == rf"g_{{4}} = \nabla_{{w_{{1}}}}\ell = {tex_num(run.grad[3, 1])}"
    assert lines[-1].endswith(f"= {tex_num(run.theta[4, 1])}")
    decay = r"(1 - \gamma\lambda)" if name == "adamw" else r"+ \lambda\theta_{3}"
    assert sum(decay in line for line in lines) == 1


def test_quiz_answers_are_the_runs_numbers_and_adams_first_step_is_about_lr():
    settings = _settings(["momentum", "rmsprop", "adam"])
    runs = {c.optimizer: _run(c) for c in settings.configs}
    questions = {q.key.split("_")[1]: q for q in optimizer_questions(settings, runs, 0.05, 5, "en")}
    assert questions["momentum"].answer == pytest.approx(runs["momentum"].state["momentum_buffer"][5, 0])
    assert questions["square"].answer == pytest.approx(runs["rmsprop"].state["square_avg"][5, 0])
    assert questions["adam"].answer == pytest.approx(0.1, rel=1e-6)  # lr, whatever the gradient
    assert "w₀" in questions["adam"].prompt and "0.1" in questions["adam"].prompt


def test_the_first_to_arrive_is_numbered_in_the_listed_order_and_0_when_none_arrives():
    settings = _settings(["torch_sgd", "adam"])
    runs = {c.optimizer: _run(c) for c in settings.configs}
    reached = {name: runs[name].reached(0.09) for name in runs}
    first = next(q for q in optimizer_questions(settings, runs, 0.09, 0, "en") if q.key.startswith("optim_first"))
    expected = (
        0
        if all(v is None for v in reached.values())
        else 1 + ["torch_sgd", "adam"].index(min((v, k) for k, v in reached.items() if v is not None)[1])
    )
    assert first.answer == expected
    never = next(q for q in optimizer_questions(settings, runs, 1e-9, 0, "en") if q.key.startswith("optim_first"))
    assert never.answer == 0


def test_overshoot_is_the_distance_past_the_optimum_along_the_line_from_the_start():
    theta = np.array([[0.0, 0.0], [1.5, 0.0], [0.8, 0.3], [1.0, 0.0]])
    run = Run(theta, theta[1:], {}, np.zeros(3), np.zeros(4), np.zeros(0), 3, None)
    assert overshoot(run, np.array([1.0, 0.0])) == pytest.approx(0.5)
    assert first_move(run) == pytest.approx(1.5)
