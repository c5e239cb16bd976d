"""Linear regression trained by mini-batch SGD, recording every step (what `backward()` and `step()` did).

The batches are exactly those of the reproducible-shuffling idiom of the PyTorch docs,
`DataLoader(TensorDataset(X, y), batch_size, shuffle=True, generator=torch.Generator().manual_seed(seed))`,
epoch after epoch. With its defaults (momentum=0, dampening=0, weight_decay=0, nesterov=False,
maximize=False) `optim.SGD` only subtracts lr·grad; the DataLoader's batch size and shuffling decide
whether that is full-batch, mini-batch or stochastic gradient descent (or, in a fixed order, incremental).
"""

from __future__ import annotations

from collections.abc import Callable

import torch
from torch.optim.sgd import sgd

from core.config import TrainConfig, check_config_for, check_data, steps_per_epoch
from core.device import default_dtype, resolve_device
from core.history import TrainHistory
from core.losses import batch_loss, loss_scale, residual_scale

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


def sgd_update(theta: torch.Tensor, lr: float) -> None:
    """`torch.optim.SGD([theta], lr=lr, foreach=False).step()`: the same functional update its step() runs.

    Optimizer.zero_grad() and step() wrap every call in hooks and profiler records; for one small tensor
    they cost three times the update itself, which made the largest allowed run take 40 s instead of 26.
    """
    with torch.no_grad():
        sgd(
            [theta], [theta.grad], [None], foreach=False,
            lr=lr, weight_decay=0.0, momentum=0.0, dampening=0.0, nesterov=False, maximize=False,
        )  # fmt: skip


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
    check_config_for(config, n, d)
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
    report_every = max(1, total // 100)
    step, checked, epochs_done = 0, 0, 0
    finite = True
    for epoch in range(config.epochs):
        order = orders[epoch]
        # without shuffling, every batch is a run of consecutive rows: a view of A instead of a gathered copy
        # (full-batch GD would otherwise copy all of X every step)
        in_order = not config.shuffle and (epoch > 0 or config.batch_order is None)
        for start in range(0, n, size):
            if in_order:
                Ab, yb = A[start : start + size], target[start : start + size]
            else:
                batch = order[start : start + size]
                Ab, yb = A[batch], target[batch]
            if manual:
                with torch.no_grad():
                    r = Ab @ theta - yb
                    loss = loss_scale(config.loss, len(yb)) * (r @ r)
                    grad = residual_scale(config.loss, len(yb)) * (Ab.T @ r)
                    theta -= config.lr * grad  # θ ← θ − η·∇θ, what optim.SGD does with its defaults
                torch.cat([loss.reshape(1), grad, theta], out=record[step])
            else:
                theta.grad = None  # optimizer.zero_grad() (set_to_none) for the one parameter
                loss = batch_loss(Ab @ theta, yb, config.loss)
                loss.backward()
                sgd_update(theta, config.lr)
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
