"""The regression page's step history CSV and its number helpers."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from core.regression import TrainConfig, toy_dataset
from ui.regression_compute import config_key, training_run
from ui.regression_step import amount, param_symbol
from ui.regression_views import history_csv

SEED_CONFIG = TrainConfig(lr=0.5, batch_size=3, epochs=3, loss="sum_over_batch", w0=(1, 2), b0=0, batch_order=(5, 1, 0))


def test_history_csv_names_columns_as_pytorch_indexes_them_and_holds_the_seed_step():
    X, y = toy_dataset(device="cpu")
    run = training_run(("toy",), X.numpy(), y.numpy().ravel(), config_key(SEED_CONFIG), "cpu")
    frame = pd.read_csv(io.StringIO(history_csv(run)))
    assert list(frame.columns) == [
        "step", "epoch", "batch_indices", "loss", "w.grad[0]", "w.grad[1]", "b.grad", "w[0]", "w[1]", "b",
    ]  # fmt: skip
    first = frame.iloc[0]
    assert first["batch_indices"] == "5 1 0"
    # the seed's hand computation: w.grad = [32/3, 16], b.grad = 20/3, then w = [-13/3, -6], b = -10/3
    assert first[["loss", "w.grad[0]", "w.grad[1]", "b.grad"]].tolist() == pytest.approx([12, 32 / 3, 16, 20 / 3])
    assert first[["w[0]", "w[1]", "b"]].tolist() == pytest.approx([-13 / 3, -6, -10 / 3])


@pytest.mark.parametrize(("n", "text"), [(1, "1 step"), (2, "2 steps"), (100_000, "100,000 steps")])
def test_a_counted_noun_agrees_with_its_number(n, text):
    assert amount(n, "step") == text


def test_parameters_are_written_with_subscripts_from_zero():
    assert [param_symbol(code) for code in ("w0", "w1", "w12", "b")] == ["w₀", "w₁", "w₁₂", "b"]
