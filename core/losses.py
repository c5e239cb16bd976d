"""The four loss conventions of linear regression's tutorials, each above its hand-derived gradient.

With residuals r = Xw + b - y over a batch of B samples:

| convention       | PyTorch spelling                              | loss          | d loss / d r |
| ---------------- | --------------------------------------------- | ------------- | ------------ |
| "mean"           | `nn.MSELoss()(y_hat, y)`                      | sum(r²) / B   | 2r / B       |
| "sum"            | `nn.MSELoss(reduction="sum")(y_hat, y)`       | sum(r²)       | 2r           |
| "sum_over_batch" | `nn.MSELoss(reduction="sum")(y_hat, y) / len(y)` (seed 000) | sum(r²) / B | 2r / B |
| "half_mean"      | d2l's `squared_loss(y_hat, y).sum()` then `sgd` divides by B | sum(r²) / 2B | r / B |

B is the batch's own length, `len(y)`: a shorter last batch divides by its own size. 'mean' and
'sum_over_batch' are the same function, up to rounding (`MSELoss()` divides the sum by the number of elements, which is
len(y) for y of shape (B, 1)). d2l puts its 1/B in the update, not the loss: `l.sum().backward()` leaves
`param.grad` = sum(r·x̃) (B times the gradient recorded here) and `sgd` subtracts
`lr * param.grad / batch_size`, the same step (d2l divides by `batch_size` even for a shorter last batch).
"""

from __future__ import annotations

from typing import Literal

import torch
import torch.nn.functional as F

LossName = Literal["mean", "sum", "sum_over_batch", "half_mean"]
LOSSES: tuple[LossName, ...] = ("mean", "sum", "sum_over_batch", "half_mean")


def batch_loss(pred: torch.Tensor, target: torch.Tensor, loss: LossName) -> torch.Tensor:
    """The batch loss as the PyTorch code of each convention computes it (autograd flows through it)."""
    if loss == "mean":
        return F.mse_loss(pred, target)
    if loss == "sum":
        return F.mse_loss(pred, target, reduction="sum")
    if loss == "sum_over_batch":
        return F.mse_loss(pred, target, reduction="sum") / len(target)
    return ((pred - target) ** 2 / 2).sum() / len(target)


def residual_scale(loss: LossName, batch_size: int) -> float:
    """The factor c in d loss / d r = c·r, so that grad_w = c·Xᵀr and grad_b = c·sum(r)."""
    if loss == "sum":
        return 2.0
    if loss == "half_mean":
        return 1.0 / batch_size
    return 2.0 / batch_size


def loss_scale(loss: LossName, batch_size: int) -> float:
    """The factor k in loss = k·sum(r²)."""
    if loss == "sum":
        return 1.0
    if loss == "half_mean":
        return 0.5 / batch_size
    return 1.0 / batch_size
