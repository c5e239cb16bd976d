"""One sample through softmax regression, written out: z = Wx + b, p = softmax(z), the cross-entropy (with label
smoothing), ∂loss/∂z = p − q, ∂loss/∂W = (p − q) xᵀ; and why squared error on one-hot targets learns slowly.

Each closed form sits under its forward rule and is checked against autograd on the same numbers.

>>> g = sample_gradients(torch.zeros(2, 1), torch.zeros(2), torch.tensor([3.0]), 1)
>>> g.p.tolist(), g.grad_z.tolist(), g.grad_W.tolist()
([0.5, 0.5], [0.5, -0.5], [[1.5], [-1.5]])
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F


def smoothed_target(label: int, classes: int, label_smoothing: float) -> torch.Tensor:
    """q = (1 − ε)·onehot(label) + ε/K: the target `nn.CrossEntropyLoss(label_smoothing=ε)` compares p with."""
    q = torch.full((classes,), label_smoothing / classes, dtype=torch.float64)
    q[label] += 1 - label_smoothing
    return q


@dataclass(frozen=True)
class SampleGradients:
    """One sample's forward and backward pass, in float64; `scale` is 1/B for reduction 'mean' (this sample's
    share of a batch of B), 1 for 'sum'. The `*_autograd` fields are `backward()`'s values for the same loss."""

    x: torch.Tensor  # (d,)
    label: int
    z: torch.Tensor  # (K,) logits Wx + b
    p: torch.Tensor  # (K,) softmax(z)
    q: torch.Tensor  # (K,) the (smoothed) target
    loss: torch.Tensor  # () −Σ q log p, this sample's loss before the 1/B
    scale: float
    grad_z: torch.Tensor  # (K,) scale·(p − q)
    grad_W: torch.Tensor  # (K, d) grad_z xᵀ
    grad_b: torch.Tensor  # (K,) grad_z
    grad_z_autograd: torch.Tensor
    grad_W_autograd: torch.Tensor
    grad_b_autograd: torch.Tensor

    def __repr__(self) -> str:
        return f"SampleGradients(label={self.label}, loss={float(self.loss):.4f}, grad_z={self.grad_z.tolist()})"


def sample_gradients(
    W: torch.Tensor,
    b: torch.Tensor,
    x: torch.Tensor,
    label: int,
    *,
    reduction: str = "mean",
    label_smoothing: float = 0.0,
    batch_size: int = 1,
) -> SampleGradients:
    """The chain rule for one sample of a batch of `batch_size`, under
    `nn.CrossEntropyLoss(reduction, label_smoothing)`."""
    W, b, x = (t.detach().to(torch.float64) for t in (W, b, x))
    k = W.shape[0]
    scale = 1.0 / batch_size if reduction == "mean" else 1.0
    z = W @ x + b
    p = torch.softmax(z, dim=0)
    q = smoothed_target(label, k, label_smoothing)
    loss = -(q * torch.log_softmax(z, dim=0)).sum()
    grad_z = scale * (p - q)  # Σ q = 1, so ∂/∂z of −Σ q log softmax(z) is p − q
    W_, b_ = W.clone().requires_grad_(True), b.clone().requires_grad_(True)
    z_ = F.linear(x.unsqueeze(0), W_, b_)
    z_.retain_grad()
    target = torch.tensor([label])
    (scale * F.cross_entropy(z_, target, reduction="sum", label_smoothing=label_smoothing)).backward()
    return SampleGradients(
        x=x, label=label, z=z, p=p, q=q, loss=loss, scale=scale,
        grad_z=grad_z, grad_W=torch.outer(grad_z, x), grad_b=grad_z,
        grad_z_autograd=z_.grad[0], grad_W_autograd=W_.grad, grad_b_autograd=b_.grad,
    )  # fmt: skip


def mse_onehot(z: torch.Tensor, label: int) -> tuple[torch.Tensor, torch.Tensor]:
    """(loss, ∂loss/∂z) of `nn.MSELoss()(softmax(z), onehot)`: with g = 2(p − y)/K, the softmax Jacobian gives
    ∂loss/∂z = (diag(p) − p pᵀ) g, which vanishes as p_y → 0: a confidently wrong prediction barely learns."""
    z = z.detach().to(torch.float64)
    p = torch.softmax(z, dim=0)
    y = smoothed_target(label, len(z), 0.0)
    g = 2 * (p - y) / len(z)
    return ((p - y) ** 2).mean(), (torch.diag(p) - torch.outer(p, p)) @ g


def confidence_sweep(classes: int, label: int, wrong: int, margins: torch.Tensor) -> dict[str, torch.Tensor]:
    """For logits z = m·(e_wrong − e_label) (the model sure of the wrong class by a margin m): p_label, and
    ‖∂loss/∂z‖ of cross-entropy and of MSE on the one-hot target, for each m in `margins`."""
    margins = margins.to(torch.float64)
    p_label, ce, mse = [], [], []
    for m in margins:
        z = torch.zeros(classes, dtype=torch.float64)
        z[wrong], z[label] = m, -m
        p = torch.softmax(z, dim=0)
        p_label.append(p[label])
        ce.append(torch.linalg.vector_norm(p - smoothed_target(label, classes, 0.0)))
        mse.append(torch.linalg.vector_norm(mse_onehot(z, label)[1]))
    return {"margin": margins, "p_label": torch.stack(p_label), "ce": torch.stack(ce), "mse": torch.stack(mse)}
