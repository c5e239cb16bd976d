"""Linear regression by mini-batch SGD: the seed-000 hand computation, the DataLoader's batches, the export."""

from __future__ import annotations

import math
import re
import subprocess
import sys

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.linear_model import LinearRegression
from torch.utils.data import DataLoader, TensorDataset

from core.errors import InputError
from core.regression import (
    TrainConfig,
    loss_surface,
    normal_equation,
    standardize,
    step_size_limits,
    synthetic_data,
    to_pytorch_script,
    toy_dataset,
    train,
)

SEED_000 = dict(lr=0.5, batch_size=3, epochs=1, loss="sum_over_batch", w0=(1, 2), b0=0, batch_order=(5, 1, 0))
LOSSES = ["mean", "sum", "sum_over_batch", "half_mean"]


# --- seed 000's hand-worked first step -------------------------------------------------------------


@pytest.mark.parametrize("optimizer", ["torch_sgd", "manual"])
def test_seed_000_first_step_matches_the_hand_computation(optimizer):
    X, y = toy_dataset(device="cpu")
    first = train(X, y, TrainConfig(**SEED_000, optimizer=optimizer, device="cpu")).steps[0]
    assert first.batch_indices.tolist() == [5, 1, 0]
    torch.testing.assert_close(first.loss.item(), 12.0)
    torch.testing.assert_close(first.grad_w.tolist(), [32 / 3, 16.0])
    torch.testing.assert_close(first.grad_b.item(), 20 / 3)
    torch.testing.assert_close(first.w.tolist(), [-13 / 3, -6.0])
    torch.testing.assert_close(first.b.item(), -10 / 3)


def test_toy_dataset_is_seed_000s_six_samples():
    X, y = toy_dataset(device="cpu")
    assert X.tolist() == [[1, 2], [4, 2], [8, 1], [0, 1], [3, 8], [1, 3]]
    assert y.tolist() == [[1], [6], [2], [7], [1], [3]]


def test_batch_order_lists_the_first_batch_and_the_rest_follow_in_natural_order():
    X, y = toy_dataset(device="cpu")
    history = train(X, y, TrainConfig(**SEED_000, device="cpu"))
    assert [s.batch_indices.tolist() for s in history.steps] == [[5, 1, 0], [2, 3, 4]]


# --- batches: exactly the DataLoader idiom -----------------------------------------------------------


def _dataloader_batches(n: int, batch_size: int, seed: int, epochs: int, shuffle: bool = True) -> list[list[int]]:
    ids = torch.arange(n)
    loader = DataLoader(
        TensorDataset(ids, ids), batch_size, shuffle=shuffle, generator=torch.Generator().manual_seed(seed)
    )
    return [batch.tolist() for _ in range(epochs) for batch, _ in loader]


@pytest.mark.parametrize(
    ("n", "batch_size", "seed", "epochs"),
    [(6, 3, 0, 3), (10, 4, 3, 4), (1, 1, 7, 2), (37, 37, 1, 3), (100, 1, 42, 2), (1000, 64, 2026, 3)],
)
def test_shuffled_batches_are_exactly_those_of_a_seeded_dataloader(n, batch_size, seed, epochs):
    X = torch.arange(n, dtype=torch.float64).reshape(-1, 1)
    history = train(X, X.clone(), TrainConfig(lr=1e-3, batch_size=batch_size, epochs=epochs, seed=seed, device="cpu"))
    assert [s.batch_indices.tolist() for s in history.steps] == _dataloader_batches(n, batch_size, seed, epochs)


def test_without_shuffle_every_epoch_repeats_the_natural_order():
    X = torch.arange(7, dtype=torch.float64).reshape(-1, 1)
    history = train(X, X.clone(), TrainConfig(lr=1e-3, batch_size=3, epochs=2, shuffle=False, device="cpu"))
    assert [s.batch_indices.tolist() for s in history.steps] == _dataloader_batches(7, 3, 0, 2, shuffle=False)
    assert [s.epoch for s in history.steps] == [0, 0, 0, 1, 1, 1]


def _plain_dataloader_run(X, y, *, lr, batch_size, epochs, w0, b0, first_epoch=None):
    """Every step's loss and parameters from DataLoader(shuffle=False) + nn.Linear + nn.MSELoss + optim.SGD;
    `first_epoch` (sample indices) replaces the first epoch's order, as `batch_order` does."""
    net = torch.nn.Linear(X.shape[1], 1, dtype=torch.float64)
    with torch.no_grad():
        net.weight.copy_(torch.tensor([w0], dtype=torch.float64))
        net.bias.fill_(b0)
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    losses, ws = [], []
    for epoch in range(epochs):
        order = first_epoch if epoch == 0 and first_epoch is not None else torch.arange(len(y))
        loader = DataLoader(TensorDataset(X[order], y.reshape(-1, 1)[order]), batch_size, shuffle=False)
        for xb, yb in loader:
            loss = torch.nn.MSELoss()(net(xb), yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            ws.append(net.weight.detach().reshape(-1).clone())
    return torch.tensor(losses, dtype=torch.float64), torch.stack(ws)


@pytest.mark.parametrize("optimizer", ["torch_sgd", "manual"])
@pytest.mark.parametrize(("n", "batch_size", "batch_order"), [(50, 7, None), (50, 50, None), (13, 4, (12, 3, 0, 5))])
def test_unshuffled_batches_train_exactly_as_a_plain_unshuffled_dataloader(optimizer, n, batch_size, batch_order):
    """Without shuffling the batches are runs of consecutive rows (train slices them instead of gathering)."""
    X, y = synthetic_data([2, -3.4], 4.2, n=n, noise=0.1, seed=4, device="cpu")
    cfg = TrainConfig(
        lr=0.05, batch_size=batch_size, epochs=3, shuffle=False, optimizer=optimizer, w0=(0.5, -0.5), b0=0.1,
        batch_order=batch_order,
    )  # fmt: skip
    history = train(X, y, cfg)
    first = None
    if batch_order is not None:
        rest = [i for i in range(n) if i not in batch_order]
        first = torch.tensor([*batch_order, *rest])
    losses, ws = _plain_dataloader_run(
        X, y, lr=0.05, batch_size=batch_size, epochs=3, w0=(0.5, -0.5), b0=0.1, first_epoch=first
    )
    torch.testing.assert_close(history.loss, losses, rtol=1e-12, atol=1e-12)
    torch.testing.assert_close(history.w, ws, rtol=1e-12, atol=1e-12)


# --- the update itself -------------------------------------------------------------------------------


def _formula_loss(pred: torch.Tensor, target: torch.Tensor, loss: str) -> torch.Tensor:
    squared = (pred - target) ** 2
    return {
        "mean": squared.mean(),
        "sum": squared.sum(),
        "sum_over_batch": squared.sum() / len(target),
        "half_mean": squared.sum() / (2 * len(target)),
    }[loss]


@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize("optimizer", ["torch_sgd", "manual"])
def test_each_convention_records_the_autograd_gradient_of_its_formula(loss, optimizer):
    X, y = synthetic_data([1.5, -2.0, 0.5], 0.7, n=8, noise=0.1, seed=5, device="cpu")
    w0 = torch.tensor([0.3, 0.1, -0.2], dtype=torch.float64, requires_grad=True)
    b0 = torch.tensor(0.4, dtype=torch.float64, requires_grad=True)
    cfg = TrainConfig(lr=0.05, batch_size=8, epochs=1, loss=loss, optimizer=optimizer, w0=(0.3, 0.1, -0.2), b0=0.4)
    step = train(X, y, cfg).steps[0]
    expected = _formula_loss(X @ w0 + b0, y.reshape(-1), loss)
    expected.backward()
    torch.testing.assert_close(step.loss, expected.detach())
    torch.testing.assert_close(step.grad_w, w0.grad)
    torch.testing.assert_close(step.grad_b, b0.grad)
    torch.testing.assert_close(step.w, w0.detach() - 0.05 * w0.grad)


@pytest.mark.parametrize("loss", LOSSES)
def test_manual_update_gives_the_same_numbers_as_torch_optim_sgd(loss):
    X, y = synthetic_data([2, -3.4], 4.2, n=50, seed=1, device="cpu")
    runs = [
        train(X, y, TrainConfig(lr=0.02, batch_size=7, epochs=3, loss=loss, optimizer=o, device="cpu"))
        for o in ("torch_sgd", "manual")
    ]
    for column in ("loss", "grad_w", "grad_b", "w", "b", "epoch_loss"):
        torch.testing.assert_close(getattr(runs[1], column), getattr(runs[0], column), rtol=1e-12, atol=1e-12)


def test_seed_003_parameters_are_recovered():
    X, y = synthetic_data([2, -3.4], 4.2, n=1000, seed=0, device="cpu")
    history = train(X, y, TrainConfig(lr=0.03, batch_size=10, epochs=3, device="cpu"))
    assert (history.w[-1] - torch.tensor([2, -3.4], dtype=torch.float64)).abs().max() < 0.01
    assert abs(history.b[-1].item() - 4.2) < 0.01
    assert history.epoch_loss[-1] < history.epoch_loss[0]


def test_d2l_init_draws_small_weights_from_the_seed_and_a_zero_bias():
    X, y = synthetic_data([2, -3.4], 4.2, n=20, device="cpu")
    first, again = (train(X, y, TrainConfig(lr=0.01, batch_size=5, epochs=1, seed=9, device="cpu")) for _ in range(2))
    assert first.w0.abs().max() < 0.05 and first.b0.item() == 0
    torch.testing.assert_close(first.w0, again.w0)


# --- divergence --------------------------------------------------------------------------------------


def test_divergence_stops_at_the_first_non_finite_step_and_keeps_the_history_before_it():
    X, y = toy_dataset(device="cpu")
    history = train(X, y, TrainConfig(lr=5.0, batch_size=6, epochs=2000, loss="sum", device="cpu"))
    assert history.diverged
    assert history.diverged_step == len(history.steps) > 0
    assert torch.isfinite(history.loss).all() and torch.isfinite(history.w).all()
    assert len(history.epoch_loss) == history.diverged_step  # one step per epoch here


def test_a_learning_rate_below_the_stable_bound_converges_and_above_it_diverges():
    X, y = toy_dataset(device="cpu")
    bound = step_size_limits(X, TrainConfig(lr=0.1, batch_size=6, epochs=3000, shuffle=False)).full_batch_lr
    calm = train(X, y, TrainConfig(lr=0.9 * bound, batch_size=6, epochs=3000, shuffle=False, device="cpu"))
    wild = train(X, y, TrainConfig(lr=1.1 * bound, batch_size=6, epochs=3000, shuffle=False, device="cpu"))
    assert not calm.diverged and wild.diverged
    w_star, b_star = normal_equation(X, y)
    torch.testing.assert_close(calm.w[-1], w_star, rtol=0, atol=1e-6)
    torch.testing.assert_close(calm.b[-1], b_star, rtol=0, atol=1e-6)


# --- standardised features ----------------------------------------------------------------------------


def test_standardize_centres_and_scales_each_column_like_scikit_learn():
    from sklearn.preprocessing import StandardScaler

    X, _ = toy_dataset(device="cpu")
    Z, scaling = standardize(X)
    np.testing.assert_allclose(Z.numpy(), StandardScaler().fit_transform(X.numpy()), atol=1e-12)
    np.testing.assert_allclose(scaling.mean.tolist(), [17 / 6, 17 / 6])  # (1+4+8+0+3+1)/6, (2+2+1+1+8+3)/6


def test_a_constant_column_becomes_zeros_instead_of_a_division_by_zero():
    X = torch.tensor([[0.1, 1.0], [0.1, 2.0], [0.1, 4.0]], dtype=torch.float64)
    Z, scaling = standardize(X)
    assert Z[:, 0].tolist() == [0.0, 0.0, 0.0] and scaling.scale[0] == 1
    assert torch.isfinite(Z).all()


def test_parameters_in_standardised_units_map_back_to_the_same_predictions():
    X, y = synthetic_data([2, -3.4, 0.5], 4.2, n=50, noise=0.1, seed=2, device="cpu")
    X = X * torch.tensor([100.0, 0.01, 1.0], dtype=torch.float64) + 7
    Z, scaling = standardize(X)
    w, b = normal_equation(Z, y)
    w_raw, b_raw = scaling.to_original_units(w, b)
    torch.testing.assert_close(X @ w_raw + b_raw, Z @ w + b)
    w_direct, b_direct = normal_equation(X, y)
    torch.testing.assert_close(w_raw, w_direct)
    torch.testing.assert_close(b_raw, b_direct)


def test_standardising_makes_the_toy_data_well_conditioned_and_fast_to_train():
    X, y = toy_dataset(device="cpu")
    Z, _ = standardize(X)
    cfg = dict(batch_size=3, epochs=50, loss="sum_over_batch", w0=(1, 2), b0=0, batch_order=(5, 1, 0))
    raw = step_size_limits(X, TrainConfig(lr=0.1, **cfg))
    scaled = step_size_limits(Z, TrainConfig(lr=0.1, **cfg))
    assert raw.condition_number > 80 and scaled.condition_number < 5
    raw_run = train(X, y, TrainConfig(lr=raw.suggested_lr, **cfg))
    scaled_run = train(Z, y, TrainConfig(lr=scaled.suggested_lr, **cfg))
    optimum = float(((X @ normal_equation(X, y)[0] + normal_equation(X, y)[1] - y.reshape(-1)) ** 2).mean())
    assert raw_run.epoch_loss[-1] > optimum + 2  # the flat direction has barely moved after 50 epochs
    assert scaled_run.epoch_loss[-1] < optimum + 0.2  # within SGD's noise of the optimum


# --- the closed form ---------------------------------------------------------------------------------


def test_normal_equation_matches_numpy_and_scikit_learn():
    X, y = synthetic_data([0.5, -1, 3, 0], 2.0, n=300, noise=0.5, seed=4, device="cpu")
    w, b = normal_equation(X, y)
    model = LinearRegression().fit(X.numpy(), y.numpy().ravel())
    np.testing.assert_allclose(w.numpy(), model.coef_, atol=1e-10)
    np.testing.assert_allclose(b.item(), model.intercept_, atol=1e-10)


def test_normal_equation_gives_the_minimum_norm_solution_for_rank_deficient_x():
    x = torch.linspace(-1, 1, 9, dtype=torch.float64).reshape(-1, 1)
    X = torch.cat([x, x, torch.zeros_like(x)], dim=1)  # a repeated column and a zero column
    y = 3 * x + 1
    w, b = normal_equation(X, y)
    A = np.hstack([X.numpy(), np.ones((9, 1))])
    expected = np.linalg.lstsq(A, y.numpy(), rcond=None)[0].ravel()
    np.testing.assert_allclose([*w.tolist(), b.item()], expected, atol=1e-10)
    np.testing.assert_allclose(w.tolist(), [1.5, 1.5, 0.0], atol=1e-10)


def test_loss_surface_is_lowest_at_the_normal_equation_optimum():
    X, y = toy_dataset(device="cpu")
    w, b = normal_equation(X, y)
    center = [*w.tolist(), b.item()]
    surface = loss_surface(
        X, y, params=(0, 2), center=center, a_range=(w[0] - 1, w[0] + 1), b_range=(b - 1, b + 1), resolution=41
    )
    j, i = divmod(int(surface.loss.argmin()), 41)
    assert (i, j) == (20, 20)
    direct = ((X @ w + b - y.reshape(-1)) ** 2).mean()
    torch.testing.assert_close(surface.loss[20, 20], direct)


def test_synthetic_data_is_reproducible_and_noise_free_when_noise_is_zero():
    X, y = synthetic_data([2, -3.4], 4.2, n=100, noise=0.0, seed=3, device="cpu")
    X2, _ = synthetic_data([2, -3.4], 4.2, n=100, noise=0.0, seed=3, device="cpu")
    assert X.shape == (100, 2) and y.shape == (100, 1)
    torch.testing.assert_close(X, X2)
    torch.testing.assert_close(y.reshape(-1), X @ torch.tensor([2, -3.4], dtype=torch.float64) + 4.2)


# --- the exported script -----------------------------------------------------------------------------


def _printed(out: str, prefix: str = "") -> tuple[list[float], float]:
    """The final w and b a script printed (on its lines `w<prefix>: …` and `b<prefix>: …`)."""
    w = [float(v) for v in re.search(rf"^w{prefix}: (.*)$", out, re.M)[1].split()]
    return w, float(re.search(rf"^b{prefix}: (.*)$", out, re.M)[1])


TOY = {"kind": "toy"}
SYNTHETIC = {"kind": "synthetic", "w": [2, -3.4], "b": 4.2, "n": 1000, "noise": 0.01, "seed": 0}
SYNTHETIC_3D = {"kind": "synthetic", "w": [1, 0.5, -2], "b": -1, "n": 200, "seed": 7}
TABLE = {"kind": "table", "X": [[0.5], [1.5], [2.0], [3.5], [4.0]], "y": [1.1, 2.9, 4.2, 7.1, 7.8]}
EXPORTED_RUNS = [
    (TOY, dict(lr=0.02, batch_size=3, epochs=4, loss="sum_over_batch", w0=(1, 2), b0=0, batch_order=(5, 1, 0))),
    (TOY, dict(lr=0.01, batch_size=4, epochs=3, loss="sum", optimizer="manual", shuffle=False)),
    (SYNTHETIC, dict(lr=0.03, batch_size=10, epochs=3)),
    (SYNTHETIC_3D, dict(lr=0.1, batch_size=32, epochs=2, loss="half_mean", seed=11)),
    (TABLE, dict(lr=0.05, batch_size=2, epochs=5, w0=(0.0,), b0=0.0)),
    (TABLE, dict(lr=0.05, batch_size=2, epochs=5, loss="half_mean", optimizer="manual")),  # d2l, last batch of 1
    ({**TOY, "standardize": True}, dict(lr=0.2, batch_size=3, epochs=6, w0=(1, 2), b0=0, batch_order=(5, 1, 0))),
    ({**TABLE, "standardize": True}, dict(lr=0.1, batch_size=2, epochs=5, loss="sum", shuffle=False)),
]


def _dataset_tensors(dataset):
    if dataset["kind"] == "toy":
        X, y = toy_dataset(device="cpu")
    elif dataset["kind"] == "synthetic":
        X, y = synthetic_data(dataset["w"], dataset["b"], dataset["n"], dataset.get("noise", 0.01), dataset["seed"])
    else:
        X, y = torch.tensor(dataset["X"], dtype=torch.float64), torch.tensor(dataset["y"], dtype=torch.float64)
    return X, y


@pytest.mark.parametrize(
    ("dataset", "config"),
    EXPORTED_RUNS,
    ids=["toy", "toy-manual", "d2l", "3d", "table", "table-d2l-sgd", "toy-standardised", "table-standardised"],
)
def test_exported_script_reproduces_the_final_parameters(dataset, config):
    X, y = _dataset_tensors(dataset)
    scaling = None
    if dataset.get("standardize"):
        X, scaling = standardize(X)
    cfg = TrainConfig(**config, device="cpu")
    history = train(X, y, cfg)
    script = to_pytorch_script(cfg, dataset)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True).stdout
    w, b = _printed(out)
    np.testing.assert_allclose(w, history.w[-1].tolist(), atol=1e-5)
    np.testing.assert_allclose(b, history.b[-1].item(), atol=1e-5)
    if scaling is not None:
        w_raw, b_raw = scaling.to_original_units(history.w[-1], history.b[-1])
        w, b = _printed(out, " in the original units")
        np.testing.assert_allclose(w, w_raw.tolist(), atol=1e-5)
        np.testing.assert_allclose(b, b_raw.item(), atol=1e-5)


def test_the_d2l_script_puts_the_1_over_b_in_the_update_and_optim_sgd_in_the_loss():
    cfg = dict(lr=0.1, batch_size=2, epochs=1, loss="half_mean")
    by_hand = to_pytorch_script(TrainConfig(**cfg, optimizer="manual"), TOY)
    with_sgd = to_pytorch_script(TrainConfig(**cfg), TOY)
    assert "l.sum().backward()" in by_hand and "p -= lr * p.grad / len(y)" in by_hand
    assert "squared_loss(net(X), y).sum() / len(y)" in with_sgd and "torch.optim.SGD" in with_sgd


def test_exported_script_uses_only_plain_pytorch():
    script = to_pytorch_script(TrainConfig(lr=0.1, batch_size=2, epochs=1), {"kind": "toy"})
    assert "nn.Linear" in script and "optim.SGD" in script and "DataLoader" in script
    assert "core" not in re.findall(r"^(?:from|import) (\w+)", script, re.M)


# --- invalid input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (dict(lr=0), "out_of_range"),
        (dict(lr=-0.1), "out_of_range"),
        (dict(lr=float("nan")), "not_number"),
        (dict(lr=1e9), "out_of_range"),
        (dict(batch_size=0), "out_of_range"),
        (dict(batch_size=7), "out_of_range"),
        (dict(epochs=0), "out_of_range"),
        (dict(epochs=60_000), "too_many_steps"),
        (dict(w0=(1, 2, 3)), "w0_length"),
        (dict(batch_order=(1, 1)), "batch_order"),
        (dict(batch_order=(6,)), "batch_order"),
        (dict(loss="l1"), "unknown_option"),
        (dict(optimizer="lbfgs"), "unknown_option"),
    ],
)
def test_invalid_configurations_raise_input_error_with_a_code(change, code):
    X, y = toy_dataset(device="cpu")
    with pytest.raises(InputError) as error:
        train(X, y, TrainConfig(**{**SEED_000, **change}))
    assert error.value.code == code


def test_mismatched_shapes_are_input_errors():
    with pytest.raises(InputError, match="y must have 3 values"):
        train(torch.zeros(3, 2), torch.zeros(4, 1), TrainConfig(lr=0.1, batch_size=1, epochs=1))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lr=st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([1e-3, 0.5, 50.0])),
    batch_size=st.integers(-2, 12),
    epochs=st.integers(-1, 30),
    loss=st.sampled_from([*LOSSES, "bogus"]),
    optimizer=st.sampled_from(["torch_sgd", "manual", "rmsprop"]),
    shuffle=st.booleans(),
    seed=st.integers(-5, 2**64),
    w0=st.one_of(st.none(), st.lists(st.floats(allow_nan=True), min_size=0, max_size=3).map(tuple)),
    batch_order=st.one_of(st.none(), st.lists(st.integers(-2, 8), max_size=7).map(tuple)),
)
def test_any_configuration_gives_a_finite_history_or_an_input_error(
    lr, batch_size, epochs, loss, optimizer, shuffle, seed, w0, batch_order
):
    X, y = toy_dataset(device="cpu")
    try:
        cfg = TrainConfig(lr, batch_size, epochs, shuffle, seed, loss, optimizer, w0, None, batch_order, "cpu")
        history = train(X, y, cfg)
    except InputError:
        return
    assert len(history.steps) == (history.diverged_step if history.diverged else epochs * math.ceil(6 / batch_size))
    assert torch.isfinite(history.loss).all()
