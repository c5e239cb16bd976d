"""The autograd page's cached computations, keyed by the preset and its numbers as a plain tuple.

They live here, not in the page script, because the page script runs anew on every rerun and a cached
function defined there would be defined anew too (Streamlit then re-reads its source to key the cache).
"""

from __future__ import annotations

import streamlit as st

from core.autograd import compare_modes
from core.autograd_pitfalls import grad_accumulation, run_pitfall
from core.autograd_presets import (
    ChainInputs,
    Inputs,
    LinearInputs,
    SoftmaxInputs,
    chain_rule,
    optimizer_trace,
    preset_graph,
)

CACHE = dict(max_entries=64, ttl=3600, show_spinner=False)


def make_inputs(preset: str, values: tuple) -> Inputs:
    """The preset's inputs from the flat tuple of its numbers (and function names) the page reads."""
    if preset == "linear":
        return LinearInputs(X=(values[0:2], values[2:4], values[4:6]), y=values[6:9], w=values[9:11], b=values[11])
    if preset == "chain":
        return ChainInputs(x=values[0], g=values[1], f=values[2])
    return SoftmaxInputs(logits=values[0:3], target=int(values[3]))


@st.cache_data(**CACHE)
def cached_graph(preset: str, values: tuple, backward: bool, device: str):
    return preset_graph(make_inputs(preset, values), backward=backward, device=device)


@st.cache_data(**CACHE)
def cached_chain_rule(preset: str, values: tuple, device: str):
    return chain_rule(make_inputs(preset, values), device=device)


@st.cache_data(**CACHE)
def cached_optimizer(preset: str, values: tuple, lr: float, given: tuple[str, ...] | None, device: str):
    return optimizer_trace(make_inputs(preset, values), lr=lr, given=given, device=device)


@st.cache_data(max_entries=16, ttl=600, show_spinner=False)
def cached_modes(size: int, device: str):
    return compare_modes(((size, 1), (1, size), (size, size)), repeats=3, device=device)


@st.cache_data(max_entries=8, ttl=3600, show_spinner=False)
def cached_pitfall(name: str):
    return run_pitfall(name)


@st.cache_data(max_entries=16, ttl=3600, show_spinner=False)
def cached_accumulation(lr: float):
    return grad_accumulation(lr)
