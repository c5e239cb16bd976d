"""What the autograd ui tests share: settings built from a preset's numbers, and the page's results for them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from core.autograd_presets import ChainInputs, LinearInputs, SoftmaxInputs
from ui.autograd.compute import Results, results
from ui.autograd.inputs import Settings


def settings_of(preset: str, values: tuple, *, lr: float = 0.1, only_w: bool = False) -> Settings:
    """Settings from the preset's numbers written flat, in the order the page lists them (X row by row, y, w, b;
    x, g, f; three logits, target)."""
    if preset == "linear":
        inputs = LinearInputs(X=(values[0:2], values[2:4], values[4:6]), y=values[6:9], w=values[9:11], b=values[11])
    elif preset == "chain":
        inputs = ChainInputs(x=values[0], g=values[1], f=values[2])
    else:
        inputs = SoftmaxInputs(logits=values[0:3], target=int(values[3]))
    return Settings(preset, inputs, lr=lr, only_w=only_w)


@pytest.fixture
def make_settings() -> Callable[..., Settings]:
    return settings_of


@pytest.fixture
def make_results() -> Callable[..., Results]:
    """The page's results (the same cached core calls) for `settings_of(preset, values, ...)`."""

    def make(preset: str, values: tuple, **options) -> Results:
        return results(settings_of(preset, values, **options), "cpu")

    return make
