"""The autograd mistakes learners make, each run for real so the page shows PyTorch's own message.

Every example uses the one-sample model of the seeds: x = 1, w = 2, label 1, L = (w·x - y)², so
dL/dw = 2(w·x - y)·x = 2 at w = 2. `SETUP` creates x and y; each snippet then starts from a fresh w.
Each snippet's runner below does what the snippet says, line for line (the app never executes code
text); tests run `SETUP` and each snippet and fix as shown and compare with the runners.
Comments written `# [[name]]` are placeholders the page fills with a translated comment.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import torch

from core.errors import InputError, check_number

PitfallName = Literal["backward_twice", "non_scalar", "inplace_leaf", "detach", "no_grad"]
PITFALLS: tuple[PitfallName, ...] = ("backward_twice", "non_scalar", "inplace_leaf", "detach", "no_grad")

SETUP = "import torch\n\nx, y = torch.tensor(1.0), torch.tensor(1.0)  # [[sample]]"

W = "w = torch.tensor(2.0, requires_grad=True)\n"
SNIPPETS: dict[str, str] = {
    "backward_twice": W + "loss = (w * x - y) ** 2\nloss.backward()\nloss.backward()",
    "non_scalar": "w = torch.tensor([2.0, 3.0], requires_grad=True)\nout = w * x\nout.backward()",
    "inplace_leaf": W + "w.add_(1.0)",
    "detach": W + "out = (w * x).detach()\nloss = (out - y) ** 2\nloss.backward()",
    "no_grad": W + "with torch.no_grad():\n    out = w * x\nloss = (out - y) ** 2\nloss.backward()",
}

# the working version of each snippet, and what it prints (hand-derived: dL/dw = 2(w·x - y)·x)
FIXES: dict[str, tuple[str, str]] = {
    "backward_twice": (
        "w = torch.tensor(2.0, requires_grad=True)\nloss = (w * x - y) ** 2\n"
        "loss.backward(retain_graph=True)  # [[keep_graph]]\nloss.backward()\nprint(w.grad)",
        "tensor(4.)",
    ),
    "non_scalar": (
        "w = torch.tensor([2.0, 3.0], requires_grad=True)\nout = w * x\nout.sum().backward()  # [[sum]]\nprint(w.grad)",
        "tensor([1., 1.])",
    ),
    "inplace_leaf": (
        "w = torch.tensor(2.0, requires_grad=True)\nwith torch.no_grad():\n    w.add_(1.0)  # [[update]]\nprint(w)",
        "tensor(3., requires_grad=True)",
    ),
    "detach": (
        "w = torch.tensor(2.0, requires_grad=True)\nout = w * x\nloss = (out - y) ** 2\nloss.backward()\nprint(w.grad)",
        "tensor(2.)",
    ),
    "no_grad": (
        "w = torch.tensor(2.0, requires_grad=True)\nout = w * x  # [[outside]]\nloss = (out - y) ** 2\n"
        "loss.backward()\nprint(w.grad)",
        "tensor(2.)",
    ),
}


@dataclass(frozen=True)
class PitfallResult:
    """The snippet that was run and what PyTorch raised: the exception's type name and its message
    (both None if it ran without error)."""

    name: PitfallName
    snippet: str
    error_type: str | None
    error: str | None

    @property
    def message_start(self) -> str:
        """The message's first clause, as a `# raises` comment quotes it."""
        return (self.error or "").split(". ")[0].split(" (")[0].rstrip(".")


def _leaf(value: float | list[float]) -> torch.Tensor:
    return torch.tensor(value, requires_grad=True)


x, y = torch.tensor(1.0), torch.tensor(1.0)  # SETUP's input and label


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


def run_pitfall(name: PitfallName) -> PitfallResult:
    """Make the mistake of `SNIPPETS[name]` and capture the error PyTorch raises."""
    if name not in _RUNNERS:
        raise InputError(
            f"unknown pitfall {name!r}; choose one of {list(_RUNNERS)}", code="autograd_unknown", name=name
        )
    try:
        _RUNNERS[name]()
    except RuntimeError as error:
        return PitfallResult(name, SNIPPETS[name], type(error).__name__, str(error))
    return PitfallResult(name, SNIPPETS[name], None, None)


# -- forgetting zero_grad(): the real loop, with the optimizer's steps between the backward calls --

ACCUMULATION_STEPS = 4


@dataclass(frozen=True)
class GradAccumulation:
    """Per step, with and without `optimizer.zero_grad()` before `backward()`: w when the step began,
    that step's own dL/dw, `w.grad` after `backward()`, and w after `optimizer.step()`."""

    lr: float
    w: tuple[tuple[float, ...], tuple[float, ...]]  # (without, with) zero_grad
    step_grad: tuple[tuple[float, ...], tuple[float, ...]]
    grad: tuple[tuple[float, ...], tuple[float, ...]]
    w_after: tuple[tuple[float, ...], tuple[float, ...]]


def accumulation_snippet(lr: float, *, steps: int = ACCUMULATION_STEPS) -> str:
    """The loop without `zero_grad()` that `grad_accumulation` runs, as the page shows it (after `SETUP`)."""
    return (
        "w = torch.tensor(2.0, requires_grad=True)\n"
        f"optimizer = torch.optim.SGD([w], lr={float(lr)!r})\n"
        f"for step in range({steps}):\n"
        "    # [[forgot]]\n"
        "    loss = (w * x - y) ** 2\n"
        "    loss.backward()  # [[adds]]\n"
        "    print(step, round(w.grad.item(), 4))\n"
        "    optimizer.step()  # [[step]]"
    )


def grad_accumulation(lr: float = 0.1, *, steps: int = ACCUMULATION_STEPS) -> GradAccumulation:
    """`accumulation_snippet(lr)`'s loop (float32, as shown), once as shown and once with `zero_grad()`.

    `backward()` adds into `.grad`, so without `zero_grad()` `w.grad` holds the sum of every step's
    gradient so far and `step()` subtracts lr times that sum. With lr = 0 nothing moves between the
    calls and the sum is 2, 4, 6, …; with lr > 0 each step's own gradient changes with w.
    """
    lr = check_number("lr", lr, low=0, high=1)
    steps = int(check_number("steps", steps, low=1, high=20, integer=True))
    x, y = torch.tensor(1.0), torch.tensor(1.0)
    columns: list[tuple[tuple[float, ...], ...]] = []
    for zero in (False, True):
        w = torch.tensor(2.0, requires_grad=True)
        optimizer = torch.optim.SGD([w], lr=lr)
        rows = []
        for _ in range(steps):
            if zero:
                optimizer.zero_grad()
            before = w.item()
            own = torch.autograd.grad((w * x - y) ** 2, w)[0].item()  # this step's gradient alone
            loss = (w * x - y) ** 2
            loss.backward()
            grad = w.grad.item()
            optimizer.step()
            rows.append((before, own, grad, w.item()))
        columns.append(tuple(zip(*rows, strict=True)))
    without, with_ = columns
    return GradAccumulation(lr, *zip(without, with_, strict=True))
