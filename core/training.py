"""Linear regression trained by mini-batch SGD, recording every step (what `backward()` and `step()` did).

The batches are exactly those of the reproducible-shuffling idiom of the PyTorch docs,
`DataLoader(TensorDataset(X, y), batch_size, shuffle=True, generator=torch.Generator().manual_seed(seed))`,
epoch after epoch: `optim.SGD` only subtracts lr·grad; the DataLoader's batches make it stochastic.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import torch

from core.device import default_dtype, resolve_device
from core.errors import InputError, check_finite, check_number
from core.history import TrainHistory
from core.losses import LOSSES, LossName, batch_loss, loss_scale, residual_scale

MAX_ROWS = 200_000
MAX_FEATURES = 20
MAX_STEPS = 100_000
MAX_SAMPLE_VISITS = 10_000_000  # epochs × n: bounds the time and the memory of the recorded batch orders
MAX_LR = 100.0
OPTIMIZERS = ("torch_sgd", "manual")
_CHECK_EVERY = 1024  # steps between divergence checks inside an epoch (each check syncs with the device)


@dataclass(frozen=True)
class TrainConfig:
    """One training run. `w0=None` draws d2l's init w ~ N(0, 0.01²) from `seed`; `b0=None` is 0.

    `batch_order` fixes the first epoch's sample order (the rest of the samples follow in their
    natural order); later epochs come from the DataLoader as usual.
    """

    lr: float
    batch_size: int
    epochs: int
    shuffle: bool = True
    seed: int = 0
    loss: LossName = "mean"
    optimizer: Literal["torch_sgd", "manual"] = "torch_sgd"
    w0: tuple[float, ...] | None = None
    b0: float | None = None
    batch_order: tuple[int, ...] | None = None
    device: str | None = None

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "lr", check_number("learning rate", self.lr, low=0, low_open=True, high=MAX_LR))
        set_(self, "batch_size", check_number("batch size", self.batch_size, low=1, high=MAX_ROWS, integer=True))
        set_(self, "epochs", check_number("epochs", self.epochs, low=1, high=MAX_STEPS, integer=True))
        set_(self, "seed", check_number("seed", self.seed, low=0, high=2**63 - 1, integer=True))
        if self.loss not in LOSSES:
            raise InputError(
                f"loss must be one of {LOSSES}, got {self.loss!r}",
                code="unknown_option",
                name="loss",
                value=self.loss,
                allowed=", ".join(LOSSES),
            )
        if self.optimizer not in OPTIMIZERS:
            raise InputError(
                f"optimizer must be one of {OPTIMIZERS}, got {self.optimizer!r}",
                code="unknown_option",
                name="optimizer",
                value=self.optimizer,
                allowed=", ".join(OPTIMIZERS),
            )
        if self.w0 is not None:
            set_(self, "w0", tuple(check_number(f"w0[{i}]", v, low=-1e6, high=1e6) for i, v in enumerate(self.w0)))
        if self.b0 is not None:
            set_(self, "b0", check_number("b0", self.b0, low=-1e6, high=1e6))
        if self.batch_order is not None:
            set_(
                self,
                "batch_order",
                tuple(check_number("batch order", i, low=0, integer=True) for i in self.batch_order),
            )


def steps_per_epoch(n: int, batch_size: int) -> int:
    """How many batches a DataLoader with drop_last=False yields per epoch."""
    return math.ceil(n / batch_size)


def check_data(X: torch.Tensor, y: torch.Tensor) -> None:
    """Raise `InputError` unless X is n×d and y has n values, within the limits, all finite."""
    if X.ndim != 2:
        raise InputError(
            f"X must be a matrix (n×d), got shape {tuple(X.shape)}",
            code="shape",
            name="X",
            shape=tuple(X.shape),
            expected="(n, d)",
        )
    n, d = X.shape
    if y.numel() != n or y.ndim > 2:
        raise InputError(
            f"y must have {n} values, got shape {tuple(y.shape)}",
            code="shape",
            name="y",
            shape=tuple(y.shape),
            expected=(n, 1),
        )
    check_number("number of samples", n, low=1, high=MAX_ROWS, integer=True)
    check_number("number of features", d, low=1, high=MAX_FEATURES, integer=True)
    check_finite("X", X)
    check_finite("y", y)


def _check_config_for(config: TrainConfig, n: int, d: int) -> None:
    check_number("batch size", config.batch_size, low=1, high=n, integer=True)
    total = config.epochs * steps_per_epoch(n, config.batch_size)
    if total > MAX_STEPS:
        raise InputError(
            f"{total} training steps requested; at most {MAX_STEPS} are allowed",
            code="too_many_steps",
            steps=total,
            limit=MAX_STEPS,
        )
    if config.epochs * n > MAX_SAMPLE_VISITS:
        raise InputError(
            f"epochs × samples = {config.epochs * n}; at most {MAX_SAMPLE_VISITS} are allowed",
            code="too_much_work",
            visits=config.epochs * n,
            limit=MAX_SAMPLE_VISITS,
        )
    if config.w0 is not None and len(config.w0) != d:
        raise InputError(
            f"w0 has {len(config.w0)} values, the data has {d} features",
            code="w0_length",
            got=len(config.w0),
            expected=d,
        )
    order = config.batch_order
    if order is not None and (len(set(order)) != len(order) or any(i >= n for i in order)):
        raise InputError(
            f"batch order must list distinct sample indices 0…{n - 1}, got {list(order)}",
            code="batch_order",
            value=list(order),
            high=n - 1,
        )


def epoch_orders(n: int, config: TrainConfig) -> torch.Tensor:
    """(epochs, n): the sample order of each epoch, drawn from the generator exactly as the DataLoader does.

    Each epoch, `iter(DataLoader)` first draws an int64 base seed from the generator; then its
    RandomSampler draws `randperm(n)` and, when that is used up, a second `randperm(n)` of which it
    keeps nothing (`num_samples % n == 0` items). All three draws move the generator on.
    """
    natural = torch.arange(n)
    generator = torch.Generator().manual_seed(config.seed)
    epochs = []
    for epoch in range(config.epochs):
        if epoch == 0 and config.batch_order is not None:
            chosen = torch.tensor(config.batch_order, dtype=torch.int64)
            rest = natural[~torch.isin(natural, chosen)]
            epochs.append(torch.cat([chosen, rest]))
        elif config.shuffle:
            torch.empty((), dtype=torch.int64).random_(generator=generator)
            epochs.append(torch.randperm(n, generator=generator))
            torch.randperm(n, generator=generator)
        else:
            epochs.append(natural)
    return torch.stack(epochs)


def initial_parameters(d: int, config: TrainConfig, dtype: torch.dtype) -> tuple[torch.Tensor, torch.Tensor]:
    """w0, b0 from the config, or d2l's init (w ~ N(0, 0.01²) from `seed`, b = 0); on the CPU."""
    if config.w0 is not None:
        w0 = torch.tensor(config.w0, dtype=torch.float64)
    else:
        w0 = torch.normal(
            0.0, 0.01, size=(d,), generator=torch.Generator().manual_seed(config.seed), dtype=torch.float64
        )
    b0 = torch.tensor(0.0 if config.b0 is None else config.b0, dtype=torch.float64)
    return w0.to(dtype), b0.to(dtype)


def train(
    X: torch.Tensor, y: torch.Tensor, config: TrainConfig, progress: Callable[[float], None] | None = None
) -> TrainHistory:
    """Train y ≈ Xw + b by mini-batch SGD and return every step.

    >>> from core.regression import toy_dataset
    >>> X, y = toy_dataset()
    >>> cfg = TrainConfig(lr=0.5, batch_size=3, epochs=1, loss="sum_over_batch", w0=(1, 2), b0=0,
    ...                   batch_order=(5, 1, 0))
    >>> float(train(X, y, cfg).steps[0].loss)
    12.0
    """
    check_data(X, y)
    n, d = X.shape
    _check_config_for(config, n, d)
    device = resolve_device(config.device)
    dtype = default_dtype(device)
    A = torch.cat([X.to(device, dtype), torch.ones(n, 1, device=device, dtype=dtype)], dim=1)  # [X, 1]
    target = y.reshape(-1).to(device, dtype)
    orders = epoch_orders(n, config).to(device)
    w0, b0 = initial_parameters(d, config, dtype)
    theta = torch.cat([w0, b0.reshape(1)]).to(device)  # θ = (w, b): one tensor, one update per step
    size, spe = config.batch_size, steps_per_epoch(n, config.batch_size)
    total = config.epochs * spe
    # one row per step: loss | grad_w, grad_b | w, b (after the step)
    record = torch.empty(total, 1 + 2 * (d + 1), device=device, dtype=dtype)
    epoch_loss = torch.empty(config.epochs, device=device, dtype=dtype)
    full_scale = loss_scale(config.loss, n)
    manual = config.optimizer == "manual"
    if not manual:
        theta.requires_grad_(True)
        optimizer = torch.optim.SGD([theta], lr=config.lr)
    report_every = max(1, total // 100)
    step, checked, epochs_done = 0, 0, 0
    finite = True
    for epoch in range(config.epochs):
        order = orders[epoch]
        for start in range(0, n, size):
            Ab = A[order[start : start + size]]
            yb = target[order[start : start + size]]
            if manual:
                with torch.no_grad():
                    r = Ab @ theta - yb
                    loss = loss_scale(config.loss, len(yb)) * (r @ r)
                    grad = residual_scale(config.loss, len(yb)) * (Ab.T @ r)
                    theta -= config.lr * grad  # θ ← θ − η·∇θ, what optim.SGD does
                torch.cat([loss.reshape(1), grad, theta], out=record[step])
            else:
                optimizer.zero_grad()
                loss = batch_loss(Ab @ theta, yb, config.loss)
                loss.backward()
                optimizer.step()
                torch.cat([loss.detach().reshape(1), theta.grad, theta.detach()], out=record[step])
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
        with torch.no_grad():
            r = A @ theta - target
            epoch_loss[epoch] = full_scale * (r @ r)
        epochs_done = epoch + 1
    diverged_step = None
    if not finite:
        bad = ~torch.isfinite(record[:step]).all(dim=1)
        diverged_step = int(bad.nonzero()[0, 0])
        step, epochs_done = diverged_step, diverged_step // spe
    if progress is not None:
        progress(1.0)
    record = record[:step]
    return TrainHistory(
        config=config,
        w0=w0.to(device),
        b0=b0.to(device),
        loss=record[:, 0],
        grad_w=record[:, 1 : d + 1],
        grad_b=record[:, d + 1],
        w=record[:, d + 2 : 2 * d + 2],
        b=record[:, 2 * d + 2],
        orders=orders,
        epoch_loss=epoch_loss[:epochs_done],
        diverged=not finite,
        diverged_step=diverged_step,
    )
