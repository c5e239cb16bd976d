"""Which `torch.optim` update a run uses: the optimizer's name and hyperparameters, checked once, and the one
`torch.optim` call each name stands for (as an instance, and as the source line an exported script writes).

>>> settings = OptimizerSettings("adamw")
>>> settings.torch_call(0.01)
'torch.optim.AdamW(net.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.0)'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import torch

from core.errors import InputError, check_choice, check_number

OptimizerName = Literal["torch_sgd", "manual", "momentum", "nesterov", "rmsprop", "adam", "adamw"]
OPTIMIZERS: tuple[str, ...] = ("torch_sgd", "manual", "momentum", "nesterov", "rmsprop", "adam", "adamw")
# the buffers each optimizer keeps per parameter, under PyTorch's own names (`optimizer.state[param]`)
STATE_NAMES: dict[str, tuple[str, ...]] = {
    "torch_sgd": (),
    "manual": (),
    "momentum": ("momentum_buffer",),
    "nesterov": ("momentum_buffer",),
    "rmsprop": ("square_avg",),
    "adam": ("exp_avg", "exp_avg_sq"),
    "adamw": ("exp_avg", "exp_avg_sq"),
}
_OPEN_UNIT = "[0, 1)"


def _unit(name: str, value: object) -> float:
    """A number in [0, 1) (momentum, a beta, alpha): stricter than torch.optim, which accepts 1 and more."""
    v = check_number(name, value, low=0)
    if v >= 1:
        raise InputError(
            f"{name} must be in {_OPEN_UNIT}, got {v:g}", code="out_of_range", name=name, value=v, interval=_OPEN_UNIT
        )
    return v


@dataclass(frozen=True)
class OptimizerSettings:
    """`name` and the hyperparameters of its `torch.optim` class (the others are kept but unused).

    "torch_sgd" is `SGD(lr, weight_decay)`; "manual" the same update written out by hand; "momentum"
    `SGD(lr, momentum, weight_decay)`; "nesterov" `SGD(lr, momentum, nesterov=True, weight_decay)`;
    "rmsprop" `RMSprop(lr, alpha, eps, weight_decay)`; "adam" / "adamw" `Adam` / `AdamW(lr, betas, eps,
    weight_decay)`. The defaults are PyTorch's, except weight_decay, always 0 unless given (AdamW's own is 0.01).
    """

    name: OptimizerName = "torch_sgd"
    momentum: float = 0.9
    betas: tuple[float, float] = (0.9, 0.999)
    eps: float = 1e-8
    alpha: float = 0.99
    weight_decay: float = 0.0

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        check_choice("optimizer", self.name, OPTIMIZERS)
        set_(self, "momentum", _unit("momentum", self.momentum))
        if self.name == "nesterov" and self.momentum == 0:
            raise InputError(
                "Nesterov momentum needs momentum > 0, got 0", code="out_of_range", name="momentum", value=0.0,
                interval="(0, 1)",
            )  # fmt: skip
        try:
            beta1, beta2 = self.betas
        except (TypeError, ValueError):
            raise InputError(f"betas must be two numbers, got {self.betas!r}", code="betas", value=self.betas) from None
        set_(self, "betas", (_unit("beta1", beta1), _unit("beta2", beta2)))
        set_(self, "eps", check_number("eps", self.eps, low=0, low_open=True, high=1.0))
        set_(self, "alpha", _unit("alpha", self.alpha))
        set_(self, "weight_decay", check_number("weight decay", self.weight_decay, low=0, high=100.0))

    @property
    def state_names(self) -> tuple[str, ...]:
        return STATE_NAMES[self.name]

    def arguments(self, lr: float) -> dict[str, object]:
        """The keyword arguments of this optimizer's `torch.optim` call, in the order the docs list them."""
        wd = {"weight_decay": self.weight_decay}
        if self.name in ("torch_sgd", "manual"):
            return {"lr": lr, **wd}
        if self.name in ("momentum", "nesterov"):
            nesterov = {"nesterov": True} if self.name == "nesterov" else {}
            return {"lr": lr, "momentum": self.momentum, **nesterov, **wd}
        if self.name == "rmsprop":
            return {"lr": lr, "alpha": self.alpha, "eps": self.eps, **wd}
        return {"lr": lr, "betas": self.betas, "eps": self.eps, **wd}

    @property
    def torch_class(self) -> str:
        return {"rmsprop": "RMSprop", "adam": "Adam", "adamw": "AdamW"}.get(self.name, "SGD")

    def torch_call(self, lr: float, params: str = "net.parameters()") -> str:
        """The `torch.optim` call as source code (weight_decay written out: AdamW's default is not 0)."""
        arguments = ", ".join(f"{k}={v!r}" for k, v in self.arguments(lr).items())
        return f"torch.optim.{self.torch_class}({params}, {arguments})"


def make_optimizer(params: Iterable[torch.Tensor], lr: float, settings: OptimizerSettings) -> torch.optim.Optimizer:
    """The `torch.optim` instance of `settings` ("manual" gets `SGD(lr, weight_decay)`, the update it writes out)."""
    optimizer_class = getattr(torch.optim, settings.torch_class)
    return optimizer_class(params, **settings.arguments(lr))
