"""How the regression page writes its symbols: counted nouns, 0-based subscripts, vectors, the step's formulas."""

from __future__ import annotations

import numpy as np
import pytest

from ui.regression.notation import amount, param_symbol, plain_vec, step_formulas


@pytest.mark.parametrize(("n", "text"), [(1, "1 step"), (2, "2 steps"), (100_000, "100,000 steps")])
def test_a_counted_noun_agrees_with_its_number(n, text):
    assert amount(n, "step") == text


def test_parameters_are_written_with_subscripts_from_zero():
    assert [param_symbol(code) for code in ("w0", "w1", "w12", "b")] == ["w₀", "w₁", "w₁₂", "b"]


def test_a_long_vector_is_shortened_and_small_numbers_keep_their_digits():
    assert plain_vec(np.array([1.0, -13 / 3])) == "[1, -4.3333]"
    assert plain_vec(np.arange(8.0) * 1e-5) == "[0, 1e-05, 2e-05, 3e-05, 4e-05, 5e-05, …]"


def test_the_seed_step_in_latex_holds_its_batch_its_loss_and_both_updates(seed_run, seed_config):
    formulas = step_formulas(seed_config, seed_run, 0, hidden=False)
    assert formulas[0] == r"I = \{5,1,0\}"
    assert formulas[2].endswith("= 12")
    assert r"-4.3333\\-6" in formulas[5] and "-3.3333" in formulas[6]  # w = [-13/3, -6], b = -10/3


def test_hidden_formulas_keep_the_inputs_and_leave_out_the_results(seed_run, seed_config):
    formulas = step_formulas(seed_config, seed_run, 0, hidden=True)
    assert formulas[0] == r"I = \{5,1,0\}" and all("12" not in f for f in formulas[2:])
    assert "-4.3333" not in formulas[5] and "-3.3333" not in formulas[6]
