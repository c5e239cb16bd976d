"""The largest stable learning rate: full-batch GD's bound, and the bound of the batches a run actually takes."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from core.regression import TrainConfig, step_size_limits, toy_dataset, train
from core.stability import round_down

LOSSES = ["mean", "sum", "sum_over_batch", "half_mean"]
SEED_000 = dict(lr=0.5, batch_size=3, epochs=3, loss="sum_over_batch", w0=(1, 2), b0=0, batch_order=(5, 1, 0))


def _hessian_max(X: torch.Tensor, y: torch.Tensor, batch: torch.Tensor, loss: str) -> float:
    """λ_max of the batch loss's Hessian in θ = (w, b), by autograd (an independent reference)."""
    from core.losses import batch_loss

    A = torch.cat([X, torch.ones(len(X), 1, dtype=X.dtype)], dim=1)[batch]

    def f(theta: torch.Tensor) -> torch.Tensor:
        return batch_loss(A @ theta, y.reshape(-1)[batch], loss)

    H = torch.autograd.functional.hessian(f, torch.zeros(A.shape[1], dtype=X.dtype))
    return float(np.linalg.eigvalsh(H.numpy())[-1])


@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize(("batch_size", "shuffle"), [(1, True), (1, False), (4, True), (4, False), (13, True)])
def test_each_steps_curvature_is_the_largest_eigenvalue_of_its_batch_hessian(loss, batch_size, shuffle):
    generator = torch.Generator().manual_seed(3)
    X = torch.randn(13, 3, generator=generator, dtype=torch.float64) * torch.tensor([1.0, 5.0, 0.3]) + 2
    y = torch.randn(13, generator=generator, dtype=torch.float64)
    cfg = TrainConfig(lr=1e-3, batch_size=batch_size, epochs=3, shuffle=shuffle, loss=loss, batch_order=(7, 2))
    limits = step_size_limits(X, cfg)
    history = train(X, y, cfg)
    expected = [_hessian_max(X, y, step.batch_indices, loss) for step in history.steps]
    np.testing.assert_allclose(limits.batch_curvature.numpy(), expected, rtol=1e-10)
    everything = torch.arange(13)
    np.testing.assert_allclose(limits.full, _hessian_max(X, y, everything, loss), rtol=1e-10)


def test_the_default_example_gives_the_hand_checkable_bounds():
    """Toy data, batches {5,1,0}, {2,3,4}, {5,1,0}, {3,2,4}, {4,2,1}, {3,0,5}; H_I = (2/3)·A_IᵀA_I."""
    X, _ = toy_dataset(device="cpu")
    limits = step_size_limits(X, TrainConfig(**SEED_000))
    A = np.hstack([X.numpy(), np.ones((6, 1))])
    steepest = 2 / 3 * np.linalg.eigvalsh(A[[4, 2, 1]].T @ A[[4, 2, 1]])[-1]
    assert limits.worst_step == 4 and limits.largest == pytest.approx(steepest)
    assert limits.run_lr == pytest.approx(2 / steepest)
    assert limits.full_batch_lr == pytest.approx(2 / (2 / 6 * np.linalg.eigvalsh(A.T @ A)[-1]))
    assert limits.run_lr < 0.5 and limits.suggested_lr == 0.012  # 1 / 82.07 rounded down
    assert limits.first_unstable_step(0.5) == 0  # every step of the default run overshoots
    assert limits.first_unstable_step(0.03) == 1  # only the batches with curvature above 2 / 0.03 = 66.7
    assert limits.condition_number == pytest.approx(np.linalg.cond(A.T @ A))


def test_sum_makes_batches_flatter_than_the_full_data_and_the_means_make_them_steeper():
    """'sum': H_I = 2A_IᵀA_I ⪯ 2AᵀA; the per-sample conventions: H is the size-weighted mean of the H_I."""
    X, _ = toy_dataset(device="cpu")
    for batch_size in range(1, 7):
        total = step_size_limits(X, TrainConfig(lr=0.1, batch_size=batch_size, epochs=2, loss="sum"))
        mean = step_size_limits(X, TrainConfig(lr=0.1, batch_size=batch_size, epochs=2, loss="mean"))
        assert total.run_lr >= total.full_batch_lr * (1 - 1e-12)
        assert mean.run_lr <= mean.full_batch_lr * (1 + 1e-12)


def test_full_batch_gd_is_stable_below_its_bound_and_diverges_above():
    X, y = toy_dataset(device="cpu")
    cfg = dict(batch_size=6, epochs=3000, shuffle=False, loss="mean")
    bound = step_size_limits(X, TrainConfig(lr=0.1, **cfg)).full_batch_lr
    assert bound == step_size_limits(X, TrainConfig(lr=0.1, **cfg)).run_lr
    assert not train(X, y, TrainConfig(lr=0.95 * bound, **cfg)).diverged
    assert train(X, y, TrainConfig(lr=1.1 * bound, **cfg)).diverged  # |1 − 2.2|^3000 overflows


def test_the_run_can_pass_its_own_orders():
    X, y = toy_dataset(device="cpu")
    cfg = TrainConfig(lr=0.01, batch_size=2, epochs=4, seed=5)
    own = step_size_limits(X, cfg, orders=train(X, y, cfg).orders)
    torch.testing.assert_close(own.batch_curvature, step_size_limits(X, cfg).batch_curvature)


@pytest.mark.parametrize(("value", "expected"), [(0.01218, 0.012), (1 / 82.07, 0.012), (3.99, 3.9), (6.35e-5, 6.3e-5)])
def test_round_down_keeps_two_significant_digits_and_never_rounds_up(value, expected):
    assert round_down(value) == expected <= value


# --- the property the page relies on ------------------------------------------------------------------------

_DATA = st.integers(2, 12).flatmap(
    lambda n: st.tuples(
        arrays(np.float64, (n, 2), elements=st.floats(-6, 6, allow_subnormal=False)),
        arrays(np.float64, n, elements=st.floats(-6, 6, allow_subnormal=False)),
        st.integers(1, n),
    )
)
_RUN = dict(
    data=_DATA,
    shuffle=st.booleans(),
    loss=st.sampled_from(LOSSES),
    seed=st.integers(0, 2**20),
    epochs=st.integers(1, 40),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(**_RUN)
def test_training_at_095_times_the_runs_bound_never_diverges(data, shuffle, loss, seed, epochs):
    X, y, batch_size = data
    X, y = torch.from_numpy(X), torch.from_numpy(y)
    base = TrainConfig(lr=1.0, batch_size=batch_size, epochs=epochs, shuffle=shuffle, loss=loss, seed=seed)
    limits = step_size_limits(X, base)
    for lr in (0.95 * limits.run_lr, limits.suggested_lr):
        history = train(X, y, TrainConfig(**{**base.__dict__, "lr": min(lr, 100.0)}))
        assert not history.diverged
        # the error to the optimum grows at most linearly (never geometrically) when no step stretches it
        assert history.loss.max() <= 1e12 * max(1.0, float(history.loss[0]))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(**_RUN, log_lr=st.floats(-3, 2))
def test_every_run_that_diverges_was_above_the_bound_stated_before_it_ran(data, shuffle, loss, seed, epochs, log_lr):
    X, y, batch_size = data
    X, y = torch.from_numpy(X), torch.from_numpy(y)
    cfg = TrainConfig(lr=10**log_lr, batch_size=batch_size, epochs=epochs * 10, shuffle=shuffle, loss=loss, seed=seed)
    warned = cfg.lr > step_size_limits(X, cfg).run_lr
    if train(X, y, cfg).diverged:
        assert warned
