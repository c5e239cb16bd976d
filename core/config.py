"""A training run's settings and the limits that keep a public link safe, checked before any work is done."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import torch

from core.errors import InputError, check_choice, check_finite, check_number
from core.losses import LOSSES, LossName

MAX_ROWS = 200_000
MAX_FEATURES = 20
MAX_STEPS = 100_000
MAX_SAMPLE_VISITS = 10_000_000  # epochs × n: bounds the time and the memory of the recorded batch orders
MAX_LR = 100.0
MAX_WEIGHT_DECAY = 100.0  # torch.optim takes any; past this the decay alone swamps any data
OptimizerName = Literal["torch_sgd", "manual", "momentum", "nesterov", "rmsprop", "adam", "adamw"]
# each is one torch.optim call (core/optimizers.py writes it out): SGD, SGD written by hand, SGD with
# momentum, SGD with Nesterov momentum, RMSprop, Adam (L2 in the gradient), AdamW (decoupled decay)
OPTIMIZERS: tuple[OptimizerName, ...] = ("torch_sgd", "manual", "momentum", "nesterov", "rmsprop", "adam", "adamw")


@dataclass(frozen=True)
class TrainConfig:
    """One training run. `w0=None` draws d2l's init w ~ N(0, 0.01²) from `seed`; `b0=None` is 0.

    The optimizer's own fields count only where its torch.optim class has them: `momentum` for
    "momentum" and "nesterov", `alpha` and `eps` for "rmsprop", `betas` and `eps` for "adam" and "adamw",
    `weight_decay` for all (plain SGD too). They are checked for every optimizer, more strictly than
    torch.optim does: momentum, both betas and alpha in [0, 1), eps in (0, 1], weight_decay in
    [0, 100], and Nesterov needs momentum > 0.

    `batch_order` fixes the first epoch's sample order (the rest of the samples follow in their
    natural order); later epochs come from the DataLoader as usual.
    """

    lr: float
    batch_size: int
    epochs: int
    shuffle: bool = True
    seed: int = 0
    loss: LossName = "mean"
    optimizer: OptimizerName = "torch_sgd"
    momentum: float = 0.9
    betas: tuple[float, float] = (0.9, 0.999)
    eps: float = 1e-8
    alpha: float = 0.99
    weight_decay: float = 0.0
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
        check_choice("loss", self.loss, LOSSES)
        check_choice("optimizer", self.optimizer, OPTIMIZERS)
        self._check_optimizer_fields()
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

    def _check_optimizer_fields(self) -> None:
        set_ = object.__setattr__
        unit = dict(low=0, high=1, high_open=True)
        set_(self, "momentum", check_number("momentum", self.momentum, **unit))
        if self.optimizer == "nesterov" and self.momentum == 0:
            raise InputError("Nesterov momentum needs momentum > 0", code="nesterov_momentum", name="momentum")
        if not isinstance(self.betas, tuple | list) or len(self.betas) != 2:
            raise InputError(f"betas must be two numbers, got {self.betas!r}", code="betas", value=self.betas)
        set_(self, "betas", tuple(check_number(f"betas[{i}]", v, **unit) for i, v in enumerate(self.betas)))
        set_(self, "alpha", check_number("alpha", self.alpha, **unit))
        set_(self, "eps", check_number("eps", self.eps, low=0, low_open=True, high=1.0))
        set_(self, "weight_decay", check_number("weight_decay", self.weight_decay, low=0, high=MAX_WEIGHT_DECAY))


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


def check_config_for(config: TrainConfig, n: int, d: int) -> None:
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
