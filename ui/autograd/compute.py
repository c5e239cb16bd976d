"""The autograd page's cached computations, keyed by the expression's inputs (a frozen dataclass of numbers).

They live here, not in the page script, because the page script runs anew on every rerun and a cached
function defined there would be defined anew too (Streamlit then re-reads its source to key the cache).
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from core.autograd import ComputationGraph, compare_modes
from core.autograd_pitfalls import grad_accumulation, run_pitfall
from core.autograd_presets import ChainRule, Inputs, OptimizerTrace, chain_rule, optimizer_trace, preset_graph
from ui.autograd.inputs import Settings

CACHE = dict(max_entries=64, ttl=3600, show_spinner=False)


@dataclass(frozen=True)
class Results:
    """What the graph, chain-rule and optimizer tabs and the quiz show, all for the same `settings`: the graph
    after `loss.backward()`, the chain rule's factors, and one `optimizer.step()`."""

    settings: Settings
    graph: ComputationGraph
    rule: ChainRule
    trace: OptimizerTrace


def results(settings: Settings, device: str) -> Results:
    """The results for `settings`; raises `InputError` when the numbers overflow (exp(exp(10)), say)."""
    inputs = settings.inputs
    return Results(
        settings,
        cached_graph(inputs, True, device),
        cached_chain_rule(inputs, device),
        cached_optimizer(inputs, settings.lr, settings.given, device),
    )


@st.cache_data(**CACHE)
def cached_graph(inputs: Inputs, backward: bool, device: str) -> ComputationGraph:
    return preset_graph(inputs, backward=backward, device=device)


@st.cache_data(**CACHE)
def cached_chain_rule(inputs: Inputs, device: str) -> ChainRule:
    return chain_rule(inputs, device=device)


@st.cache_data(**CACHE)
def cached_optimizer(inputs: Inputs, lr: float, given: tuple[str, ...] | None, device: str) -> OptimizerTrace:
    return optimizer_trace(inputs, lr=lr, given=given, device=device)


@st.cache_data(max_entries=16, ttl=600, show_spinner=False)
def cached_modes(size: int, device: str):
    return compare_modes(((size, 1), (1, size), (size, size)), repeats=3, device=device)


@st.cache_data(max_entries=8, ttl=3600, show_spinner=False)
def cached_pitfall(name: str):
    return run_pitfall(name)


@st.cache_data(max_entries=16, ttl=3600, show_spinner=False)
def cached_accumulation(lr: float):
    return grad_accumulation(lr)
