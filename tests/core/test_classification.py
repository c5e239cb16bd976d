"""Softmax regression: the trainer against a plain PyTorch loop, the closed-form gradients against autograd,
the optimum against scikit-learn, the exported script against the trainer, and hostile inputs."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from core.classification import (
    MAX_CLASSES,
    ClassifierConfig,
    blobs,
    full_data_metrics,
    train_classifier,
)
from core.config import OPTIMIZERS
from core.errors import InputError
from core.logit_gradients import confidence_sweep, mse_onehot, sample_gradients, smoothed_target
from core.optimizers import torch_call, torch_optimizer
from core.regression import to_pytorch_script

CONFIG = {"lr": 0.3, "batch_size": 7, "epochs": 3}
# the torch.optim call each optimizer name stands for (shared/SPEC.md), written here independently of core
TORCH_OPTIM = {
    "torch_sgd": lambda p, c: torch.optim.SGD(p, lr=c.lr, weight_decay=c.weight_decay),
    "manual": lambda p, c: torch.optim.SGD(p, lr=c.lr, weight_decay=c.weight_decay),  # unused: updates by hand
    "momentum": lambda p, c: torch.optim.SGD(p, lr=c.lr, momentum=c.momentum, weight_decay=c.weight_decay),
    "nesterov": lambda p, c: torch.optim.SGD(
        p, lr=c.lr, momentum=c.momentum, nesterov=True, weight_decay=c.weight_decay
    ),
    "rmsprop": lambda p, c: torch.optim.RMSprop(p, lr=c.lr, alpha=c.alpha, eps=c.eps, weight_decay=c.weight_decay),
    "adam": lambda p, c: torch.optim.Adam(p, lr=c.lr, betas=c.betas, eps=c.eps, weight_decay=c.weight_decay),
    "adamw": lambda p, c: torch.optim.AdamW(p, lr=c.lr, betas=c.betas, eps=c.eps, weight_decay=c.weight_decay),
}


def plain_loop(X, y, config: ClassifierConfig):
    """The tutorial loop: DataLoader + zero-initialised nn.Linear + nn.CrossEntropyLoss + the torch.optim class."""
    net = nn.Linear(X.shape[1], int(y.max()) + 1)
    with torch.no_grad():
        net.weight.zero_()
        net.bias.zero_()
    loss_fn = nn.CrossEntropyLoss(reduction=config.reduction, label_smoothing=config.label_smoothing)
    trainer = TORCH_OPTIM[config.optimizer](net.parameters(), config)
    loader = DataLoader(
        TensorDataset(X, y), batch_size=config.batch_size, shuffle=config.shuffle,
        generator=torch.Generator().manual_seed(config.seed),
    )  # fmt: skip
    rows = []
    for _ in range(config.epochs):
        for Xb, yb in loader:
            loss = loss_fn(net(Xb), yb)
            trainer.zero_grad()
            loss.backward()
            if config.optimizer == "manual":
                with torch.no_grad():
                    for p in net.parameters():
                        p -= config.lr * (p.grad + config.weight_decay * p)
            else:
                trainer.step()
            state = {name: v.clone() for name, v in trainer.state[net.weight].items() if name != "step"}
            rows.append(
                (loss.item(), net.weight.grad.clone(), net.weight.detach().clone(), net.bias.detach().clone(), state)
            )
    return rows


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
@pytest.mark.parametrize(
    ("batch_size", "shuffle", "reduction", "smoothing"),
    [
        (1, True, "mean", 0.0),
        (7, True, "sum", 0.2),
        (7, False, "mean", 0.1),
        (30, True, "mean", 0.0),
        (30, False, "sum", 0.0),
    ],
)
def test_training_equals_a_plain_pytorch_loop(optimizer, batch_size, shuffle, reduction, smoothing):
    X, y = blobs(30, classes=3, spread=1.5, seed=4)
    config = ClassifierConfig(
        lr=0.2, batch_size=batch_size, epochs=2, shuffle=shuffle, seed=3, reduction=reduction,
        label_smoothing=smoothing, optimizer=optimizer, weight_decay=0.05 if optimizer != "adam" else 0.0,
    )  # fmt: skip
    history = train_classifier(X, y, config)
    rows = plain_loop(X, y, config)
    assert len(history.steps) == len(rows) == 2 * math.ceil(30 / batch_size)
    for step, (loss, grad_W, W, b, state) in zip(history.steps, rows, strict=True):
        assert float(step.loss) == pytest.approx(loss, abs=1e-6)
        torch.testing.assert_close(step.grad_W, grad_W, atol=1e-6, rtol=1e-5)
        torch.testing.assert_close(step.W, W, atol=1e-6, rtol=1e-5)
        torch.testing.assert_close(step.b, b, atol=1e-6, rtol=1e-5)
        assert step.state["W"].keys() == state.keys()
        for name, value in state.items():
            torch.testing.assert_close(step.state["W"][name], value, atol=1e-6, rtol=1e-5)


def test_epoch_loss_and_accuracy_are_the_full_data_ones():
    X, y = blobs(40, classes=4, spread=2.0)
    config = ClassifierConfig(lr=0.5, batch_size=8, epochs=3, reduction="sum", label_smoothing=0.1)
    history = train_classifier(X, y, config)
    W, b = history.W[-1], history.b[-1]
    loss = nn.CrossEntropyLoss(reduction="sum", label_smoothing=0.1)(X @ W.T + b, y)
    assert float(history.epoch_loss[-1]) == pytest.approx(float(loss), rel=1e-5)
    assert float(history.epoch_accuracy[-1]) == pytest.approx(float(((X @ W.T + b).argmax(1) == y).float().mean()))
    assert 0 <= float(history.epoch_accuracy.min()) <= float(history.epoch_accuracy.max()) <= 1


def test_first_loss_is_log_k_from_zero_weights():
    for k in (2, 3, 6):
        X, y = blobs(12 * k, classes=k)
        history = train_classifier(X, y, ClassifierConfig(lr=0.1, batch_size=5, epochs=1))
        assert float(history.loss[0]) == pytest.approx(math.log(k), rel=1e-6)  # p = 1/K for every class


def test_training_follows_the_dtype_of_X():
    X, y = blobs(20, classes=2)
    assert train_classifier(X, y, ClassifierConfig(**CONFIG)).W.dtype == torch.float32
    assert train_classifier(X.double(), y, ClassifierConfig(**CONFIG)).W.dtype == torch.float64


def test_more_classes_than_labels_when_given():
    X, y = blobs(20, classes=2)
    history = train_classifier(X, y, ClassifierConfig(**CONFIG), classes=4)
    assert history.W.shape[1:] == (4, 2)
    with pytest.raises(InputError, match="labels must be whole numbers"):
        train_classifier(X, y + 2, ClassifierConfig(**CONFIG), classes=3)


def test_blobs_sit_on_a_circle_of_radius_3_and_are_reproducible():
    X, y = blobs(8, classes=4, spread=0.0)
    assert X.dtype == torch.float32 and y.dtype == torch.int64
    assert y.tolist() == [0, 1, 2, 3, 0, 1, 2, 3]
    torch.testing.assert_close(
        X[:4], torch.tensor([[3.0, 0.0], [0.0, 3.0], [-3.0, 0.0], [0.0, -3.0]]), atol=1e-6, rtol=0
    )
    torch.testing.assert_close(blobs(50, 3, 1.0, 7)[0], blobs(50, 3, 1.0, 7)[0], rtol=0, atol=0)
    assert not torch.equal(blobs(50, 3, 1.0, 7)[0], blobs(50, 3, 1.0, 8)[0])


@pytest.mark.parametrize(
    ("X", "y", "match"),
    [
        (torch.zeros(4, 2), torch.tensor([0.0, 1.0, 0.0, 1.0]), "labels must be integers"),
        (torch.zeros(4, 2), torch.tensor([0, 1, 5, 11]), "labels must be whole numbers"),
        (torch.zeros(4, 2), torch.tensor([0, -1, 0, 1]), "labels must be whole numbers"),
        (torch.zeros(4, 2), torch.tensor([0, 0, 0, 0]), "labels must be whole numbers"),  # one class only
        (torch.zeros(4, 2), torch.tensor([[0, 1, 0, 1]]), "y must have 4 labels"),
        (torch.zeros(4, 2), torch.tensor([0, 1, 0]), "y must have 4 labels"),
        (torch.zeros(4, 2), [0, 1, 0, 1], "labels must be a tensor"),
        (
            torch.tensor([[0.0, 1.0], [float("nan"), 0.0], [1.0, 1.0], [2.0, 2.0]]),
            torch.tensor([0, 1, 0, 1]),
            "non-finite",
        ),
        (torch.zeros(4), torch.tensor([0, 1, 0, 1]), "matrix"),
        (torch.zeros(4, 2, dtype=torch.int64), torch.tensor([0, 1, 0, 1]), "float32 or float64"),
    ],
)
def test_hostile_data_raises_input_error(X, y, match):
    with pytest.raises(InputError, match=match):
        train_classifier(X, y, ClassifierConfig(lr=0.1, batch_size=2, epochs=1))


@pytest.mark.parametrize(
    ("fields", "match"),
    [
        ({"reduction": "none"}, "reduction"),
        ({"label_smoothing": 1.5}, "label smoothing"),
        ({"label_smoothing": float("nan")}, "label smoothing"),
        ({"optimizer": "lbfgs"}, "optimizer"),
        ({"optimizer": "momentum", "momentum": 1.0}, "momentum"),
        ({"optimizer": "nesterov", "momentum": 0.0}, "Nesterov"),
        ({"betas": (0.9, 1.0)}, r"betas\[1\]"),
        ({"betas": (0.9,)}, "betas"),
        ({"eps": 0.0}, "eps"),
        ({"alpha": -0.1}, "alpha"),
        ({"weight_decay": -1.0}, "weight_decay"),
        ({"lr": 0.0}, "learning rate"),
        ({"batch_size": 0}, "batch size"),
        ({"epochs": 2.5}, "epochs"),
    ],
)
def test_hostile_settings_raise_input_error(fields, match):
    with pytest.raises(InputError, match=match):
        ClassifierConfig(**{**CONFIG, **fields})


def test_limits_on_steps_and_batch_size():
    X, y = blobs(20, classes=2)
    with pytest.raises(InputError, match="batch size"):
        train_classifier(X, y, ClassifierConfig(lr=0.1, batch_size=21, epochs=1))
    with pytest.raises(InputError, match="training steps"):
        train_classifier(X, y, ClassifierConfig(lr=0.1, batch_size=1, epochs=5001))


def test_a_run_whose_numbers_overflow_stops_where_they_do():
    X, y = blobs(20, classes=2)
    history = train_classifier(X * 1e18, y, ClassifierConfig(lr=100.0, batch_size=4, epochs=5))
    assert history.diverged and history.diverged_step is not None
    assert len(history.steps) == history.diverged_step
    assert bool(torch.isfinite(history.W).all())


def test_full_batch_gd_reaches_scikit_learns_multinomial_log_loss():
    sklearn = pytest.importorskip("sklearn.linear_model")
    from sklearn.metrics import log_loss

    X, y = blobs(150, classes=3, spread=2.0, seed=1)  # overlapping classes: a finite optimum
    X = X.double()
    # C=inf: no penalty (scikit-learn 1.8 deprecated penalty=None); multinomial for 3 classes with lbfgs
    reference = sklearn.LogisticRegression(C=math.inf, tol=1e-10, max_iter=10_000).fit(X.numpy(), y.numpy())
    optimum = log_loss(y.numpy(), reference.predict_proba(X.numpy()))
    history = train_classifier(X, y, ClassifierConfig(lr=1.0, batch_size=150, epochs=3000, shuffle=False))
    assert float(history.epoch_loss[-1]) == pytest.approx(optimum, abs=1e-6)
    assert float(history.epoch_loss[-1]) >= optimum - 1e-9  # no run beats the optimum


@pytest.mark.parametrize("optimizer", ["torch_sgd", "manual", "nesterov", "rmsprop", "adamw"])
def test_exported_script_reproduces_the_run(optimizer):
    config = ClassifierConfig(
        lr=0.05, batch_size=9, epochs=4, seed=5, reduction="sum", label_smoothing=0.1, optimizer=optimizer,
        weight_decay=0.01,
    )  # fmt: skip
    dataset = {"kind": "blobs", "n": 45, "classes": 3, "spread": 1.2, "seed": 2}
    history = train_classifier(*blobs(45, 3, 1.2, 2), config)
    out = subprocess.run([sys.executable, "-c", to_pytorch_script(config, dataset)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    printed = [line for line in out.stdout.splitlines() if line.startswith("W[")]
    for k, line in enumerate(printed):
        values = [float(v) for v in line.replace(f"W[{k}]:", "").replace(f"b[{k}]:", "").split()]
        torch.testing.assert_close(torch.tensor(values[:2]), history.W[-1, k], atol=1e-5, rtol=0)
        assert values[2] == pytest.approx(float(history.b[-1, k]), abs=1e-5)
    assert len(printed) == 3


def test_exported_script_of_a_table():
    X = torch.tensor([[0.0, 1.0], [1.0, 0.5], [2.0, -1.0], [-1.0, 2.0]])
    y = torch.tensor([0, 1, 2, 0])
    config = ClassifierConfig(lr=0.5, batch_size=2, epochs=3, optimizer="adam")
    source = to_pytorch_script(config, {"kind": "table", "X": X.tolist(), "y": y.tolist()})
    out = subprocess.run([sys.executable, "-c", source], capture_output=True, text=True)
    history = train_classifier(X, y, config)
    last = next(line for line in out.stdout.splitlines() if line.startswith("W[2]"))
    assert float(last.split()[-1]) == pytest.approx(float(history.b[-1, 2]), abs=1e-5)
    with pytest.raises(InputError, match="dataset kind"):
        to_pytorch_script(config, {"kind": "toy"})


# --- one sample through the chain rule ------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    k=st.integers(2, 6),
    d=st.integers(1, 3),
    seed=st.integers(0, 10_000),
    smoothing=st.sampled_from([0.0, 0.1, 0.5, 1.0]),
    reduction=st.sampled_from(["mean", "sum"]),
    batch=st.integers(1, 50),
)
def test_closed_form_gradients_equal_autograd(k, d, seed, smoothing, reduction, batch):
    g = torch.Generator().manual_seed(seed)
    W, b, x = torch.randn(k, d, generator=g) * 3, torch.randn(k, generator=g), torch.randn(d, generator=g)
    label = seed % k
    s = sample_gradients(W, b, x, label, reduction=reduction, label_smoothing=smoothing, batch_size=batch)
    torch.testing.assert_close(s.grad_z, s.grad_z_autograd)
    torch.testing.assert_close(s.grad_W, s.grad_W_autograd)
    torch.testing.assert_close(s.grad_b, s.grad_b_autograd)
    reference = nn.CrossEntropyLoss(label_smoothing=smoothing)(s.z.unsqueeze(0), torch.tensor([label]))
    torch.testing.assert_close(s.loss, reference)


def test_sample_contributions_add_up_to_the_steps_gradient():
    X, y = blobs(12, classes=3, spread=1.0)
    config = ClassifierConfig(lr=0.4, batch_size=4, epochs=1, label_smoothing=0.2)
    history = train_classifier(X, y, config)
    W, b = history.parameters_after(1)
    step = history.steps[1]
    total = sum(
        sample_gradients(W, b, X[i], int(y[i]), label_smoothing=0.2, batch_size=4).grad_W for i in step.batch_indices
    )
    torch.testing.assert_close(total, step.grad_W.double(), atol=1e-6, rtol=1e-5)


def test_hand_derived_gradient_of_two_classes():
    # z = (0, 0): p = (1/2, 1/2); label 1: ∂ℓ/∂z = p − e₁ = (1/2, −1/2); x = 3 so ∂ℓ/∂W = (3/2, −3/2)ᵀ; mean over B = 2
    s = sample_gradients(torch.zeros(2, 1), torch.zeros(2), torch.tensor([3.0]), 1, batch_size=2)
    assert s.loss.item() == pytest.approx(math.log(2))
    assert s.grad_z.tolist() == [0.25, -0.25] and s.grad_W.tolist() == [[0.75], [-0.75]]


def test_label_smoothing_target_and_its_loss_floor():
    q = smoothed_target(0, 4, 0.2)
    torch.testing.assert_close(q, torch.tensor([0.85, 0.05, 0.05, 0.05], dtype=torch.float64))
    # with smoothing the best logits are log q (up to a constant): the loss cannot fall below the entropy of q
    best = sample_gradients(torch.zeros(4, 1), q.log(), torch.zeros(1), 0, label_smoothing=0.2)
    assert best.loss.item() == pytest.approx(float(-(q * q.log()).sum()))
    torch.testing.assert_close(best.grad_z, torch.zeros(4, dtype=torch.float64))


def test_mse_gradient_vanishes_when_confidently_wrong_while_cross_entropys_does_not():
    z = torch.tensor([3.0, -1.0, 0.5])
    zz = z.clone().double().requires_grad_(True)
    loss = nn.MSELoss()(torch.softmax(zz, 0), torch.tensor([0.0, 1.0, 0.0], dtype=torch.float64))
    loss.backward()
    value, grad = mse_onehot(z, 1)
    torch.testing.assert_close(value, loss.detach())
    torch.testing.assert_close(grad, zz.grad)
    sweep = confidence_sweep(3, 0, 1, torch.tensor([0.0, 2.0, 10.0]))
    assert sweep["mse"][-1] < 1e-3 * sweep["mse"][0] + 1e-6
    assert float(sweep["ce"][-1]) == pytest.approx(math.sqrt(2), rel=1e-3)  # p → e_wrong: ‖e_wrong − e_label‖


# --- optimizer settings ----------------------------------------------------------------------------------


def test_each_optimizer_is_one_torch_optim_call_with_weight_decay_written_out():
    configs = {name: ClassifierConfig(**{**CONFIG, "lr": 0.1, "optimizer": name}) for name in OPTIMIZERS}
    calls = {name: torch_call(config.train_config) for name, config in configs.items()}
    assert calls["torch_sgd"] == "torch.optim.SGD(net.parameters(), lr=0.1, weight_decay=0.0)"
    assert (
        calls["nesterov"] == "torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.0)"
    )
    assert calls["rmsprop"] == "torch.optim.RMSprop(net.parameters(), lr=0.1, alpha=0.99, eps=1e-08, weight_decay=0.0)"
    assert calls["adamw"].endswith("weight_decay=0.0)")  # AdamW's own default would be 0.01
    for name in OPTIMIZERS:
        optimizer = torch_optimizer(configs[name].train_config, [torch.zeros(2, requires_grad=True)])
        group = optimizer.param_groups[0]
        assert group["weight_decay"] == 0.0 and group["lr"] == 0.1
        assert group.get("nesterov", False) == (name == "nesterov")


def test_class_labels_beyond_the_limit_are_refused():
    X = torch.zeros(MAX_CLASSES + 1, 2)
    y = torch.arange(MAX_CLASSES + 1)
    with pytest.raises(InputError, match=f"K ≤ {MAX_CLASSES}"):
        train_classifier(X, y, ClassifierConfig(lr=0.1, batch_size=2, epochs=1))


def test_full_data_metrics_of_zero_weights():
    X, y = blobs(9, classes=3)
    config = ClassifierConfig(**CONFIG)
    loss, accuracy = full_data_metrics(X, y, torch.zeros(3, 2), torch.zeros(3), config)
    assert float(loss) == pytest.approx(math.log(3), rel=1e-6)
    assert float(accuracy) == pytest.approx(1 / 3)  # every argmax is class 0 (ties go to the first)
