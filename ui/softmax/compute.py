"""The softmax page's cached computations: plain hashable arguments, plain lists back.

They live here, not in the page script, because the page script runs anew on every rerun and a cached
function defined there would be defined anew too (Streamlit then re-reads its source to key the cache).
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
import torch

from core import softmax as sm


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
