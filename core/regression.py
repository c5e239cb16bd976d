"""Linear regression y ≈ Xw + b: the data sets of the tutorials, the closed-form optimum, the loss surface.

Training lives in `core/training.py` and the plain-PyTorch export in `core/export.py`; their public
names are importable from here too (`from core.regression import TrainConfig, train, to_pytorch_script`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import torch

from core.config import (
    MAX_FEATURES,
    MAX_LR,
    MAX_ROWS,
    MAX_SAMPLE_VISITS,
    MAX_STEPS,
    TrainConfig,
    check_data,
    steps_per_epoch,
)
from core.device import default_dtype, resolve_device
from core.errors import InputError, check_number, check_shape
from core.export import to_pytorch_script
from core.history import Step, TrainHistory
from core.losses import LossName, loss_scale
from core.stability import StepSizeLimits, step_size_limits
from core.training import train

__all__ = [
    "MAX_FEATURES",
    "MAX_LR",
    "MAX_ROWS",
    "MAX_SAMPLE_VISITS",
    "MAX_STEPS",
    "LossSurface",
    "Standardization",
    "Step",
    "StepSizeLimits",
    "TrainConfig",
    "TrainHistory",
    "loss_surface",
    "normal_equation",
    "path_losses",
    "standardize",
    "step_size_limits",
    "steps_per_epoch",
    "synthetic_data",
    "to_pytorch_script",
    "toy_dataset",
    "train",
]

MAX_NOISE = 100.0


def toy_dataset(device: str | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """Seed 000's six houses: X is 6×2 (two features), y is 6×1."""
    dev = resolve_device(device)
    X = torch.tensor([[1, 2], [4, 2], [8, 1], [0, 1], [3, 8], [1, 3]], dtype=default_dtype(dev), device=dev)
    y = torch.tensor([[1], [6], [2], [7], [1], [3]], dtype=default_dtype(dev), device=dev)
    return X, y


def synthetic_data(
    w: Sequence[float] | torch.Tensor,
    b: float,
    n: int,
    noise: float = 0.01,
    seed: int = 0,
    *,
    device: str | None = None,
) -> tuple[torch.Tensor, torch.Tensor]:
    """d2l's `synthetic_data`: X ~ N(0, 1) of shape n×d, y = Xw + b + N(0, noise²), y is n×1.

    Drawn in float64 on the CPU from `torch.Generator().manual_seed(seed)` (X first, then the noise),
    so every device and the exported script get the same numbers.
    """
    w = torch.as_tensor(w, dtype=torch.float64).reshape(-1)
    check_number("number of features", len(w), low=1, high=MAX_FEATURES, integer=True)
    n = check_number("n", n, low=1, high=MAX_ROWS, integer=True)
    noise = check_number("noise", noise, low=0, high=MAX_NOISE)
    b = check_number("true b", b, low=-1e6, high=1e6)
    for i, value in enumerate(w.tolist()):
        check_number(f"true w[{i}]", value, low=-1e6, high=1e6)
    generator = torch.Generator().manual_seed(check_number("seed", seed, low=0, high=2**63 - 1, integer=True))
    X = torch.normal(0.0, 1.0, size=(n, len(w)), generator=generator, dtype=torch.float64)
    y = X @ w + b + torch.normal(0.0, noise, size=(n,), generator=generator, dtype=torch.float64)
    dev = resolve_device(device)
    return X.to(dev, default_dtype(dev)), y.reshape(-1, 1).to(dev, default_dtype(dev))


def normal_equation(X: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """The least-squares (w, b): θ = argmin ||[X, 1]θ - y||², i.e. (AᵀA)⁻¹Aᵀy when AᵀA is invertible.

    Solved in float64 on the CPU by LAPACK's SVD-based `gelsd` (NumPy's `lstsq`), so a rank-deficient X
    (a repeated or constant column) gets the minimum-norm solution instead of a singular-matrix error.
    """
    check_data(X, y)
    A = torch.cat([X.detach().cpu().double(), torch.ones(len(X), 1, dtype=torch.float64)], dim=1)
    theta = torch.linalg.lstsq(A, y.detach().cpu().double().reshape(-1, 1), driver="gelsd").solution.reshape(-1)
    return theta[:-1].to(X.device, X.dtype), theta[-1].to(X.device, X.dtype)


@dataclass(frozen=True)
class Standardization:
    """What `standardize` did to each feature column: x ↦ (x − mean) / scale."""

    mean: torch.Tensor  # (d,)
    scale: torch.Tensor  # (d,) the population standard deviation (correction=0); 1 for a constant column

    def to_original_units(self, w: torch.Tensor, b: torch.Tensor | float) -> tuple[torch.Tensor, torch.Tensor]:
        """(w, b) of a model trained on standardised features, for the raw ones: the same predictions.

        ŷ = Σ w_j (x_j − mean_j) / scale_j + b = Σ (w_j / scale_j) x_j + (b − Σ w_j mean_j / scale_j).
        """
        w_raw = torch.as_tensor(w, dtype=self.scale.dtype) / self.scale
        return w_raw, torch.as_tensor(b, dtype=self.scale.dtype) - w_raw @ self.mean


def standardize(X: torch.Tensor) -> tuple[torch.Tensor, Standardization]:
    """Each feature column shifted to mean 0 and scaled to standard deviation 1 (scikit-learn's StandardScaler).

    Features on very different scales stretch AᵀA's eigenvalues apart (a large condition number): the
    stable learning rate is set by the steepest direction while the flattest one then barely moves.
    Standardised, the columns of X are centred and of equal length, so AᵀA is far closer to a multiple of
    the identity. A constant column becomes all zeros (scale 1), never divided by 0.
    """
    check_data(X, X[:, 0])
    constant = X.amax(dim=0) == X.amin(dim=0)  # its computed mean and std could be off by rounding
    mean = torch.where(constant, X[0], X.mean(dim=0))
    scale = torch.where(constant, torch.ones_like(mean), X.std(dim=0, correction=0))
    return (X - mean) / scale, Standardization(mean, scale)


@dataclass(frozen=True)
class LossSurface:
    """The full-data loss on a grid over two parameters (the others held at `center`); float64 on the CPU."""

    params: tuple[int, int]  # indices into θ = (w_1 … w_d, b); d means b
    a: torch.Tensor  # (ra,) values of the first parameter
    b: torch.Tensor  # (rb,) values of the second parameter
    loss: torch.Tensor  # (rb, ra): loss[j, i] at (a[i], b[j])
    center: torch.Tensor  # (d + 1,) the θ the other parameters are held at


def loss_surface(
    X: torch.Tensor,
    y: torch.Tensor,
    *,
    params: tuple[int, int] = (0, 1),
    center: torch.Tensor | Sequence[float],
    a_range: tuple[float, float],
    b_range: tuple[float, float],
    resolution: int = 60,
    loss: LossName = "mean",
) -> LossSurface:
    """The loss of the whole data set under convention `loss`, on a resolution² grid.

    The loss is quadratic in θ, so it is evaluated from AᵀA, Aᵀy and yᵀy (A = [X, 1]) without
    touching the n samples once per grid point: L(θ) = k·(θᵀAᵀAθ - 2θᵀAᵀy + yᵀy).
    """
    check_data(X, y)
    d = X.shape[1]
    i, j = params
    if not (0 <= i <= d and 0 <= j <= d and i != j):
        raise InputError(
            f"params must be two different indices in 0…{d}, got {params}", code="surface_params", value=params, high=d
        )
    resolution = check_number("resolution", resolution, low=2, high=400, integer=True)
    gram, moment, energy = _moments(X, y)
    a = torch.linspace(*a_range, resolution, dtype=torch.float64)
    b = torch.linspace(*b_range, resolution, dtype=torch.float64)
    c = torch.as_tensor(center, dtype=torch.float64).detach().cpu().reshape(-1)
    check_shape("center", c, (d + 1,))
    theta = c.reshape(1, 1, -1).repeat(resolution, resolution, 1)
    theta[:, :, i] = a.reshape(1, -1)
    theta[:, :, j] = b.reshape(-1, 1)
    quadratic = torch.einsum("rci,ij,rcj->rc", theta, gram, theta)
    values = loss_scale(loss, len(X)) * (quadratic - 2 * theta @ moment + energy)
    return LossSurface(params=(i, j), a=a, b=b, loss=values.clamp_min(0), center=c)


def _moments(X: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """AᵀA, Aᵀy and yᵀy (A = [X, 1]) in float64 on the CPU: all a quadratic loss needs of the data."""
    A = torch.cat([X.detach().cpu().double(), torch.ones(len(X), 1, dtype=torch.float64)], dim=1)
    t = y.detach().cpu().double().reshape(-1)
    return A.T @ A, A.T @ t, t @ t


def path_losses(X: torch.Tensor, y: torch.Tensor, thetas: torch.Tensor, loss: LossName = "mean") -> torch.Tensor:
    """The full-data loss at each θ = (w, b) of a path, (S, d + 1) -> (S,), float64 on the CPU, computed
    as `loss_surface` does: k·(θᵀAᵀAθ − 2θᵀAᵀy + yᵀy), never touching the n samples once per θ."""
    check_data(X, y)
    gram, moment, energy = _moments(X, y)
    theta = torch.as_tensor(thetas, dtype=torch.float64).detach().cpu()
    check_shape("thetas", theta, (theta.shape[0], X.shape[1] + 1))
    quadratic = torch.einsum("si,ij,sj->s", theta, gram, theta)
    return (loss_scale(loss, len(X)) * (quadratic - 2 * theta @ moment + energy)).clamp_min(0)
