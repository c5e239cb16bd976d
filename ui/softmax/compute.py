"""The softmax page's cached computations (plain hashable arguments, plain lists back), and `results`, all
of them for the page's settings.

They live here, not in the page script, because the page script runs anew on every rerun and a cached
function defined there would be defined anew too (Streamlit then re-reads its source to key the cache).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import streamlit as st
import torch

from core import softmax as sm
from core.device import default_dtype, resolve_device
from core.errors import InputError

if TYPE_CHECKING:  # inputs imports vjp_numbers from here
    from ui.softmax.inputs import Settings

OVERFLOW = (1000.0, 999.0, -1000.0)  # the stability tab's classic example, beside the user's logits


def f64(values) -> torch.Tensor:
    """Lists back from the cache as float64 tensors (torch.tensor would make float32)."""
    return torch.tensor(values, dtype=torch.float64)


def max_diff(a: Sequence, b: Sequence) -> float:
    return float((f64(a) - f64(b)).abs().max())


def exp(x: float) -> float:
    """e**x in float64 (inf where it overflows, as torch gives it)."""
    return torch.exp(f64(x)).item()


@st.cache_data(max_entries=256, ttl=3600, show_spinner=False)
def softmax_numbers(logits: tuple[float, ...], temperature: float, device: str) -> dict[str, list]:
    """Probabilities, sigmoid and the Jacobian three ways, as plain lists."""
    z = f64(logits) / temperature
    return {
        "p": sm.softmax(list(logits), temperature, device=device).cpu().tolist(),
        "sigmoid": torch.sigmoid(z).tolist(),
        **{
            method: sm.softmax_jacobian(list(logits), temperature, method=method, device=device).cpu().tolist()
            for method in ("analytic", "autograd", "rowwise")
        },
        "naive": sm.naive_softmax(z.tolist(), device=device).cpu().tolist(),
    }


@st.cache_data(max_entries=256, ttl=3600, show_spinner=False)
def cross_entropy_numbers(logits: tuple[float, ...], target: int, temperature: float, device: str) -> dict[str, object]:
    """`sm.cross_entropy` as plain numbers and lists."""
    report = sm.cross_entropy(list(logits), target, temperature=temperature, device=device)
    return {
        name: value.cpu().tolist() if isinstance(value, torch.Tensor) else value for name, value in vars(report).items()
    }


@st.cache_data(max_entries=256, ttl=3600, show_spinner=False)
def vjp_numbers(logits: tuple[float, ...], upstream: tuple[float, ...], temperature: float, device: str) -> dict:
    """vᵀJ by the formula and by one autograd pass."""
    return {
        method: sm.vjp(list(logits), list(upstream), temperature, method=method, device=device).cpu().tolist()
        for method in ("analytic", "autograd")
    }


@dataclass(frozen=True)
class Results:
    """What the tabs above the vᵀJ one draw, for one `Settings`."""

    forward: dict[str, list]  # `softmax_numbers`: "p", "sigmoid", J by "analytic", "autograd", "rowwise", "naive"
    ce: dict[str, object] | None  # `cross_entropy_numbers`; None when the target class does not fit the logits
    ce_error: InputError | None  # why `ce` is None
    dtype: torch.dtype  # what the numbers are computed in on the chosen device

    @property
    def p(self) -> list[float]:
        return self.forward["p"]

    @property
    def J(self) -> list[list[float]]:
        """The Jacobian by the formula (diag(p) - p pᵀ) / T."""
        return self.forward["analytic"]


def results(settings: Settings) -> Results:
    """Softmax, its Jacobians and cross-entropy for `settings`; an invalid target leaves only the loss out."""
    forward = softmax_numbers(settings.logits, settings.T, settings.device)
    dtype = default_dtype(resolve_device(settings.device))
    try:
        ce = cross_entropy_numbers(settings.logits, settings.target, settings.T, settings.device)
    except InputError as error:
        return Results(forward, None, error, dtype)
    return Results(forward, ce, None, dtype)
