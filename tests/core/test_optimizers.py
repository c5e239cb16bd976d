"""The hand-written updates of core/optimizers.py equal torch.optim's, step for step, parameters and state."""

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch.testing import assert_close

from core.optimizers import adam, adam_first_step_size, bias_corrections, rmsprop, sgd

F64 = torch.float64


def run_both(torch_class, torch_kwargs, hand, hand_kwargs, grads: list[torch.Tensor], theta0: torch.Tensor):
    """Steps torch.optim and the hand-written update through the same gradients; yields both after each step."""
    param = torch.nn.Parameter(theta0.clone())
    optimizer = torch_class([param], **torch_kwargs)
    theta, state = theta0.clone(), {}
    for grad in grads:
        param.grad = grad.clone()
        optimizer.step()
        theta, state = hand(theta, grad, state, **hand_kwargs)
        yield param.detach(), optimizer.state[param], theta, state


CASES = [
    ("sgd", torch.optim.SGD, {"lr": 0.1}, sgd, {"lr": 0.1}),
    ("sgd_wd", torch.optim.SGD, {"lr": 0.1, "weight_decay": 0.3}, sgd, {"lr": 0.1, "weight_decay": 0.3}),
    ("momentum", torch.optim.SGD, {"lr": 0.05, "momentum": 0.9}, sgd, {"lr": 0.05, "momentum": 0.9}),
    (
        "nesterov",
        torch.optim.SGD,
        {"lr": 0.05, "momentum": 0.8, "nesterov": True, "weight_decay": 0.01},
        sgd,
        {"lr": 0.05, "momentum": 0.8, "nesterov": True, "weight_decay": 0.01},
    ),
    ("rmsprop", torch.optim.RMSprop, {"lr": 0.01, "alpha": 0.9}, rmsprop, {"lr": 0.01, "alpha": 0.9}),
    (
        "rmsprop_wd",
        torch.optim.RMSprop,
        {"lr": 0.01, "alpha": 0.99, "eps": 1e-6, "weight_decay": 0.1},
        rmsprop,
        {"lr": 0.01, "alpha": 0.99, "eps": 1e-6, "weight_decay": 0.1},
    ),
    ("adam", torch.optim.Adam, {"lr": 0.01}, adam, {"lr": 0.01}),
    (
        "adam_l2",
        torch.optim.Adam,
        {"lr": 0.01, "betas": (0.8, 0.99), "weight_decay": 0.1},
        adam,
        {"lr": 0.01, "betas": (0.8, 0.99), "weight_decay": 0.1},
    ),
    (
        "adamw",
        torch.optim.AdamW,
        {"lr": 0.01, "weight_decay": 0.1},
        adam,
        {"lr": 0.01, "weight_decay": 0.1, "decoupled": True},
    ),
]


@pytest.mark.parametrize(
    ("name", "torch_class", "torch_kwargs", "hand", "hand_kwargs"), CASES, ids=[c[0] for c in CASES]
)
def test_hand_written_update_equals_torch_optim_step_for_step(name, torch_class, torch_kwargs, hand, hand_kwargs):
    generator = torch.Generator().manual_seed(0)
    grads = [torch.randn(3, generator=generator, dtype=F64) for _ in range(25)]
    theta0 = torch.randn(3, generator=generator, dtype=F64)
    for param, torch_state, theta, state in run_both(torch_class, torch_kwargs, hand, hand_kwargs, grads, theta0):
        assert_close(theta, param, rtol=1e-12, atol=1e-12)
        assert set(state) == {k for k, v in torch_state.items() if v is not None}, name
        for key, value in state.items():
            assert_close(value.to(F64), torch_state[key].to(F64), rtol=1e-12, atol=1e-12)


@settings(max_examples=40, deadline=None)
@given(
    lr=st.floats(1e-4, 1.0),
    beta1=st.floats(0.0, 0.99),
    beta2=st.floats(0.0, 0.999),
    eps=st.floats(1e-10, 1e-2),
    weight_decay=st.floats(0.0, 1.0),
    decoupled=st.booleans(),
    seed=st.integers(0, 2**16),
)
def test_adam_and_adamw_match_torch_for_any_valid_hyperparameters(lr, beta1, beta2, eps, weight_decay, decoupled, seed):
    generator = torch.Generator().manual_seed(seed)
    grads = [torch.randn(2, generator=generator, dtype=F64) for _ in range(8)]
    theta0 = torch.randn(2, generator=generator, dtype=F64)
    torch_class = torch.optim.AdamW if decoupled else torch.optim.Adam
    kwargs = {"lr": lr, "betas": (beta1, beta2), "eps": eps, "weight_decay": weight_decay}
    for param, _, theta, _ in run_both(torch_class, kwargs, adam, {**kwargs, "decoupled": decoupled}, grads, theta0):
        assert_close(theta, param, rtol=1e-10, atol=1e-12)


@settings(max_examples=40, deadline=None)
@given(
    lr=st.floats(1e-4, 1.0),
    momentum=st.floats(0.0, 0.99),
    nesterov=st.booleans(),
    weight_decay=st.floats(0.0, 1.0),
    seed=st.integers(0, 2**16),
)
def test_sgd_family_matches_torch_for_any_valid_hyperparameters(lr, momentum, nesterov, weight_decay, seed):
    nesterov = nesterov and momentum > 0
    generator = torch.Generator().manual_seed(seed)
    grads = [torch.randn(2, generator=generator, dtype=F64) for _ in range(8)]
    theta0 = torch.randn(2, generator=generator, dtype=F64)
    kwargs = {"lr": lr, "momentum": momentum, "nesterov": nesterov, "weight_decay": weight_decay}
    for param, _, theta, _ in run_both(torch.optim.SGD, kwargs, sgd, kwargs, grads, theta0):
        assert_close(theta, param, rtol=1e-10, atol=1e-12)


def test_adams_first_step_is_lr_whatever_the_gradient_size():
    for g in (1e-6, 1.0, 1e6):
        param = torch.nn.Parameter(torch.tensor([0.0], dtype=F64))
        optimizer = torch.optim.Adam([param], lr=0.01)
        param.grad = torch.tensor([g], dtype=F64)
        optimizer.step()
        assert_close(-param.detach().item(), adam_first_step_size(0.01, grad=g), rtol=1e-12, atol=0)
        assert abs(adam_first_step_size(0.01, grad=g) - 0.01) < 0.01 * 1e-2


def test_bias_corrections_are_one_minus_beta_to_the_step():
    assert bias_corrections((0.9, 0.999), 1) == pytest.approx((0.1, 0.001))
    assert bias_corrections((0.9, 0.999), 10) == pytest.approx((1 - 0.9**10, 1 - 0.999**10))
