"""The page's settings: one frozen dataclass; which parameters the optimizer is given."""

from __future__ import annotations

import dataclasses

import pytest

from core.autograd_presets import ChainInputs, LinearInputs
from ui.autograd.inputs import Settings


def test_settings_are_frozen_and_hashable_for_the_cache():
    settings = Settings("linear", LinearInputs())
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.lr = 0.5  # type: ignore[misc]
    assert hash(settings) == hash(Settings("linear", LinearInputs()))


def test_only_w_gives_the_optimizer_w_and_only_on_the_linear_model():
    assert Settings("linear", LinearInputs(), only_w=True).given == ("w",)
    assert Settings("linear", LinearInputs()).given is None  # all of them, as model.parameters()
    assert Settings("chain", ChainInputs(), only_w=True).given is None
