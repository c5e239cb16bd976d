"""Softmax, its Jacobian, and cross-entropy, each hand-written next to what PyTorch computes.

All functions take a 1-D vector of logits a (a tensor or a list of numbers) and a temperature T > 0;
softmax is applied to z = a / T. Results are float64 tensors (float32 on MPS).
"""

from __future__ import annotations

import math
import re
import textwrap
from dataclasses import dataclass
from typing import Literal

import torch
import torch.nn.functional as F

from core.device import default_dtype, resolve_device
from core.errors import InputError, check_finite, check_number

MIN_CLASSES = 2
MAX_CLASSES = 10
_SEPARATORS = re.compile(r"[,\s;，；]+")


def parse_logits(text: str, *, name: str = "logits") -> list[float]:
    """The numbers in "0.2306, 0.6693, 0.6334" (commas, spaces or semicolons), 2 to 10 finite values.

    >>> parse_logits("2, 1 0.1")
    [2.0, 1.0, 0.1]
    """
    tokens = [token for token in _SEPARATORS.split(text.strip()) if token]
    if not tokens:
        raise InputError(f"{name} is empty; type {MIN_CLASSES} to {MAX_CLASSES} numbers", code="empty", name=name)
    values = []
    for position, token in enumerate(tokens, start=1):
        try:
            value = float(token)
        except ValueError:
            raise InputError(
                f"{name}: {token!r} (number {position}) is not a number",
                code="bad_token",
                name=name,
                token=token,
                position=position,
            ) from None
        if value != value or value in (float("inf"), float("-inf")):
            raise InputError(
                f"{name}: {token!r} (number {position}) is not finite; only finite numbers are allowed",
                code="token_not_finite",
                name=name,
                token=token,
                position=position,
            )
        values.append(value)
    if not MIN_CLASSES <= len(values) <= MAX_CLASSES:
        raise InputError(
            f"{name} has {len(values)} numbers; between {MIN_CLASSES} and {MAX_CLASSES} are allowed",
            code="count",
            name=name,
            count=len(values),
            low=MIN_CLASSES,
            high=MAX_CLASSES,
        )
    return values


def random_logits(n: int, *, seed: int) -> list[float]:
    """`n` logits drawn from N(0, 2²) by a seeded generator, rounded to 2 decimals (easy to type)."""
    n = check_number("number of logits", n, low=MIN_CLASSES, high=MAX_CLASSES, integer=True)
    generator = torch.Generator().manual_seed(seed)
    return [round(v, 2) for v in (2 * torch.randn(n, generator=generator, dtype=torch.float64)).tolist()]


def _vector(logits: torch.Tensor | list[float], device: str | None, name: str = "logits") -> torch.Tensor:
    resolved = resolve_device(device)
    x = torch.as_tensor(logits, dtype=default_dtype(resolved), device=resolved)
    if x.dim() != 1 or x.numel() == 0:
        raise InputError(f"{name} must be a non-empty vector, got shape {tuple(x.shape)}", code="not_vector", name=name)
    check_finite(name, x)
    return x


def _temperature(temperature: float) -> float:
    return check_number("temperature T", temperature, low=0, low_open=True)


def _target(target: int, classes: int) -> int:
    target = check_number("target class", target, integer=True)
    if not 0 <= target < classes:
        raise InputError(
            f"target class {target} is out of range: with {classes} logits it must be 0 … {classes - 1}",
            code="target_range",
            target=target,
            last=classes - 1,
        )
    return target


def softmax(logits: torch.Tensor | list[float], temperature: float = 1.0, *, device: str | None = None) -> torch.Tensor:
    """p_i = exp(z_i - max z) / Σ_j exp(z_j - max z) with z = a / T; equals `F.softmax(a / T, dim=0)`.

    Subtracting max z changes nothing mathematically (it cancels) but keeps every exp() at most 1.

    >>> softmax([2.0, 1.0, 0.1]).round(decimals=4).tolist()
    [0.659, 0.2424, 0.0986]
    """
    z = _vector(logits, device) / _temperature(temperature)
    e = torch.exp(z - z.max())
    return e / e.sum()


def softmax_jacobian(
    logits: torch.Tensor | list[float],
    temperature: float = 1.0,
    *,
    method: Literal["analytic", "autograd", "rowwise"] = "analytic",
    device: str | None = None,
) -> torch.Tensor:
    """J[i, j] = ∂p_i/∂a_j = (p_i (δ_ij - p_j)) / T, i.e. (diag(p) - p pᵀ) / T.

    "analytic" is that formula; "autograd" is `torch.autograd.functional.jacobian`; "rowwise" asks
    autograd for one row at a time, `torch.autograd.grad(p[i], a, retain_graph=True)`, as seed 001 does.
    """
    a = _vector(logits, device)
    T = _temperature(temperature)
    if method == "analytic":
        p = softmax(a, T, device=a.device.type)
        return (torch.diag(p) - torch.outer(p, p)) / T
    if method == "autograd":
        return torch.autograd.functional.jacobian(lambda x: F.softmax(x / T, dim=0), a)
    if method == "rowwise":
        a = a.clone().requires_grad_(True)
        p = F.softmax(a / T, dim=0)
        return torch.stack([torch.autograd.grad(p[i], a, retain_graph=True)[0] for i in range(len(p))])
    raise InputError(f"method must be 'analytic', 'autograd' or 'rowwise', got {method!r}")


def vjp(
    logits: torch.Tensor | list[float],
    upstream: torch.Tensor | list[float],
    temperature: float = 1.0,
    *,
    method: Literal["analytic", "autograd"] = "analytic",
    device: str | None = None,
) -> torch.Tensor:
    """vᵀJ, what backward() sends to the logits when v = ∂L/∂p arrives from above.

    "analytic": p ⊙ (v - v·p) / T, never building J; "autograd": one backward pass,
    `torch.autograd.grad(p, a, grad_outputs=v)`.
    """
    a = _vector(logits, device)
    v = _vector(upstream, a.device.type, name="upstream gradient v")
    if v.shape != a.shape:
        raise InputError(
            f"upstream gradient v has {v.numel()} numbers, expected {a.numel()} (one per logit)",
            code="v_length",
            count=v.numel(),
            expected=a.numel(),
        )
    T = _temperature(temperature)
    if method == "analytic":
        p = softmax(a, T, device=a.device.type)
        return p * (v - torch.dot(v, p)) / T
    if method == "autograd":
        a = a.clone().requires_grad_(True)
        return torch.autograd.grad(F.softmax(a / T, dim=0), a, grad_outputs=v)[0]
    raise InputError(f"method must be 'analytic' or 'autograd', got {method!r}")


def onehot(target: int, classes: int) -> list[float]:
    """e_target: 1 at the target class, 0 elsewhere; as v, vᵀJ is row `target` of J (one backward pass).

    >>> onehot(1, 3)
    [0.0, 1.0, 0.0]
    """
    target = _target(target, classes)
    return [1.0 if c == target else 0.0 for c in range(classes)]


def cross_entropy_upstream(
    logits: torch.Tensor | list[float], target: int, temperature: float = 1.0, *, device: str | None = None
) -> torch.Tensor:
    """∂L/∂p for L = -log p_y: -1/p_y at the target, 0 elsewhere (the v that turns vᵀJ into p - onehot)."""
    p = softmax(logits, temperature, device=device)
    target = _target(target, p.numel())
    if p[target] == 0:
        raise InputError(
            f"p_{target} underflows to 0, so dL/dp = -1/p_{target} is infinite; F.cross_entropy is finite: "
            "it computes log_softmax by log-sum-exp, then the negative log-likelihood, never taking log p",
            code="p_underflow",
            target=target,
            dtype=str(p.dtype).removeprefix("torch."),
        )
    v = torch.zeros_like(p)
    v[target] = -1 / p[target]
    return v


def naive_softmax(logits: torch.Tensor | list[float], *, device: str | None = None) -> torch.Tensor:
    """exp(a_i) / Σ_j exp(a_j) straight from the textbook: exp(1000) is inf in float64, so this gives nan."""
    e = torch.exp(_vector(logits, device))
    return e / e.sum()


def exp_limit(dtype: torch.dtype = torch.float64) -> float:
    """log of the largest finite number of `dtype`: exp(z) overflows to inf above about this z
    (709.78 in float64, 88.72 in float32, PyTorch's default dtype)."""
    return math.log(torch.finfo(dtype).max)


def naive_failure(
    logits: torch.Tensor | list[float], temperature: float = 1.0, *, dtype: torch.dtype = torch.float64
) -> Literal["overflow", "underflow"] | None:
    """Why `naive_softmax(a / T)` computed in `dtype` gives nan, or None when it does not: some exp(z)
    overflows to inf (inf / inf = nan), or every exp(z) underflows to 0 (0 / 0 = nan)."""
    e = torch.exp(torch.as_tensor(logits, dtype=dtype) / _temperature(temperature))
    if torch.isinf(e).any():
        return "overflow"
    if (e == 0).all():
        return "underflow"
    return None


@dataclass(frozen=True)
class CEReport:
    """Cross-entropy of one sample, step by step, as `F.cross_entropy(a / T, y)` computes it."""

    target: int
    probs: torch.Tensor  # softmax(a / T)
    logsumexp: torch.Tensor  # log Σ_j exp(z_j), the normaliser
    log_softmax: torch.Tensor  # z - logsumexp(z)
    nll: torch.Tensor  # F.nll_loss(log_softmax, y) = -log_softmax[y]
    loss: torch.Tensor  # F.cross_entropy(z, y), PyTorch's own
    grad: torch.Tensor  # ∂loss/∂a = (p - onehot(y)) / T, by hand
    grad_autograd: torch.Tensor  # the same from loss.backward()

    def __repr__(self) -> str:
        return f"CEReport(target={self.target}, loss={self.loss.item():.4f}, probs={self.probs.tolist()})"


def cross_entropy(
    logits: torch.Tensor | list[float], target: int, *, temperature: float = 1.0, device: str | None = None
) -> CEReport:
    """`nn.CrossEntropyLoss` = `log_softmax` then `nll_loss`, with its gradient p - onehot(y)."""
    a = _vector(logits, device)
    target = _target(target, a.numel())
    T = _temperature(temperature)
    z = a / T
    logsumexp = z.max() + torch.log(torch.exp(z - z.max()).sum())
    log_softmax = z - logsumexp
    y = torch.tensor(target, device=a.device)
    nll = F.nll_loss(log_softmax.unsqueeze(0), y.unsqueeze(0))
    probs = torch.exp(log_softmax)
    grad = (probs - F.one_hot(y, a.numel()).to(a.dtype)) / T

    leaf = a.clone().requires_grad_(True)
    loss = F.cross_entropy((leaf / T).unsqueeze(0), y.unsqueeze(0))
    loss.backward()
    return CEReport(target, probs, logsumexp, log_softmax, nll, loss.detach(), grad, leaf.grad)


def _tensor_literal(name: str, values: list[float], extra: str) -> str:
    """`name = torch.tensor([...], extra)`, its list wrapped so that no line is longer than 79 characters."""
    numbers = ", ".join(repr(float(x)) for x in values)
    lines = textwrap.wrap(numbers, width=70, initial_indent="    [", subsequent_indent="     ") or ["    ["]
    return "\n".join([f"{name} = torch.tensor(", *lines[:-1], lines[-1] + "],", f"    {extra},", ")"])


def to_pytorch_script(logits: list[float], *, temperature: float, target: int, upstream: list[float]) -> str:
    """A plain-PyTorch script (no import of this project) that prints the page's numbers to 6 significant
    digits. No line is longer than 79 characters, so it reads whole on the page and in an editor."""
    a = _tensor_literal("a", logits, "dtype=torch.float64, requires_grad=True")
    v = _tensor_literal("v", upstream, "dtype=torch.float64")
    return f"""import torch
import torch.nn.functional as F


def show(name, t):
    values = t.detach().flatten().tolist()
    print(name, "=", " ".join(f"{{x:.6g}}" for x in values))


{a}
T = {float(temperature)!r}
y = torch.tensor([{int(target)}])

p = F.softmax(a / T, dim=0)
show("p", p)
show("sigmoid", torch.sigmoid(a / T))

# the Jacobian three ways: autograd's, seed 001's row by row,
# and the formula (diag(p) - p p^T) / T
J = torch.autograd.functional.jacobian(
    lambda x: F.softmax(x / T, dim=0), a.detach()
)
rows = torch.stack(
    [torch.autograd.grad(p[i], a, retain_graph=True)[0] for i in range(len(p))]
)
formula = (torch.diag(p) - torch.outer(p, p)) / T
show("J", J)
print("max |J - rows| =", (J - rows).abs().max().item())
print("max |J - formula| =", (J - formula).abs().max().item())

# v^T J in one backward pass, for the upstream gradient v = dL/dp
{v}
show("vJ", torch.autograd.grad(p, a, grad_outputs=v, retain_graph=True)[0])

# F.cross_entropy = nll_loss(log_softmax(a / T), y), log-sum-exp inside
loss = F.cross_entropy((a / T).unsqueeze(0), y)
show("log_softmax", F.log_softmax(a / T, dim=0))
show("loss", loss)
loss.backward()
show("grad", a.grad)  # (p - onehot(y)) / T
"""
