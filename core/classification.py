"""Softmax regression trained with cross-entropy: `nn.Linear(d, K)` from zero, `nn.CrossEntropyLoss`, a `torch.optim`
update, and every step recorded (one sample's chain rule, written out, is in core/logit_gradients.py).

The batches are exactly those `core.training.train` draws (the PyTorch docs' reproducible-shuffling idiom,
`DataLoader(TensorDataset(X, y), batch_size, shuffle=True, generator=torch.Generator().manual_seed(seed))`).
Training runs in X's dtype, as a plain PyTorch loop on that data would.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import torch
import torch.nn.functional as F

from core.config import OptimizerName, TrainConfig, check_config_for, check_data, steps_per_epoch
from core.device import resolve_device
from core.errors import InputError, check_choice, check_number
from core.history import LazySteps
from core.optimizers import state_names, torch_optimizer
from core.training import epoch_orders

MIN_CLASSES, MAX_CLASSES = 2, 10
RADIUS = 3.0  # the blobs' centres lie on this circle
MAX_SPREAD = 10.0
MAX_RECORDED = 20_000_000  # numbers a run keeps (steps × recorded values per step): bounds its memory
Reduction = Literal["mean", "sum"]
REDUCTIONS = ("mean", "sum")
_CHECK_EVERY = 1024  # steps between divergence checks (each check waits for the device)


def blobs(n: int = 300, classes: int = 3, spread: float = 1.0, seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """n points in 2-D around `classes` centres evenly spaced on a circle of radius 3, point i in class i % classes;
    each coordinate ~ N(centre, spread²). X is float32 (n×2), y int64 (n), deterministic from `seed`.

    >>> X, y = blobs(6, classes=3, spread=0.0)
    >>> y.tolist(), [round(v, 4) for v in X[1].tolist()]
    ([0, 1, 2, 0, 1, 2], [-1.5, 2.5981])
    """
    n = check_number("number of points", n, low=1, high=200_000, integer=True)
    classes = check_number("classes", classes, low=MIN_CLASSES, high=MAX_CLASSES, integer=True)
    spread = check_number("spread", spread, low=0, high=MAX_SPREAD)
    seed = check_number("seed", seed, low=0, high=2**63 - 1, integer=True)
    angles = 2 * math.pi * torch.arange(classes) / classes
    centres = RADIUS * torch.stack([torch.cos(angles), torch.sin(angles)], dim=1)
    y = torch.arange(n) % classes
    X = centres[y] + spread * torch.randn(n, 2, generator=torch.Generator().manual_seed(seed))
    return X, y


@dataclass(frozen=True)
class ClassifierConfig:
    """One training run of softmax regression. The batches and the optimizer fields are those of `TrainConfig`,
    checked as `train()` checks them (`train_config`)."""

    lr: float
    batch_size: int
    epochs: int
    shuffle: bool = True
    seed: int = 0
    reduction: Reduction = "mean"
    label_smoothing: float = 0.0
    optimizer: OptimizerName = "torch_sgd"
    momentum: float = 0.9
    betas: tuple[float, float] = (0.9, 0.999)
    eps: float = 1e-8
    alpha: float = 0.99
    weight_decay: float = 0.0
    device: str | None = None

    def __post_init__(self) -> None:
        check_choice("reduction", self.reduction, REDUCTIONS)
        object.__setattr__(
            self, "label_smoothing", check_number("label smoothing", self.label_smoothing, low=0, high=1)
        )
        checked = self.train_config  # lr, batches and the optimizer: checked as train() checks them
        for name in ("lr", "batch_size", "epochs", "seed", "momentum", "betas", "eps", "alpha", "weight_decay"):
            object.__setattr__(self, name, getattr(checked, name))

    @property
    def train_config(self) -> TrainConfig:
        """The regression config with the same batches, limits and optimizer: for `epoch_orders`,
        `check_config_for` and the optimizer's `torch.optim` call (core/optimizers.py)."""
        return TrainConfig(
            lr=self.lr, batch_size=self.batch_size, epochs=self.epochs, shuffle=self.shuffle, seed=self.seed,
            optimizer=self.optimizer, momentum=self.momentum, betas=self.betas, eps=self.eps, alpha=self.alpha,
            weight_decay=self.weight_decay,
        )  # fmt: skip


def check_labels(y: torch.Tensor, n: int, classes: int | None) -> int:
    """K, the number of classes, after checking that y holds n integer labels 0…K−1 (K = max(y) + 1 unless given)."""
    if not isinstance(y, torch.Tensor):
        raise InputError(f"labels must be a tensor of class indices, got {type(y).__name__}", code="labels_dtype",
                         dtype=type(y).__name__)  # fmt: skip
    if y.dtype in (torch.bool, torch.uint8) or y.dtype.is_floating_point or y.dtype.is_complex:
        raise InputError(
            f"labels must be integers (int64 class indices), got dtype {y.dtype}",
            code="labels_dtype",
            dtype=str(y.dtype),
        )
    if y.ndim != 1 or len(y) != n:
        raise InputError(
            f"y must have {n} labels in one dimension, got shape {tuple(y.shape)}",
            code="shape",
            name="y",
            shape=tuple(y.shape),
            expected=(n,),
        )
    low, high = int(y.min()), int(y.max())
    k = (
        high + 1
        if classes is None
        else check_number("classes", classes, low=MIN_CLASSES, high=MAX_CLASSES, integer=True)
    )
    if low < 0 or high >= k or not MIN_CLASSES <= k <= MAX_CLASSES:
        raise InputError(
            f"labels must be whole numbers 0…K−1 with {MIN_CLASSES} ≤ K ≤ {MAX_CLASSES}, got labels {low}…{high}",
            code="labels_range",
            low=low,
            high=high,
            classes=MAX_CLASSES,
        )
    return k


def as_labels(values: torch.Tensor) -> torch.Tensor:
    """Labels read as numbers (a table's column) as int64 class indices; `InputError` naming the first value
    that is not a whole number 0…MAX_CLASSES − 1."""
    bad = (values != values.round()) | (values < 0) | (values > MAX_CLASSES - 1) | ~torch.isfinite(values)
    if bool(bad.any()):
        row = int(bad.nonzero()[0, 0])
        raise InputError(
            f"labels must be whole numbers 0…{MAX_CLASSES - 1}, got {values[row].item()!r}",
            code="label_value",
            value=values[row].item(),
            high=MAX_CLASSES - 1,
        )
    return values.to(torch.int64)


@dataclass(frozen=True)
class ClassifierStep:
    """One optimizer step: its batch and loss, the gradients, W and b after `step()`, the optimizer's state."""

    epoch: int
    step: int
    batch_indices: torch.Tensor
    loss: torch.Tensor
    grad_W: torch.Tensor
    grad_b: torch.Tensor
    W: torch.Tensor
    b: torch.Tensor
    state: dict[str, dict[str, torch.Tensor]]  # {"W": {"exp_avg": ...}, "b": {...}}: optimizer.state[param]


@dataclass(frozen=True)
class ClassifierHistory:
    """Every step of a run, kept as columns (one row per step)."""

    config: ClassifierConfig
    classes: int
    loss: torch.Tensor  # (S,) the batch loss of each step, before the update
    grad_W: torch.Tensor  # (S, K, d)
    grad_b: torch.Tensor  # (S, K)
    W: torch.Tensor  # (S, K, d) after each step
    b: torch.Tensor  # (S, K)
    state: dict[str, tuple[torch.Tensor, torch.Tensor]]  # name -> (S, K, d), (S, K)
    orders: torch.Tensor  # (epochs, n)
    epoch_loss: torch.Tensor  # (completed epochs,) CrossEntropyLoss(reduction, label_smoothing) on all the data
    epoch_accuracy: torch.Tensor  # (completed epochs,) the fraction of samples whose largest logit is their label
    diverged: bool = False
    diverged_step: int | None = None
    steps: Sequence[ClassifierStep] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "steps", _StepsView(self))

    @property
    def steps_per_epoch(self) -> int:
        return steps_per_epoch(self.orders.shape[1], self.config.batch_size)

    def parameters_after(self, step: int) -> tuple[torch.Tensor, torch.Tensor]:
        """W and b after `step` steps (0: the zeros training starts from)."""
        if step == 0:
            return self.W.new_zeros(self.W.shape[1:]), self.b.new_zeros(self.b.shape[1:])
        return self.W[step - 1], self.b[step - 1]

    def __repr__(self) -> str:
        return (
            f"ClassifierHistory(classes={self.classes}, steps={len(self.loss)}, epochs={len(self.epoch_loss)}, "
            f"diverged={self.diverged})"
        )


class _StepsView(LazySteps[ClassifierStep]):
    def _step(self, i: int) -> ClassifierStep:
        h, size = self._h, self._h.config.batch_size
        epoch, k = divmod(i, h.steps_per_epoch)
        state = {"W": {k_: w[i] for k_, (w, _) in h.state.items()}, "b": {k_: b[i] for k_, (_, b) in h.state.items()}}
        batch = h.orders[epoch, k * size : (k + 1) * size]
        return ClassifierStep(epoch, i, batch, h.loss[i], h.grad_W[i], h.grad_b[i], h.W[i], h.b[i], state)


def full_data_metrics(
    X: torch.Tensor, y: torch.Tensor, W: torch.Tensor, b: torch.Tensor, config: ClassifierConfig
) -> tuple[torch.Tensor, torch.Tensor]:
    """(loss, accuracy) of the model on all the data: the loss as `nn.CrossEntropyLoss(reduction, label_smoothing)`."""
    with torch.no_grad():
        logits = F.linear(X, W, b)
        loss = F.cross_entropy(logits, y, reduction=config.reduction, label_smoothing=config.label_smoothing)
        return loss, (logits.argmax(dim=1) == y).to(X.dtype).mean()


def train_classifier(
    X: torch.Tensor,
    y: torch.Tensor,
    config: ClassifierConfig,
    progress: Callable[[float], None] | None = None,
    *,
    classes: int | None = None,
) -> ClassifierHistory:
    """Train `nn.Linear(d, K)` (weight and bias from zero) with `nn.CrossEntropyLoss(reduction, label_smoothing)`
    and the config's `torch.optim` update, batch after batch; return every step.

    >>> X, y = blobs(30, classes=3)
    >>> history = train_classifier(X, y, ClassifierConfig(lr=0.1, batch_size=30, epochs=1))
    >>> round(float(history.loss[0]), 4)  # all logits 0 at the start: −log(1/3)
    1.0986
    """
    if not isinstance(X, torch.Tensor) or X.dtype not in (torch.float32, torch.float64):
        raise InputError("X must be a float32 or float64 tensor (n×d)", code="features_dtype")
    if X.ndim != 2:
        raise InputError(
            f"X must be a matrix (n×d), got shape {tuple(X.shape)}", code="shape", name="X", shape=tuple(X.shape),
            expected="(n, d)",
        )  # fmt: skip
    check_data(X, X[:, 0])  # X's limits and finiteness; y is checked as labels below
    n, d = X.shape
    k = check_labels(y, n, classes)
    run = config.train_config
    check_config_for(run, n, d)
    names = state_names(run)
    total = config.epochs * steps_per_epoch(n, config.batch_size)
    p = k * (d + 1)
    width = 1 + p * (2 + len(names))  # loss | grad_W, grad_b | W, b | each state buffer of W, b
    if total * width > MAX_RECORDED:
        raise InputError(
            f"{total} steps × {width} recorded values = {total * width}; at most {MAX_RECORDED} are allowed",
            code="too_much_record",
            values=total * width,
            limit=MAX_RECORDED,
        )
    device = resolve_device(config.device)
    dtype = torch.float32 if device.type == "mps" else X.dtype
    Xd, yd = X.to(device, dtype), y.to(device)
    orders = epoch_orders(n, run).to(device)
    W = torch.zeros(k, d, device=device, dtype=dtype, requires_grad=True)
    b = torch.zeros(k, device=device, dtype=dtype, requires_grad=True)
    manual = config.optimizer == "manual"
    optimizer = None if manual else torch_optimizer(run, [W, b])
    record = torch.empty(total, width, device=device, dtype=dtype)
    epoch_loss = torch.empty(config.epochs, device=device, dtype=dtype)
    epoch_accuracy = torch.empty(config.epochs, device=device, dtype=dtype)
    after = [W.detach().view(-1), b.detach()]  # views: W and b are updated in place
    buffers: list[torch.Tensor] = []
    size, report_every = config.batch_size, max(1, total // 100)
    step, checked, epochs_done, finite = 0, 0, 0, True
    for epoch in range(config.epochs):
        order = orders[epoch]
        for start in range(0, n, size):
            if config.shuffle:
                batch = order[start : start + size]
                Xb, yb = Xd[batch], yd[batch]
            else:  # consecutive rows: a view instead of a gathered copy
                Xb, yb = Xd[start : start + size], yd[start : start + size]
            W.grad, b.grad = None, None  # optimizer.zero_grad()
            loss = F.cross_entropy(
                F.linear(Xb, W, b), yb, reduction=config.reduction, label_smoothing=config.label_smoothing
            )
            loss.backward()
            if manual:
                with torch.no_grad():  # the update optim.SGD does, written out: θ ← θ − γ(g + λθ)
                    for theta in (W, b):
                        theta -= config.lr * (theta.grad + config.weight_decay * theta)
            else:
                optimizer.step()
            if step == 0:  # the optimizer updates its state tensors in place from now on: views of them stay current
                buffers = [optimizer.state[theta][name].detach().view(-1) for name in names for theta in (W, b)]
            torch.cat([loss.detach().reshape(1), W.grad.view(-1), b.grad, *after, *buffers], out=record[step])
            step += 1
            if step - checked >= _CHECK_EVERY or start + size >= n:
                finite = bool(torch.isfinite(record[checked:step]).all())
                checked = step
                if not finite:
                    break
            if progress is not None and step % report_every == 0:
                progress(step / total)
        if not finite:
            break
        epoch_loss[epoch], epoch_accuracy[epoch] = full_data_metrics(Xd, yd, W, b, config)
        epochs_done = epoch + 1
    diverged_step = None
    if not finite:
        diverged_step = int((~torch.isfinite(record[:step]).all(dim=1)).nonzero()[0, 0])
        step, epochs_done = diverged_step, diverged_step // steps_per_epoch(n, size)
    if progress is not None:
        progress(1.0)
    record = record[:step]
    columns = record[:, 1:].split([k * d, k] * (2 + len(names)), dim=1)
    shaped = [c.reshape(step, k, d) if i % 2 == 0 else c for i, c in enumerate(columns)]
    return ClassifierHistory(
        config=config,
        classes=k,
        loss=record[:, 0],
        grad_W=shaped[0],
        grad_b=shaped[1],
        W=shaped[2],
        b=shaped[3],
        state={name: (shaped[4 + 2 * j], shaped[5 + 2 * j]) for j, name in enumerate(names)},
        orders=orders,
        epoch_loss=epoch_loss[:epochs_done],
        epoch_accuracy=epoch_accuracy[:epochs_done],
        diverged=not finite,
        diverged_step=diverged_step,
    )
