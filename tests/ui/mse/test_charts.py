"""The MSE heatmaps' text alternatives: a sentence from the live numbers, and the table of entries."""

from __future__ import annotations

import pytest

from core.mse import mse
from ui.mse.charts import entries, gradient_summary, squared_error_summary


def squared(x, y):
    return mse(x, y, reduction="none").squared_error.tolist()


def grad(x, y, reduction="mean"):
    return mse(x, y, reduction=reduction).grad.tolist()


def test_the_squared_error_summary_names_the_largest_cell_from_0_and_the_total(seed000):
    x, y = seed000  # (4 − 1)² = 9 at X[1, 0]; 1 + 1 + 9 + 4 + 1 + 1 = 17
    text = squared_error_summary(x, y, squared(x, y), "en")
    assert "is 9, in row 1, column 0 (counted from 0, as X[1, 0]): x = 4, y = 1" in text
    assert "n·d = 6 squared errors add up to 17" in text
    assert "最大的平方误差是 9，在第 1 行第 0 列" in squared_error_summary(x, y, squared(x, y), "zh")


def test_the_squared_error_summary_follows_the_input(seed000):
    x, y = seed000
    y = [row[:] for row in y]
    y[0][1] = 12.0  # (1 − 12)² = 121 now the largest, at X[0, 1]
    text = squared_error_summary(x, y, squared(x, y), "en")
    assert "is 121, in row 0, column 1" in text and "add up to 137" in text
    assert squared_error_summary(x, x, squared(x, x), "en") == "Every squared error is 0, because X = Y."


@pytest.mark.parametrize(("reduction", "value"), [("mean", "1"), ("sum", "6"), ("none", "6")])
def test_the_gradient_summary_gives_the_largest_entry_and_what_its_sign_means(seed000, reduction, value):
    x, y = seed000  # X.grad = 2/6·(X − Y) for 'mean', 2·(X − Y) for 'sum' and for the ones of 'none'
    text = gradient_summary(x, y, grad(x, y, reduction), "en")
    assert f"is {value}, in row 1, column 0 (counted from 0, as X.grad[1, 0])" in text
    assert "positive because x = 4 is above y = 1" in text and "lowers x" in text


def test_a_negative_largest_gradient_says_the_step_raises_x():
    x, y = [[0.0, 1.0]], [[5.0, 2.0]]
    text = gradient_summary(x, y, grad(x, y, "sum"), "en")
    assert "is -10, in row 0, column 0" in text and "negative because x = 0 is below y = 5" in text
    assert "raises x" in text and "变大" in gradient_summary(x, y, grad(x, y, "sum"), "zh")
    assert gradient_summary(x, x, grad(x, x), "en") == "Every entry of X.grad is 0, because X = Y."


@pytest.mark.parametrize(("lang", "row", "col"), [("en", "row", "column"), ("zh", "行", "列")])
def test_the_table_lists_every_entry_from_0_with_translated_headers(seed000, lang, row, col):
    x, y = seed000
    table = entries({"x": x, "y": y, "(x−y)²": squared(x, y)}, lang)
    assert list(table.columns) == [row, col, "x", "y", "(x−y)²"]
    assert table.iloc[2].tolist() == [1, 0, 4.0, 1.0, 9.0]
    assert len(table) == 6 and table[row].min() == 0
