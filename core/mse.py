"""What `nn.MSELoss` computes for each `reduction`, and what lands in `.grad`.

>>> X = torch.tensor([[3.0, 1.0], [4.0, 2.0], [5.0, 3.0]])
>>> Y = torch.tensor([[2.0, 2.0], [1.0, 4.0], [6.0, 2.0]])
>>> round(mse(X, Y, reduction="sum").loss.item(), 4)
17.0
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Literal

import numpy as np
import torch
import torch.nn.functional as F

from core.device import default_dtype, resolve_device
from core.errors import InputError, check_finite, check_shape

Reduction = Literal["none", "mean", "sum"]
REDUCTIONS: tuple[Reduction, ...] = ("none", "mean", "sum")


def legacy_reduction(size_average: bool | None = None, reduce: bool | None = None) -> Reduction:
    """The `reduction` PyTorch uses for the deprecated flags: reduce=False wins, then size_average=False."""
    if reduce is False:
        return "none"
    if size_average is False:
        return "sum"
    return "mean"


@dataclass(frozen=True)
class LegacyCall:
    """What `nn.MSELoss(size_average=..., reduce=..., reduction=...)` really does, read off a real module."""

    reduction: Reduction  # the module's `.reduction`: set by the flags whenever either is given
    warning: str | None  # PyTorch's UserWarning text (None when it emits none)


def legacy_call(
    size_average: bool | None = None, reduce: bool | None = None, reduction: Reduction = "mean"
) -> LegacyCall:
    """Build `nn.MSELoss(size_average, reduce, reduction)` and report its reduction and warning.

    `_Loss.__init__` hands the flags to `torch.nn._reduction.legacy_get_string` whenever either is
    not None, so they override `reduction=`, and that function warns every time.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        module = torch.nn.MSELoss(size_average=size_average, reduce=reduce, reduction=reduction)
    return LegacyCall(module.reduction, str(caught[0].message) if caught else None)


def _as_tensor(name: str, value: object, device: torch.device) -> torch.Tensor:
    try:
        tensor = torch.as_tensor(value, dtype=default_dtype(device), device=device)
    except (TypeError, ValueError, RuntimeError) as error:
        raise InputError(f"{name} is not a numeric array: {error}", code="not_number", name=name, value=value) from None
    check_finite(name, tensor)
    return tensor


def _pair(pred: object, target: object, device: str | torch.device | None) -> tuple[torch.Tensor, torch.Tensor]:
    dev = device if isinstance(device, torch.device) else resolve_device(device)
    x = _as_tensor("X", pred, dev)
    y = _as_tensor("Y", target, dev)
    check_shape("Y", y, x.shape)
    if x.numel() == 0:
        raise InputError(
            "X is empty; MSE needs at least one element",
            code="shape",
            name="X",
            shape=tuple(x.shape),
            expected="(n, d), n, d ≥ 1",
        )
    return x, y


@dataclass(frozen=True)
class MSEReport:
    """One `F.mse_loss(X, Y, reduction=...)` call opened up: forward values and both gradients."""

    reduction: Reduction
    diff: torch.Tensor  # X - Y
    squared_error: torch.Tensor  # (X - Y)**2, the 'none' loss
    loss: torch.Tensor  # 0-d for 'mean'/'sum', X.shape for 'none'
    grad: torch.Tensor  # d loss / d X from autograd ('none': d loss.sum() / d X, the VJP with ones)
    grad_closed_form: torch.Tensor
    grad_note: str | None  # why 'none' needs a `gradient=` argument
    backward_error: str | None  # PyTorch's own message for `loss.backward()` on a non-scalar loss

    def __repr__(self) -> str:
        return f"MSEReport(reduction={self.reduction!r}, shape={tuple(self.diff.shape)}, loss={self.loss.tolist()})"


def mse(pred: object, target: object, *, reduction: Reduction = "mean", device: str | None = None) -> MSEReport:
    """`torch.nn.MSELoss(reduction=reduction)(pred, target)` in float64, with `pred.grad` from autograd."""
    if reduction not in REDUCTIONS:
        raise InputError(
            f"reduction must be one of {REDUCTIONS}, got {reduction!r}",
            code="mse_choice",
            name="reduction",
            value=reduction,
            allowed=REDUCTIONS,
        )
    x, y = _pair(pred, target, device)
    x.requires_grad_(True)
    loss = F.mse_loss(x, y, reduction=reduction)
    backward_error = grad_note = None
    if reduction == "none":
        try:
            loss.backward(retain_graph=True)
        except RuntimeError as error:
            backward_error = str(error)
        x.grad = None  # a one-element loss counts as a scalar and that backward() went through: start over
        grad_note = "loss is not a scalar: .grad holds d loss.sum() / d X, the vector-Jacobian product with ones"
        loss.backward(gradient=torch.ones_like(loss))
    else:
        loss.backward()
    return MSEReport(
        reduction=reduction,
        diff=(x - y).detach(),
        squared_error=((x - y) ** 2).detach(),
        loss=loss.detach(),
        grad=x.grad.detach(),
        grad_closed_form=mse_grad(x.detach(), y, reduction=reduction),
        grad_note=grad_note,
        backward_error=backward_error,
    )


def mse_grad(pred: torch.Tensor, target: torch.Tensor, *, reduction: Reduction = "mean") -> torch.Tensor:
    """The hand-derived gradient: 2(X - Y)/(n·d) for 'mean'; 2(X - Y) for 'sum', and for 'none' that of loss.sum()."""
    scale = 2.0 / pred.numel() if reduction == "mean" else 2.0
    return scale * (pred - target)


def mse_numpy(y_true: np.ndarray, y_pred: np.ndarray, axis: int | None = None) -> np.ndarray:
    """The by-hand NumPy version of seed 002: mean of squared differences (axis=0: one per column)."""
    diff = np.asarray(y_true, dtype=np.float64) - np.asarray(y_pred, dtype=np.float64)
    return np.mean(np.square(diff), axis=axis)


def squared_l2_norm(pred: object, target: object) -> torch.Tensor:
    """`torch.norm(pred - target, 2) ** 2`, which equals `MSELoss(reduction='sum')`.

    For a matrix, `torch.norm(A, 2)` is the 2-norm of its entries flattened into one vector, which is
    the Frobenius norm (`torch.linalg.matrix_norm(A, 'fro')`), not the spectral norm.
    """
    return l2_norm(pred, target) ** 2


def l2_norm(pred: object, target: object) -> torch.Tensor:
    """`torch.norm(pred - target, 2)`: the Frobenius norm of X - Y, the square root of the 'sum' loss."""
    return torch.norm(_float64(pred) - _float64(target), 2)


def spectral_norm(pred: object, target: object) -> torch.Tensor:
    """`torch.linalg.matrix_norm(pred - target, ord=2)`: the largest singular value of X - Y.

    Its square is at most the 'sum' loss (the sum of all squared singular values), equal to it
    exactly when X - Y has at most one non-zero singular value (rank ≤ 1, e.g. a single column).
    """
    return torch.linalg.matrix_norm(_float64(pred) - _float64(target), ord=2)


def _float64(value: object) -> torch.Tensor:
    return value if isinstance(value, torch.Tensor) else torch.tensor(value, dtype=torch.float64)


@dataclass(frozen=True)
class BackwardDemo:
    """The autograd tab's sequence, step by step, on one graph of a scalar loss.

    `torch.autograd.grad` returns a tuple and leaves `.grad` alone; `backward(retain_graph=True)`
    fills `.grad` and keeps the graph, so a second `backward()` on it adds a second copy; after that
    the graph is freed and a third `backward()` raises; zeroing `.grad` and a fresh forward pass
    (a new graph) give one gradient again, as every training step does.
    """

    autograd_grad: tuple[torch.Tensor, ...]
    grad_attr_after_autograd_grad: torch.Tensor | None
    grad_after_one_backward: torch.Tensor
    grad_after_two_backwards: torch.Tensor
    freed_graph_error: str  # PyTorch's message for a backward() through a graph that was freed
    grad_after_zero_and_fresh_forward: torch.Tensor


def backward_demo(
    pred: object, target: object, *, reduction: Literal["mean", "sum"] = "mean", device: str | None = None
) -> BackwardDemo:
    """Both ways of getting d loss / d X, and what calling `backward()` twice without zeroing does."""
    x, y = _pair(pred, target, device)
    x.requires_grad_(True)
    loss = F.mse_loss(x, y, reduction=reduction)
    grads = torch.autograd.grad(loss, [x], retain_graph=True)
    untouched = None if x.grad is None else x.grad.clone()
    loss.backward(retain_graph=True)
    once = x.grad.clone()
    loss.backward()
    twice = x.grad.clone()
    try:
        loss.backward()
    except RuntimeError as error:
        freed = str(error)
    else:  # pragma: no cover - PyTorch frees MSE's saved tensors after a backward() without retain_graph
        raise AssertionError("backward() through a freed graph did not raise")
    x.grad.zero_()
    F.mse_loss(x, y, reduction=reduction).backward()
    return BackwardDemo(tuple(g.detach() for g in grads), untouched, once, twice, freed, x.grad.clone())


def pytorch_call(reduction: Reduction = "mean") -> str:
    """The one line of PyTorch that computes this loss of predictions X against targets Y."""
    return f"loss = torch.nn.MSELoss(reduction={reduction!r})(X, Y)"


def to_pytorch_script(pred: list[list[float]], target: list[list[float]], *, reduction: Reduction = "mean") -> str:
    """A plain-PyTorch script (no import of this project) that prints the same loss and X.grad."""
    backward = "loss.backward(gradient=torch.ones_like(loss))" if reduction == "none" else "loss.backward()"
    return "\n".join(
        [
            "import torch",
            "",
            "torch.set_printoptions(precision=6)",
            f"X = torch.tensor({pred!r}, dtype=torch.float64, requires_grad=True)",
            f"Y = torch.tensor({target!r}, dtype=torch.float64)",
            f"loss_fn = torch.nn.MSELoss(reduction={reduction!r})",
            "loss = loss_fn(X, Y)",
            backward,
            'print("loss =", loss.detach())',
            'print("X.grad =", X.grad)',
        ]
    )


Preset = Literal["seed000", "seed002", "random", "toy_regression"]
PRESETS: tuple[Preset, ...] = ("seed000", "seed002", "random", "toy_regression")
PRESET_ALIASES: dict[str, Preset] = {"residuals": "toy_regression"}  # old links keep working


def preset_pair(name: Preset, *, seed: int = 0) -> tuple[list[list[float]], list[list[float]]]:
    """(prediction X, target Y) of a worked example.

    seed000: the 3x2 example of seed 000; seed002: the one-hot example of seed 002 (target I3);
    random: 4x3 whole numbers in [-4, 4] drawn from `torch.Generator().manual_seed(seed)`;
    toy_regression: seed 000's toy regression, the predictions Xw + b of w = [1, 2], b = 0 (X) against
    its 6 labels (Y), one column (d = 1).
    """
    if name == "seed000":
        return [[3.0, 1.0], [4.0, 2.0], [5.0, 3.0]], [[2.0, 2.0], [1.0, 4.0], [6.0, 2.0]]
    if name == "seed002":
        return [[1.0, 2.0, 3.0], [2.0, 1.0, 3.0], [3.0, 1.0, 2.0]], torch.eye(3, dtype=torch.float64).tolist()
    if name == "random":
        generator = torch.Generator().manual_seed(seed)
        x, y = torch.randint(-4, 5, (2, 4, 3), generator=generator, dtype=torch.float64)
        return x.tolist(), y.tolist()
    if name == "toy_regression":
        features = torch.tensor([[1, 2], [4, 2], [8, 1], [0, 1], [3, 8], [1, 3]], dtype=torch.float64)
        labels = torch.tensor([[1], [6], [2], [7], [1], [3]], dtype=torch.float64)
        return (features @ torch.tensor([[1.0], [2.0]], dtype=torch.float64)).tolist(), labels.tolist()
    raise InputError(
        f"preset must be one of {PRESETS}, got {name!r}", code="mse_choice", name="preset", value=name, allowed=PRESETS
    )
