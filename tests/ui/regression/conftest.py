"""What the regression package's tests share: the tutorial's six samples and its hand-worked run, synthetic data
sets, and runs exactly as the page gets them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from core.regression import TrainConfig, synthetic_data, toy_dataset
from ui.regression.compute import Data, Run, trained


@pytest.fixture
def seed_config() -> TrainConfig:
    """The tutorial's hand-worked example: w = [1, 2], b = 0, η = 0.5, the first batch is samples 5, 1, 0."""
    return TrainConfig(lr=0.5, batch_size=3, epochs=3, loss="sum_over_batch", w0=(1, 2), b0=0, batch_order=(5, 1, 0))


@pytest.fixture
def toy() -> Data:
    """The tutorial's six samples, as the page holds them."""
    X, y = toy_dataset(device="cpu")
    return Data(("toy",), X.numpy(), y.numpy().ravel(), ("x0", "x1"), {"kind": "toy"})


@pytest.fixture
def synthetic() -> Callable[..., Data]:
    """Makes a synthetic data set as the page's synthetic source does (y = Xw + b + noise)."""

    def make(w=(2.0, -3.4), b=4.2, n=40, noise=0.01, seed=3) -> Data:
        X, y = synthetic_data(list(w), b, n, noise, seed, device="cpu")
        dataset = {"kind": "synthetic", "w": list(w), "b": b, "n": n, "noise": noise, "seed": seed}
        key = ("synthetic", tuple(w), b, n, noise, seed)
        return Data(key, X.numpy(), y.numpy().ravel(), ("x0", "x1"), dataset, tuple(w), b)

    return make


@pytest.fixture
def run_of() -> Callable[[Data, TrainConfig], Run]:
    """Trains as the page does: the cached plain-array copy of core's history."""
    return lambda data, config: trained(data, config, "cpu")


@pytest.fixture
def seed_run(toy: Data, seed_config: TrainConfig, run_of) -> Run:
    return run_of(toy, seed_config)
