"""Fixtures of the MSE page's pure ui tests: the worked example of seed 000 and its reports."""

from __future__ import annotations

import pytest

from core.mse import REDUCTIONS, mse, preset_pair


@pytest.fixture
def reports_for():
    """(X, Y) -> the `MSEReport` of every reduction, as the page computes them."""
    return lambda x, y: {r: mse(x, y, reduction=r) for r in REDUCTIONS}


@pytest.fixture
def seed000():
    """(X, Y) of seed 000: X − Y = [[1, −1], [3, −2], [−1, 1]], squared errors adding up to 17."""
    return preset_pair("seed000")
