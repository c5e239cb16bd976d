"""The four loss conventions of linear regression's tutorials, each above its hand-derived gradient.

With residuals r = Xw + b - y over a batch of B samples:

| convention       | PyTorch spelling                              | loss          | d loss / d r |
| ---------------- | --------------------------------------------- | ------------- | ------------ |
| "mean"           | `nn.MSELoss()(y_hat, y)`                      | sum(r²) / B   | 2r / B       |
| "sum"            | `nn.MSELoss(reduction="sum")(y_hat, y)`       | sum(r²)       | 2r           |
| "sum_over_batch" | `nn.MSELoss(reduction="sum")(y_hat, y) / len(y)` (seed 000) | sum(r²) / B | 2r / B |
| "half_mean"      | d2l's `squared_loss(y_hat, y).sum()` then `sgd` divides by B | sum(r²) / 2B | r / B |
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


def max_stable_lr(X: torch.Tensor, *, loss: LossName, batch_size: int) -> float:
    """The learning rate above which full-batch gradient descent on this convention diverges.

    The loss is quadratic in θ = (w, b) with Hessian H = 2k·AᵀA for A = [X, 1]; gradient descent is
    stable while lr < 2 / λ_max(H). A batch of B samples has AᵀA ≈ B·(AᵀA/n), which gives the
    batch-size factor of the "sum" convention (mini-batch noise makes the practical bound a bit lower).
    """
    A = torch.cat([X, torch.ones(len(X), 1, dtype=X.dtype, device=X.device)], dim=1)
    lam = float(torch.linalg.eigvalsh(A.T @ A / len(A))[-1])
    curvature = 2 * loss_scale(loss, batch_size) * batch_size * lam
    return 2.0 / curvature if curvature > 0 else float("inf")
