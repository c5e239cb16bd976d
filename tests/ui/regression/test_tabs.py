"""The regression page's step history CSV: PyTorch's names for its columns, the hand-worked first step."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from ui.regression.tabs import history_csv


def test_history_csv_names_columns_as_pytorch_indexes_them_and_holds_the_seed_step(seed_run):
    frame = pd.read_csv(io.StringIO(history_csv(seed_run)))
    assert list(frame.columns) == [
        "step", "epoch", "batch_indices", "loss", "w.grad[0]", "w.grad[1]", "b.grad", "w[0]", "w[1]", "b",
    ]  # fmt: skip
    first = frame.iloc[0]
    assert first["batch_indices"] == "5 1 0"
    # the seed's hand computation: w.grad = [32/3, 16], b.grad = 20/3, then w = [-13/3, -6], b = -10/3
    assert first[["loss", "w.grad[0]", "w.grad[1]", "b.grad"]].tolist() == pytest.approx([12, 32 / 3, 16, 20 / 3])
    assert first[["w[0]", "w[1]", "b"]].tolist() == pytest.approx([-13 / 3, -6, -10 / 3])
