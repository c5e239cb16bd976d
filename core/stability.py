"""The largest learning rate a run survives: full-batch gradient descent's bound against this run's batches.

Every loss convention makes a batch I's loss a quadratic, ℓ_I(θ) = k·‖A_Iθ − y_I‖² with A = [X, 1] and
k from `loss_scale` (1/B for 'mean' and 'sum_over_batch', 1/2B for 'half_mean', 1 for 'sum'), so its
Hessian is H_I = 2k·A_IᵀA_I. With θ* the least-squares optimum and e = θ − θ*, one SGD step is

    e ← (I − ηH_I)·e − η·∇ℓ_I(θ*).

While η ≤ 2/λ_max(H_I), every eigenvalue of I − ηH_I lies in [−1, 1], the step cannot stretch e, and
‖e‖ grows at most by η‖∇ℓ_I(θ*)‖ (linearly, never geometrically). Above it, the error along H_I's
steepest direction is multiplied by |1 − ηλ_max| > 1. So η ≤ 2 / max_I λ_max(H_I) over the batches a
run uses guarantees that the run cannot blow up, and full-batch GD (one batch, every step) diverges
from almost every start as soon as η > 2/λ_max(H).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import torch

from core.config import TrainConfig, check_config_for, check_data, steps_per_epoch
from core.losses import loss_scale
from core.training import epoch_orders

_CHUNK_ROWS = 1 << 18  # rows gathered at a time (42 MB at 20 features)


@dataclass(frozen=True)
class StepSizeLimits:
    """Curvatures (largest Hessian eigenvalues) of the full-data loss and of each batch a run takes, in float64.

    Each batch's λ_max is computed exactly, all batches at once: the (d+1)×(d+1) Gram matrices A_IᵀA_I by
    one batched matrix product (B×B ones A_IA_Iᵀ when B ≤ d, which share the nonzero eigenvalues), then one
    batched `eigvalsh`: about epochs·n·(d+1)·min(B, d+1) multiply-adds and one small eigenvalue problem per
    step. Bounds that need no eigenvalues, such as the sum of the B largest per-sample curvatures 2k·‖x̃ᵢ‖²,
    hold too but overstate the curvature up to (d+1)-fold, which would flag learning rates that train well.
    """

    full: float  # λ_max of the full-data loss's Hessian: the curvature full-batch GD steps on
    batch_curvature: torch.Tensor  # (steps,) λ_max(H_I) of each step's batch, in step order
    gram_eigenvalues: torch.Tensor  # (d + 1,) eigenvalues of AᵀA, ascending (for the condition number)

    @property
    def full_batch_lr(self) -> float:
        """Full-batch GD on all n samples is stable below this learning rate: 2 / λ_max(H)."""
        return 2.0 / self.full

    @property
    def largest(self) -> float:
        """The largest curvature of this run's batches: max_I λ_max(H_I)."""
        return float(self.batch_curvature.max())

    @property
    def run_lr(self) -> float:
        """No step of this run can stretch the error at or below this learning rate: 2 / max_I λ_max(H_I)."""
        return 2.0 / self.largest

    @property
    def suggested_lr(self) -> float:
        """1 / max_I λ_max(H_I) rounded down to two significant digits: half the run's bound at most.

        η = 1/λ sends the steepest batch's steepest direction straight to that batch's optimum (1 − ηλ = 0).
        """
        return round_down(1.0 / self.largest)

    @property
    def worst_step(self) -> int:
        """The first step whose batch has the largest curvature (0-based)."""
        return int(torch.argmax(self.batch_curvature))

    @property
    def condition_number(self) -> float:
        """λ_max / λ_min of AᵀA (and of every convention's full-data Hessian); see `condition_number`."""
        return condition_number(self.gram_eigenvalues)

    def first_unstable_step(self, lr: float) -> int | None:
        """The first step (0-based) at which η·λ_max(H_I) > 2, i.e. that step stretches the error; None if none."""
        over = torch.nonzero(lr * self.batch_curvature > 2)
        return int(over[0, 0]) if len(over) else None

    def __repr__(self) -> str:
        steps = len(self.batch_curvature)
        return f"StepSizeLimits(full_batch_lr={self.full_batch_lr:.4g}, run_lr={self.run_lr:.4g}, steps={steps})"


def gram_eigenvalues(X: torch.Tensor) -> torch.Tensor:
    """The eigenvalues of AᵀA for A = [X, 1], ascending, in float64 on the CPU."""
    A = torch.cat([X.detach().cpu().double(), torch.ones(len(X), 1, dtype=torch.float64)], dim=1)
    return torch.linalg.eigvalsh(A.T @ A)


def condition_number(eigenvalues: torch.Tensor) -> float:
    """λ_max / λ_min: how much flatter the flattest direction is than the steepest; inf when AᵀA is singular
    (to rounding: λ_min below 1e-13·λ_max)."""
    low, high = float(eigenvalues[0]), float(eigenvalues[-1])
    return high / low if low > high * 1e-13 else math.inf


def round_down(value: float, digits: int = 2) -> float:
    """`value` rounded down to `digits` significant digits (0.01218 → 0.012), so it stays below `value`."""
    exponent = math.floor(math.log10(value)) - digits + 1
    return round(math.floor(value / 10.0**exponent) * 10.0**exponent, max(0, -exponent))


def step_size_limits(X: torch.Tensor, config: TrainConfig, *, orders: torch.Tensor | None = None) -> StepSizeLimits:
    """The curvatures behind the full-batch bound and this run's bound (see the module docstring).

    The batches are the ones `train(X, y, config)` takes, from the same `epoch_orders` (pass the run's
    `orders` to skip drawing them again); only the convention, the batch size, shuffling, the seed, the
    first epoch's order and the epochs matter, not lr, y or the initial parameters.
    """
    check_data(X, X[:, 0])
    n, d = X.shape
    check_config_for(config, n, d)
    A = torch.cat([X.detach().cpu().double(), torch.ones(n, 1, dtype=torch.float64)], dim=1)
    eigenvalues = gram_eigenvalues(X)
    size, spe = config.batch_size, steps_per_epoch(n, config.batch_size)
    scale = torch.full((spe,), 2 * loss_scale(config.loss, size), dtype=torch.float64)
    scale[-1] = 2 * loss_scale(config.loss, n - (spe - 1) * size)  # the last batch may be shorter
    # epochs whose batches differ: one at full batch, at most two without shuffling (a fixed first order)
    if size == n:
        distinct = 1
    elif config.shuffle:
        distinct = config.epochs
    else:
        distinct = min(config.epochs, 1 if config.batch_order is None else 2)
    if orders is None:
        orders = epoch_orders(n, dataclasses.replace(config, epochs=distinct))
    per_epoch = torch.stack([_batch_gram_max(A, orders[e].long(), size) for e in range(distinct)]) * scale
    curvature = per_epoch[torch.arange(config.epochs).clamp_max(distinct - 1)].reshape(-1)
    return StepSizeLimits(2 * loss_scale(config.loss, n) * float(eigenvalues[-1]), curvature, eigenvalues)


def _batch_gram_max(A: torch.Tensor, order: torch.Tensor, size: int) -> torch.Tensor:
    """λ_max(A_IᵀA_I) of each batch I of one epoch (its order cut into runs of `size`), vectorised."""
    n = len(order)
    whole = n // size
    batches = order[: whole * size].reshape(whole, size)
    chunk = max(1, _CHUNK_ROWS // size)
    values = [_gram_max(A[batches[s : s + chunk]]) for s in range(0, whole, chunk)]
    if n % size:
        values.append(_gram_max(A[order[whole * size :]].unsqueeze(0)))
    return torch.cat(values)


def _gram_max(batches: torch.Tensor) -> torch.Tensor:
    """(k, B, m) -> (k,): λ_max(A_bᵀA_b); AᵀA and AAᵀ share their nonzero eigenvalues, so the smaller is used."""
    gram = batches @ batches.mT if batches.shape[1] < batches.shape[2] else batches.mT @ batches
    if gram.shape[-1] == 1:
        return gram[:, 0, 0]
    return torch.linalg.eigvalsh(gram)[:, -1]
