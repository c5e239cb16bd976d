"""`train()` with every optimizer is the plain loop a tutorial writes: DataLoader + nn.Linear + nn.MSELoss + the
torch.optim class, step by step (parameters and state); the export reproduces it; bad settings are InputErrors."""

import re
import subprocess
import sys

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn
from torch.testing import assert_close
from torch.utils.data import DataLoader, TensorDataset

from core.config import OPTIMIZERS
from core.errors import InputError
from core.optimizers import hand_step, state_names, torch_call, torch_optimizer
from core.regression import TrainConfig, synthetic_data, to_pytorch_script, toy_dataset, train

F64 = torch.float64
RACERS = [name for name in OPTIMIZERS if name != "manual"]
HYPER = {  # per optimizer, two settings besides the defaults
    "torch_sgd": [dict(lr=0.05), dict(lr=0.02, weight_decay=0.3)],
    "momentum": [dict(lr=0.02, momentum=0.5), dict(lr=0.01, momentum=0.95, weight_decay=0.1)],
    "nesterov": [dict(lr=0.02, momentum=0.9), dict(lr=0.01, momentum=0.3, weight_decay=0.05)],
    "rmsprop": [dict(lr=0.01, alpha=0.9), dict(lr=0.003, alpha=0.5, eps=1e-4, weight_decay=0.1)],
    "adam": [dict(lr=0.05), dict(lr=0.1, betas=(0.5, 0.9), eps=1e-6, weight_decay=0.2)],
    "adamw": [dict(lr=0.05, weight_decay=0.1), dict(lr=0.1, betas=(0.8, 0.99), weight_decay=1.0)],
}


def plain_loop(X, y, config: TrainConfig):
    """Seed 003's loop with the config's torch.optim class; yields (w, b, state by parameter) after each step."""
    torch.set_default_dtype(F64)
    try:
        net = nn.Linear(X.shape[1], 1)
        with torch.no_grad():
            net.weight.copy_(torch.tensor([config.w0]))
            net.bias.fill_(config.b0)
        optimizer = torch_optimizer(config, net.parameters())
        generator = torch.Generator().manual_seed(config.seed)
        loader = DataLoader(TensorDataset(X, y.reshape(-1, 1)), config.batch_size, shuffle=config.shuffle,
                            generator=generator)  # fmt: skip
        for _ in range(config.epochs):
            for xb, yb in loader:
                loss = nn.MSELoss()(net(xb), yb)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                state = {  # copies: the optimizer updates its tensors in place
                    "w": {k: v.reshape(-1).clone() for k, v in optimizer.state[net.weight].items() if k != "step"},
                    "b": {k: v.reshape(()).clone() for k, v in optimizer.state[net.bias].items() if k != "step"},
                }
                yield net.weight.detach().reshape(-1).clone(), net.bias.detach().reshape(()).clone(), state
    finally:
        torch.set_default_dtype(torch.float32)


def _data(n=23, seed=1):
    X, y = synthetic_data([2.0, -3.4], 4.2, n, noise=0.1, seed=seed)
    return X.to(F64), y.to(F64)


@pytest.mark.parametrize("optimizer", RACERS)
@pytest.mark.parametrize("batch_size", [1, 5, 23])
@pytest.mark.parametrize("shuffle", [True, False])
def test_every_optimizer_equals_the_plain_torch_optim_loop_step_by_step(optimizer, batch_size, shuffle):
    X, y = _data()
    for hyper in HYPER[optimizer]:
        config = TrainConfig(
            batch_size=batch_size, epochs=2, shuffle=shuffle, seed=3, loss="mean", optimizer=optimizer,
            w0=(0.3, -0.1), b0=0.2, device="cpu", **hyper,
        )  # fmt: skip
        history = train(X, y, config)
        steps = list(plain_loop(X, y, config))
        assert len(steps) == len(history.steps)
        for i, (w, b, state) in enumerate(steps):
            step = history.steps[i]
            assert_close(step.w, w, rtol=1e-10, atol=1e-12)
            assert_close(step.b, b, rtol=1e-10, atol=1e-12)
            assert set(step.state["w"]) == set(state["w"]) == set(state_names(config))
            for param in ("w", "b"):
                for name, value in state[param].items():
                    assert_close(step.state[param][name], value, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("optimizer", RACERS)
def test_the_hand_written_update_reproduces_every_recorded_step(optimizer):
    X, y = _data()
    config = TrainConfig(batch_size=4, epochs=2, optimizer=optimizer, w0=(0.3, -0.1), b0=0.2, **HYPER[optimizer][1])
    history = train(X, y, config)
    theta, state = torch.cat([history.w0, history.b0.reshape(1)]), {}
    for step in history.steps:
        grad = torch.cat([step.grad_w, step.grad_b.reshape(1)])
        theta, state = hand_step(config, theta, grad, state)
        assert_close(theta, torch.cat([step.w, step.b.reshape(1)]), rtol=1e-10, atol=1e-12)
        for name in state_names(config):
            assert_close(state[name], torch.cat([step.state["w"][name], step.state["b"][name].reshape(1)]))


def test_adamw_and_adam_with_the_same_weight_decay_take_different_paths():
    X, y = _data()
    common = dict(lr=0.05, batch_size=5, epochs=3, weight_decay=0.5, w0=(0.3, -0.1), b0=0.2)
    adam_w = train(X, y, TrainConfig(optimizer="adam", **common)).w[-1]
    adamw_w = train(X, y, TrainConfig(optimizer="adamw", **common)).w[-1]
    assert (adam_w - adamw_w).abs().max() > 1e-3


def test_adams_first_step_moves_every_parameter_by_about_lr_whatever_the_gradient():
    X, y = toy_dataset()
    config = TrainConfig(lr=0.01, batch_size=6, epochs=1, optimizer="adam", w0=(1.0, 2.0), b0=0.0)
    step = train(X.to(F64), y.to(F64), config).steps[0]
    moved = torch.cat([step.w - torch.tensor([1.0, 2.0], dtype=F64), step.b.reshape(1)]).abs()
    assert_close(moved, torch.full((3,), 0.01, dtype=F64), rtol=1e-6, atol=0)


def test_momentum_zero_keeps_no_buffer_like_torch_optim_sgd():
    config = TrainConfig(lr=0.1, batch_size=2, epochs=1, optimizer="momentum", momentum=0.0)
    assert state_names(config) == ()
    assert train(*toy_dataset(), config).state == {}


@settings(max_examples=25, deadline=None)
@given(
    optimizer=st.sampled_from(RACERS),
    lr=st.floats(1e-4, 0.2),
    batch_size=st.integers(1, 12),
    shuffle=st.booleans(),
    momentum=st.floats(0.01, 0.99),
    beta1=st.floats(0.0, 0.99),
    beta2=st.floats(0.5, 0.9999),
    weight_decay=st.floats(0.0, 1.0),
)
def test_any_valid_setting_matches_torch_optim(
    optimizer, lr, batch_size, shuffle, momentum, beta1, beta2, weight_decay
):
    X, y = _data(n=12, seed=5)
    config = TrainConfig(
        lr=lr, batch_size=batch_size, epochs=2, shuffle=shuffle, loss="mean", optimizer=optimizer, momentum=momentum,
        betas=(beta1, beta2), alpha=beta2, weight_decay=weight_decay, w0=(0.1, 0.2), b0=-0.3,
    )  # fmt: skip
    history = train(X, y, config)
    w, b, _ = list(plain_loop(X, y, config))[len(history.steps) - 1]
    assert_close(history.w[-1], w, rtol=1e-9, atol=1e-9)
    assert_close(history.b[-1], b, rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (dict(momentum=1.0), "out_of_range"),
        (dict(momentum=-0.1), "out_of_range"),
        (dict(betas=(0.9, 1.0)), "out_of_range"),
        (dict(betas=(-0.1, 0.999)), "out_of_range"),
        (dict(betas=(0.9,)), "betas"),
        (dict(alpha=1.0), "out_of_range"),
        (dict(eps=0.0), "out_of_range"),
        (dict(eps=float("nan")), "not_number"),
        (dict(weight_decay=-0.01), "out_of_range"),
        (dict(optimizer="nesterov", momentum=0.0), "nesterov_momentum"),
    ],
)
def test_bad_hyperparameters_raise_input_error_naming_them(change, code):
    with pytest.raises(InputError) as error:
        TrainConfig(lr=0.1, batch_size=2, epochs=1, **change)
    assert error.value.code == code


@pytest.mark.parametrize(
    ("optimizer", "expected"),
    [
        ("torch_sgd", "torch.optim.SGD(net.parameters(), lr=0.1, weight_decay=0.0)"),
        ("momentum", "torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9, weight_decay=0.0)"),
        ("nesterov", "torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.0)"),
        ("rmsprop", "torch.optim.RMSprop(net.parameters(), lr=0.1, alpha=0.99, eps=1e-08, weight_decay=0.0)"),
        ("adam", "torch.optim.Adam(net.parameters(), lr=0.1, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.0)"),
        ("adamw", "torch.optim.AdamW(net.parameters(), lr=0.1, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.0)"),
    ],
)
def test_each_optimizer_is_one_torch_optim_call_with_weight_decay_written_out(optimizer, expected):
    assert torch_call(TrainConfig(lr=0.1, batch_size=2, epochs=1, optimizer=optimizer)) == expected


TOY = {"kind": "toy"}
SYNTHETIC = {"kind": "synthetic", "w": [2, -3.4], "b": 4.2, "n": 200, "noise": 0.01, "seed": 0}


@pytest.mark.parametrize("optimizer", [*RACERS, "manual"])
def test_exported_script_reproduces_each_optimizers_run(optimizer):
    dataset = TOY if optimizer in ("torch_sgd", "rmsprop", "adamw") else SYNTHETIC
    X, y = toy_dataset() if dataset is TOY else synthetic_data([2, -3.4], 4.2, 200, 0.01, 0)
    hyper = HYPER.get(optimizer, HYPER["torch_sgd"])[1]
    config = TrainConfig(batch_size=4, epochs=3, optimizer=optimizer, device="cpu", **hyper)
    history = train(X, y, config)
    script = to_pytorch_script(config, dataset)
    assert "core" not in re.findall(r"^(?:from|import) (\w+)", script, re.M)
    if optimizer != "manual":
        assert torch_call(config) in script
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True).stdout
    w = [float(v) for v in re.search(r"^w: (.*)$", out, re.M)[1].split()]
    b = float(re.search(r"^b: (.*)$", out, re.M)[1])
    np.testing.assert_allclose(w, history.w[-1].tolist(), atol=1e-5)
    np.testing.assert_allclose(b, history.b[-1].item(), atol=1e-5)


def test_exported_script_multiplies_a_feature_as_the_run_did():
    X, y = synthetic_data([2, -3.4], 4.2, 200, 0.01, 0)
    scaled = X * torch.tensor([10.0, 1.0])
    config = TrainConfig(lr=0.05, batch_size=20, epochs=2, optimizer="adam", device="cpu")
    history = train(scaled, y, config)
    script = to_pytorch_script(config, {**SYNTHETIC, "scale": [10.0, 1.0]})
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True).stdout
    w = [float(v) for v in re.search(r"^w: (.*)$", out, re.M)[1].split()]
    np.testing.assert_allclose(w, history.w[-1].tolist(), atol=1e-5)
