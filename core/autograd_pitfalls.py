"""The autograd mistakes learners make, each run for real so the page shows PyTorch's own message.

Every example uses the one-sample model of the seeds: x = 1, w = 2, label 1, L = (w·x - y)², so
dL/dw = 2(w·x - y)·x = 2. Each `SNIPPETS` entry is the code its function runs, line for line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import torch

from core.errors import InputError, check_number

PitfallName = Literal["backward_twice", "non_scalar", "inplace_leaf", "detach", "no_grad"]
PITFALLS: tuple[PitfallName, ...] = ("backward_twice", "non_scalar", "inplace_leaf", "detach", "no_grad")

SNIPPETS: dict[str, str] = {
    "no_zero_grad": (
        "for step in range(steps):\n"
        "    # optimizer.zero_grad() forgotten\n"
        "    loss = (w * x - y) ** 2\n"
        "    loss.backward()   # w.grad += dL/dw"
    ),
    "backward_twice": "loss = (w * x - y) ** 2\nloss.backward()\nloss.backward()",
    "non_scalar": "w = torch.tensor([2.0, 3.0], requires_grad=True)\nout = w * x\nout.backward()",
    "inplace_leaf": "w = torch.tensor(2.0, requires_grad=True)\nw.add_(1.0)",
    "detach": "out = (w * x).detach()\nloss = (out - y) ** 2\nloss.backward()",
    "no_grad": "with torch.no_grad():\n    out = w * x\nloss = (out - y) ** 2\nloss.backward()",
}


def _leaf(value: float | list[float]) -> torch.Tensor:
    return torch.tensor(value, dtype=torch.float64, requires_grad=True)


x, y = torch.tensor(1.0, dtype=torch.float64), torch.tensor(1.0, dtype=torch.float64)  # input and label


@dataclass(frozen=True)
class GradAccumulation:
    """`w.grad` after each step, without and with `zero_grad()` before `backward()`."""

    without_zero_grad: tuple[float, ...]
    with_zero_grad: tuple[float, ...]


def grad_accumulation(steps: int = 3) -> GradAccumulation:
    """`backward()` adds into `.grad`; only zeroing it between steps keeps one step's gradient."""
    steps = int(check_number("steps", steps, low=1, high=20, integer=True))
    traces = []
    for zero in (False, True):
        w = _leaf(2.0)
        optimizer = torch.optim.SGD([w], lr=0.0)  # lr 0: only the gradients are of interest here
        seen = []
        for _ in range(steps):
            if zero:
                optimizer.zero_grad()
            loss = (w * x - y) ** 2
            loss.backward()
            seen.append(w.grad.item())
        traces.append(tuple(seen))
    return GradAccumulation(*traces)


def _backward_twice() -> None:
    w = _leaf(2.0)
    loss = (w * x - y) ** 2
    loss.backward()
    loss.backward()  # the saved tensors of PowBackward0 were freed by the first call


def _non_scalar() -> None:
    w = _leaf([2.0, 3.0])
    out = w * x
    out.backward()  # which weighted sum of the two outputs? backward needs a scalar or a `gradient=`


def _inplace_leaf() -> None:
    w = _leaf(2.0)
    w.add_(1.0)  # would change a leaf autograd must differentiate with respect to


def _detach() -> None:
    w = _leaf(2.0)
    out = (w * x).detach()
    loss = (out - y) ** 2
    loss.backward()


def _no_grad() -> None:
    w = _leaf(2.0)
    with torch.no_grad():
        out = w * x
    loss = (out - y) ** 2
    loss.backward()


_RUNNERS: dict[str, Callable[[], None]] = {
    "backward_twice": _backward_twice,
    "non_scalar": _non_scalar,
    "inplace_leaf": _inplace_leaf,
    "detach": _detach,
    "no_grad": _no_grad,
}


@dataclass(frozen=True)
class PitfallResult:
    """The snippet that was run and the message PyTorch raised (None if it ran without error)."""

    name: PitfallName
    snippet: str
    error: str | None


def run_pitfall(name: PitfallName) -> PitfallResult:
    """Run the snippet `SNIPPETS[name]` and capture PyTorch's `RuntimeError` text."""
    if name not in _RUNNERS:
        raise InputError(
            f"unknown pitfall {name!r}; choose one of {list(_RUNNERS)}", code="autograd_unknown", name=name
        )
    try:
        _RUNNERS[name]()
    except RuntimeError as error:
        return PitfallResult(name, SNIPPETS[name], str(error))
    return PitfallResult(name, SNIPPETS[name], None)
