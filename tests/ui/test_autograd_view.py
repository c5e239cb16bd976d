"""The autograd page's pure drawing pieces: DOT for the graph, LaTeX with live numbers, Altair charts."""

from __future__ import annotations

import pandas as pd
import torch

from core.autograd import trace_graph
from core.autograd_presets import ChainInputs, LinearInputs, chain_rule, preset_graph
from ui.autograd.charts import accumulation_chart, mode_cost_chart
from ui.autograd.graph import format_tensor, graph_dot
from ui.autograd.latex import bmatrix, chain_rule_latex, live_formula, scalar_chain_latex, sgd_update_latex


def test_format_tensor_is_short_and_keeps_the_shape():
    assert format_tensor(torch.tensor(5.16666)) == "5.1667"
    assert format_tensor(torch.tensor([[0.5, -0.5]])) == "[[0.5, -0.5]]"
    assert format_tensor(torch.arange(20.0)).endswith(", …]")
    assert format_tensor(None) == "–"


def test_dot_has_every_node_and_edge_of_the_graph():
    graph = preset_graph(LinearInputs())
    text = graph_dot(graph)
    assert text.startswith("digraph") and text.rstrip().endswith("}")
    for node in graph.nodes:
        assert f"<b>{node.name}</b>" in text
    for a, b in graph.edges:
        assert f"{a} -> {b};" in text
    assert "w.grad = [[-3.6667, -5.6667]]" in text and "∂L/∂ŷ = [[-2.3333], [-0.6667], [-1]]" in text


def test_dot_without_grads_shows_only_forward_values():
    text = graph_dot(preset_graph(LinearInputs(), backward=False), show_grads=False)
    assert "L = 5.1667" in text
    assert ".grad" not in text and "∂" not in text


def test_dot_escapes_names_that_look_like_html():
    x = torch.tensor(1.0, dtype=torch.float64, requires_grad=True)
    text = graph_dot(trace_graph(x * 2, {"<x>": x}))
    assert "&lt;x&gt;.grad = 2" in text and "<x>" not in text


def test_bmatrix_writes_rows_and_columns():
    assert bmatrix(torch.tensor([[1.0, 2.0], [3.0, 4.5]])) == r"\begin{bmatrix}1 & 2 \\ 3 & 4.5\end{bmatrix}"
    assert bmatrix(2.0) == r"\begin{bmatrix}2\end{bmatrix}"


def test_live_formula_shows_the_current_numbers():
    values = (1.0, 2.0, 2.0, 0.0, 0.0, 1.0, 3.0, 2.0, 1.0, 0.5, -0.5, 0.25)
    assert r"w = \begin{bmatrix}0.5 & -0.5\end{bmatrix},\; b = 0.25" in live_formula("linear", values)
    assert r"y = f(g(x)) = \sin(x^2)" in live_formula("chain", (0.5, "square", "sin"))


def test_chain_rule_latex_multiplies_the_live_factors():
    rule = chain_rule(LinearInputs())
    latex = chain_rule_latex("linear", rule)
    assert r"\frac{\partial L}{\partial w} = \frac{\partial L}{\partial \hat{y}}" in latex
    assert latex.endswith(r"= \begin{bmatrix}-3.6667 & -5.6667\end{bmatrix}")


def test_scalar_chain_latex_evaluates_the_hand_derivatives():
    rule = chain_rule(ChainInputs(x=0.5, g="square", f="sin"))
    assert r"= \cos(0.25)\cdot 2(0.5) = 0.9689\cdot 1 = 0.9689" in scalar_chain_latex(0.5, "square", "sin", rule)


def test_sgd_update_latex_subtracts_lr_times_grad():
    latex = sgd_update_latex("b", torch.tensor([0.0]), torch.tensor([-4.0]), torch.tensor([0.4]), 0.1)
    assert latex.endswith(r"0.1\cdot \begin{bmatrix}-4\end{bmatrix} = \begin{bmatrix}0.4\end{bmatrix}")


def test_mode_cost_chart_groups_bars_by_shape_and_mode():
    df = pd.DataFrame({"shape": ["8 → 1", "8 → 1"], "mode": ["forward", "reverse"], "passes": [8, 1]})
    spec = mode_cost_chart(df, value="passes", value_title="passes", shape_title="shape", mode_title="mode").to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["xOffset"]["field"] == "mode"
    assert spec["encoding"]["y"]["field"] == "passes"


def test_accumulation_chart_draws_one_line_per_series():
    df = pd.DataFrame({"series": ["a", "a", "b", "b"], "step": [1, 2, 1, 2], "grad": [2.0, 4.0, 2.0, 2.0]})
    spec = accumulation_chart(df, step_title="step", grad_title="w.grad", series_title="").to_dict()
    assert spec["mark"]["type"] == "line"
    assert spec["encoding"]["color"]["field"] == "series"
