"""What `optimizer.step()` does, written out by hand: one small pure function per `torch.optim` class.

Each follows the algorithm box of PyTorch's documentation for that class, in its symbols: γ (lr),
λ (weight_decay), μ (momentum), α (RMSprop's alpha), β₁, β₂ (Adam's betas), ε (eps), t (the step,
counted from 1). The state uses PyTorch's own names (`momentum_buffer`, `square_avg`, `exp_avg`,
`exp_avg_sq`, `step`), so a student can compare it with `optimizer.state[param]`.

A function takes the parameter θ before the step, its gradient g and the state after the previous step
(empty before the first), and returns θ after the step and the new state; nothing is modified in place.

>>> theta, state = sgd(torch.tensor([1.0]), torch.tensor([0.5]), {}, lr=0.1, momentum=0.9)
>>> theta, state["momentum_buffer"]
(tensor([0.9500]), tensor([0.5000]))
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import torch
from torch import Tensor

if TYPE_CHECKING:
    from core.config import TrainConfig

State = dict[str, Tensor]


def sgd(
    theta: Tensor,
    grad: Tensor,
    state: State,
    *,
    lr: float,
    momentum: float = 0.0,
    nesterov: bool = False,
    weight_decay: float = 0.0,
) -> tuple[Tensor, State]:
    """`torch.optim.SGD(lr, momentum, nesterov=nesterov, weight_decay)` with dampening 0:

    g ← g + λθ;  b ← g on the first step, else b ← μb + g;  g ← g + μb (Nesterov) or g ← b;  θ ← θ − γg.
    With momentum 0 there is no buffer: θ ← θ − γ(g + λθ).
    """
    g = grad + weight_decay * theta if weight_decay else grad
    if not momentum:
        return theta - lr * g, {}
    buffer = g.clone() if "momentum_buffer" not in state else momentum * state["momentum_buffer"] + g
    direction = g + momentum * buffer if nesterov else buffer
    return theta - lr * direction, {"momentum_buffer": buffer}


def rmsprop(
    theta: Tensor,
    grad: Tensor,
    state: State,
    *,
    lr: float,
    alpha: float = 0.99,
    eps: float = 1e-8,
    weight_decay: float = 0.0,
) -> tuple[Tensor, State]:
    """`torch.optim.RMSprop(lr, alpha, eps, weight_decay)` (not centered, no momentum):

    g ← g + λθ;  v ← αv + (1 − α)g²  (v starts at 0);  θ ← θ − γ g / (√v + ε).
    """
    g = grad + weight_decay * theta if weight_decay else grad
    square_avg = alpha * state.get("square_avg", torch.zeros_like(theta)) + (1 - alpha) * g * g
    step = _next_step(state)
    return theta - lr * g / (square_avg.sqrt() + eps), {"step": step, "square_avg": square_avg}


def adam(
    theta: Tensor,
    grad: Tensor,
    state: State,
    *,
    lr: float,
    betas: tuple[float, float] = (0.9, 0.999),
    eps: float = 1e-8,
    weight_decay: float = 0.0,
    decoupled: bool = False,
) -> tuple[Tensor, State]:
    """`torch.optim.Adam(lr, betas, eps, weight_decay)`, or with `decoupled=True`
    `torch.optim.AdamW(lr, betas, eps, weight_decay)`:

    Adam: g ← g + λθ (L2 in the gradient);  AdamW: θ ← θ − γλθ (decay decoupled from the gradient);
    then m ← β₁m + (1 − β₁)g,  v ← β₂v + (1 − β₂)g²,  m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ),
    θ ← θ − γ m̂ / (√v̂ + ε).
    """
    beta1, beta2 = betas
    g = grad
    if weight_decay and decoupled:
        theta = theta * (1 - lr * weight_decay)
    elif weight_decay:
        g = grad + weight_decay * theta
    zeros = torch.zeros_like(theta)
    exp_avg = beta1 * state.get("exp_avg", zeros) + (1 - beta1) * g
    exp_avg_sq = beta2 * state.get("exp_avg_sq", zeros) + (1 - beta2) * g * g
    step = _next_step(state)
    t = int(step.item())
    m_hat = exp_avg / (1 - beta1**t)
    v_hat = exp_avg_sq / (1 - beta2**t)
    new_state = {"step": step, "exp_avg": exp_avg, "exp_avg_sq": exp_avg_sq}
    return theta - lr * m_hat / (v_hat.sqrt() + eps), new_state


def adam_first_step_size(lr: float, eps: float = 1e-8, grad: float = 1.0) -> float:
    """|Δθ| of Adam's first step on a coordinate with gradient g ≠ 0: m̂ = g and v̂ = g², so the step is
    γ·|g| / (|g| + ε) ≈ γ, whatever the size of the gradient."""
    return lr * abs(grad) / (abs(grad) + eps)


def bias_corrections(betas: tuple[float, float], step: int) -> tuple[float, float]:
    """(1 − β₁ᵗ, 1 − β₂ᵗ): what Adam divides its running averages by at step t (counted from 1)."""
    return 1 - betas[0] ** step, 1 - betas[1] ** step


def _next_step(state: State) -> Tensor:
    previous = state.get("step")
    return torch.tensor(1.0 if previous is None else float(previous) + 1.0, dtype=torch.float32)


# --- one torch.optim call per optimizer name (core.config.OPTIMIZERS) ------------------------------------

_STATE = {
    "momentum": ("momentum_buffer",),
    "nesterov": ("momentum_buffer",),
    "rmsprop": ("square_avg",),
    "adam": ("exp_avg", "exp_avg_sq"),
    "adamw": ("exp_avg", "exp_avg_sq"),
}


def state_names(config: TrainConfig) -> tuple[str, ...]:
    """The tensors `optimizer.state[param]` holds after a step (besides Adam's and RMSprop's `step` count)."""
    if config.optimizer in ("momentum", "nesterov") and config.momentum == 0:
        return ()  # SGD keeps no buffer without momentum
    return _STATE.get(config.optimizer, ())


def torch_arguments(config: TrainConfig) -> tuple[str, dict[str, object]]:
    """The torch.optim class and the keyword arguments that make it this config's optimizer. weight_decay is
    always written out (AdamW's own default is 0.01, the others' 0)."""
    c, kind = config, config.optimizer
    if kind in ("torch_sgd", "manual"):
        return "SGD", {"lr": c.lr, "weight_decay": c.weight_decay}
    if kind == "momentum":
        return "SGD", {"lr": c.lr, "momentum": c.momentum, "weight_decay": c.weight_decay}
    if kind == "nesterov":
        return "SGD", {"lr": c.lr, "momentum": c.momentum, "nesterov": True, "weight_decay": c.weight_decay}
    if kind == "rmsprop":
        return "RMSprop", {"lr": c.lr, "alpha": c.alpha, "eps": c.eps, "weight_decay": c.weight_decay}
    return "AdamW" if kind == "adamw" else "Adam", {
        "lr": c.lr, "betas": tuple(c.betas), "eps": c.eps, "weight_decay": c.weight_decay,
    }  # fmt: skip


def torch_call(config: TrainConfig, params: str = "net.parameters()") -> str:
    """The optimizer's construction as Python: `torch.optim.Adam(net.parameters(), lr=0.001, ...)`."""
    name, kwargs = torch_arguments(config)
    arguments = ", ".join(f"{key}={value!r}" for key, value in kwargs.items())
    return f"torch.optim.{name}({params}, {arguments})"


def torch_optimizer(config: TrainConfig, params) -> torch.optim.Optimizer:
    """The torch.optim object `torch_call` writes, over `params`."""
    name, kwargs = torch_arguments(config)
    return getattr(torch.optim, name)(params, **kwargs)


def hand_step(config: TrainConfig, theta: Tensor, grad: Tensor, state: State) -> tuple[Tensor, State]:
    """This config's update written out by hand (the functions above): θ and the state after one step."""
    c, kind = config, config.optimizer
    if kind in ("torch_sgd", "manual"):
        return sgd(theta, grad, state, lr=c.lr, weight_decay=c.weight_decay)
    if kind in ("momentum", "nesterov"):
        return sgd(
            theta, grad, state, lr=c.lr, momentum=c.momentum, nesterov=kind == "nesterov", weight_decay=c.weight_decay
        )
    if kind == "rmsprop":
        return rmsprop(theta, grad, state, lr=c.lr, alpha=c.alpha, eps=c.eps, weight_decay=c.weight_decay)
    return adam(
        theta, grad, state, lr=c.lr, betas=c.betas, eps=c.eps, weight_decay=c.weight_decay, decoupled=kind == "adamw"
    )
