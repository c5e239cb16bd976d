"""Linear regression trained by mini-batches, recording every step (what `backward()` and `step()` did).

The batches are exactly those of the reproducible-shuffling idiom of the PyTorch docs,
`DataLoader(TensorDataset(X, y), batch_size, shuffle=True, generator=torch.Generator().manual_seed(seed))`,
epoch after epoch. The DataLoader's batch size and shuffling decide whether that is full-batch, mini-batch
or stochastic gradient descent (or, in a fixed order, incremental); the optimizer decides what `step()`
does with the gradient: plain `optim.SGD` only subtracts lr·grad, the others keep state (core/optimizers.py).

`train` reads as four steps: set the run up (`_Setup`), draw the batches (`_batches`), take one step
(`_Update`, or the update written out by hand in `_manual_step`), and record it (`_Recorder`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import torch
from torch.optim.adam import adam
from torch.optim.rmsprop import rmsprop
from torch.optim.sgd import sgd

from core.config import TrainConfig, check_config_for, check_data, steps_per_epoch
from core.device import default_dtype, resolve_device
from core.history import TrainHistory
from core.losses import batch_loss, loss_scale, residual_scale
from core.optimizers import state_names

_CHECK_EVERY = 1024  # steps between divergence checks inside an epoch (each check syncs with the device)


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


@dataclass
class _Setup:
    """The run's tensors on its device: A = [X, 1], the targets, each epoch's order and θ = (w, b) in one
    tensor, so that one update per step moves both (every optimizer here updates element by element)."""

    A: torch.Tensor
    target: torch.Tensor
    orders: torch.Tensor
    w0: torch.Tensor
    b0: torch.Tensor
    theta: torch.Tensor

    @classmethod
    def of(cls, X: torch.Tensor, y: torch.Tensor, config: TrainConfig) -> _Setup:
        n, d = X.shape
        device = resolve_device(config.device)
        dtype = default_dtype(device)
        A = torch.cat([X.to(device, dtype), torch.ones(n, 1, device=device, dtype=dtype)], dim=1)
        w0, b0 = initial_parameters(d, config, dtype)
        theta = torch.cat([w0, b0.reshape(1)]).to(device)
        return cls(A, y.reshape(-1).to(device, dtype), epoch_orders(n, config).to(device), w0, b0, theta)


def _batches(setup: _Setup, config: TrainConfig) -> Iterator[tuple[int, torch.Tensor, torch.Tensor]]:
    """(epoch, A_batch, y_batch) in the DataLoader's order, epoch after epoch."""
    A, target = setup.A, setup.target
    n, size = len(target), config.batch_size
    for epoch in range(config.epochs):
        order = setup.orders[epoch]
        # without shuffling, every batch is a run of consecutive rows: a view of A instead of a gathered copy
        # (full-batch GD would otherwise copy all of X every step)
        in_order = not config.shuffle and (epoch > 0 or config.batch_order is None)
        for start in range(0, n, size):
            if in_order:
                yield epoch, A[start : start + size], target[start : start + size]
            else:
                batch = order[start : start + size]
                yield epoch, A[batch], target[batch]


class _Update:
    """`optimizer.step()` for θ, as the torch.optim class of `config.optimizer` runs it: its functional
    form (`torch.optim.sgd.sgd`, `rmsprop.rmsprop`, `adam.adam`, single-tensor), which `step()` calls.

    Optimizer.zero_grad() and step() wrap every call in hooks and profiler records; for one small tensor
    they cost three times the update itself. `state()` is the state after the last step, in the order of
    `core.optimizers.state_names(config)`.
    """

    def __init__(self, config: TrainConfig, theta: torch.Tensor) -> None:
        self.config = config
        zeros = torch.zeros_like(theta)
        self.buffers: list[torch.Tensor | None] = [None]  # SGD's momentum buffer: created by its first step
        self.square_avgs, self.exp_avgs, self.exp_avg_sqs = [zeros], [zeros.clone()], [zeros.clone()]
        self.steps = [torch.tensor(0.0, dtype=torch.float64 if theta.dtype == torch.float64 else torch.float32)]
        kind = config.optimizer
        self.step = {"rmsprop": self._rmsprop, "adam": self._adam, "adamw": self._adam}.get(kind, self._sgd)
        self.state = {
            "momentum": lambda: self.buffers,
            "nesterov": lambda: self.buffers,
            "rmsprop": lambda: self.square_avgs,
            "adam": lambda: [self.exp_avgs[0], self.exp_avg_sqs[0]],
            "adamw": lambda: [self.exp_avgs[0], self.exp_avg_sqs[0]],
        }.get(kind, list)
        if kind in ("momentum", "nesterov") and config.momentum == 0:
            self.state = list  # torch.optim.SGD keeps no buffer without momentum

    def _sgd(self, theta: torch.Tensor) -> None:
        c = self.config
        momentum = c.momentum if c.optimizer in ("momentum", "nesterov") else 0.0
        sgd(
            [theta], [theta.grad], self.buffers, foreach=False, lr=c.lr, weight_decay=c.weight_decay,
            momentum=momentum, dampening=0.0, nesterov=c.optimizer == "nesterov", maximize=False,
        )  # fmt: skip

    def _rmsprop(self, theta: torch.Tensor) -> None:
        c = self.config
        rmsprop(
            [theta], [theta.grad], self.square_avgs, [], [], self.steps, foreach=False, lr=c.lr, alpha=c.alpha,
            eps=c.eps, weight_decay=c.weight_decay, momentum=0.0, centered=False,
        )  # fmt: skip

    def _adam(self, theta: torch.Tensor) -> None:
        c = self.config
        adam(
            [theta], [theta.grad], self.exp_avgs, self.exp_avg_sqs, [], self.steps, foreach=False, amsgrad=False,
            beta1=c.betas[0], beta2=c.betas[1], lr=c.lr, weight_decay=c.weight_decay, eps=c.eps, maximize=False,
            decoupled_weight_decay=c.optimizer == "adamw",
        )  # fmt: skip


def _torch_step(theta: torch.Tensor, Ab: torch.Tensor, yb: torch.Tensor, loss: str, update: _Update) -> torch.Tensor:
    """zero_grad(), the loss, backward() and step(); returns the batch loss (θ.grad holds the gradient)."""
    theta.grad = None  # optimizer.zero_grad() (set_to_none) for the one parameter
    value = batch_loss(Ab @ theta, yb, loss)
    value.backward()
    with torch.no_grad():
        update.step(theta)
    return value.detach()


def _manual_step(theta: torch.Tensor, Ab: torch.Tensor, yb: torch.Tensor, config: TrainConfig) -> tuple:
    """The loss, its gradient by hand and θ ← θ − η·(∇θ + λθ) (optim.SGD without momentum), in place;
    returns (loss, grad)."""
    with torch.no_grad():
        r = Ab @ theta - yb
        value = loss_scale(config.loss, len(yb)) * (r @ r)
        grad = residual_scale(config.loss, len(yb)) * (Ab.T @ r)
        if config.weight_decay:
            theta -= config.lr * (grad + config.weight_decay * theta)
        else:
            theta -= config.lr * grad
    return value, grad


class _Recorder:
    """One row per step, kept on the device (loss | grad | θ after the step | each state buffer), checked for
    inf/nan every `_CHECK_EVERY` steps and at the end of each epoch, so a check rarely waits for the device."""

    def __init__(self, setup: _Setup, config: TrainConfig, names: tuple[str, ...]) -> None:
        self.p = setup.theta.numel()
        self.spe = steps_per_epoch(len(setup.target), config.batch_size)
        self.total = config.epochs * self.spe
        self.names = names
        self.rows = torch.empty(self.total, 1 + (2 + len(names)) * self.p, device=setup.A.device, dtype=setup.A.dtype)
        self.epoch_loss = torch.empty(config.epochs, device=setup.A.device, dtype=setup.A.dtype)
        self.steps, self.checked, self.epochs_done = 0, 0, 0

    def write(self, loss: torch.Tensor, grad: torch.Tensor, theta: torch.Tensor, state: list[torch.Tensor]) -> None:
        torch.cat([loss.reshape(1), grad, theta.detach(), *state], out=self.rows[self.steps])
        self.steps += 1

    def finite(self, epoch_end: bool) -> bool:
        """False once a recorded row holds inf or nan (checked only every so often)."""
        if self.steps - self.checked < _CHECK_EVERY and not epoch_end:
            return True
        finite = bool(torch.isfinite(self.rows[self.checked : self.steps]).all())
        self.checked = self.steps
        return finite

    def history(self, setup: _Setup, config: TrainConfig, diverged: bool) -> TrainHistory:
        """The columns up to the first non-finite step (the whole run when there is none)."""
        diverged_step = None
        if diverged:
            bad = ~torch.isfinite(self.rows[: self.steps]).all(dim=1)
            diverged_step = int(bad.nonzero()[0, 0])
            self.steps, self.epochs_done = diverged_step, diverged_step // self.spe
        rows, p, d = self.rows[: self.steps], self.p, self.p - 1
        column = 1 + 2 * p
        state = {name: rows[:, column + k * p : column + (k + 1) * p] for k, name in enumerate(self.names)}
        return TrainHistory(
            config=config, w0=setup.w0.to(rows.device), b0=setup.b0.to(rows.device), loss=rows[:, 0],
            grad_w=rows[:, 1 : d + 1], grad_b=rows[:, d + 1], w=rows[:, p + 1 : p + 1 + d], b=rows[:, 2 * p],
            orders=setup.orders, epoch_loss=self.epoch_loss[: self.epochs_done], diverged=diverged,
            diverged_step=diverged_step, state=state,
        )  # fmt: skip


def train(
    X: torch.Tensor, y: torch.Tensor, config: TrainConfig, progress: Callable[[float], None] | None = None
) -> TrainHistory:
    """Train y ≈ Xw + b with mini-batches and `config.optimizer`, and return every step.

    >>> from core.regression import toy_dataset
    >>> X, y = toy_dataset()
    >>> cfg = TrainConfig(lr=0.5, batch_size=3, epochs=1, loss="sum_over_batch", w0=(1, 2), b0=0,
    ...                   batch_order=(5, 1, 0))
    >>> float(train(X, y, cfg).steps[0].loss)
    12.0
    """
    check_data(X, y)
    check_config_for(config, *X.shape)
    setup = _Setup.of(X, y, config)
    record = _Recorder(setup, config, state_names(config))
    theta, manual = setup.theta, config.optimizer == "manual"
    update = None if manual else _Update(config, theta.requires_grad_(True))
    report_every = max(1, record.total // 100)
    full_scale, finite = loss_scale(config.loss, len(setup.target)), True
    for epoch, Ab, yb in _batches(setup, config):
        if manual:
            loss, grad = _manual_step(theta, Ab, yb, config)
            record.write(loss, grad, theta, [])
        else:
            loss = _torch_step(theta, Ab, yb, config.loss, update)
            record.write(loss, theta.grad, theta, update.state())
        epoch_end = record.steps % record.spe == 0
        finite = record.finite(epoch_end)
        if not finite:
            break
        if epoch_end:
            with torch.no_grad():
                r = setup.A @ theta - setup.target
                record.epoch_loss[epoch] = full_scale * (r @ r)
            record.epochs_done = epoch + 1
        if progress is not None and record.steps % report_every == 0:
            progress(record.steps / record.total)
    if progress is not None:
        progress(1.0)
    return record.history(setup, config, diverged=not finite)
