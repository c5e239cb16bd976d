"""The computation graph as DOT (every node and edge, values and gradients, escaped names, readable in both
themes) and as text."""

from __future__ import annotations

import re

import torch

from core.autograd import trace_graph
from core.autograd_presets import ChainInputs, LinearInputs, preset_graph
from ui.a11y import contrast_ratio
from ui.autograd.graph import GRAD_COLOR, LEAF_COLOR, OP_COLOR, ROOT_COLOR, format_tensor, graph_dot, graph_text
from ui.charts import DARK_TEXT, NEUTRAL


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


def test_every_node_reads_in_both_themes_and_differs_by_shape_as_well_as_colour():
    text = graph_dot(preset_graph(LinearInputs()))
    for fill in (ROOT_COLOR, OP_COLOR, LEAF_COLOR):  # pale fills: the same in the light and the dark theme
        assert contrast_ratio(DARK_TEXT, fill) >= 4.5 and contrast_ratio(GRAD_COLOR, fill) >= 4.5
    for background in ("#fbfbf8", "#0e1117"):  # .streamlit/config.toml: what Graphviz's transparency shows
        assert contrast_ratio(NEUTRAL, background) >= 3  # edges and outlines
    assert f'fontcolor="{DARK_TEXT}"' in text and f'edge [color="{NEUTRAL}"' in text
    root, leaf, op = (re.search(rf"\n  {n} \[.*\];", text)[0] for n in ("n0", "n4", "n3"))
    assert "peripheries=2" in root and "rounded" in leaf and "rounded" not in op and "peripheries=1" in op


def test_graph_text_walks_from_the_loss_to_each_leaf_with_what_the_graph_shows():
    graph = preset_graph(LinearInputs())
    words = dict(grad_word="grad in", leaf_word="leaf")
    b_path, w_path = graph_text(graph, show_grads=True, show_values=True, **words)
    assert b_path.startswith("L = 5.1667 ← MseLossBackward0 ← AddmmBackward0 (ŷ = [[-0.5], [1], [-0.5]], ∂L/∂ŷ = ")
    assert b_path.endswith("← AccumulateGrad ← b = [0] (leaf, b.grad = [-4])")
    assert w_path.endswith("← TBackward0 (grad in: [[-3.6667], [-5.6667]]) ← AccumulateGrad ← w = [[0.5, -0.5]]"
                           " (leaf, w.grad = [[-3.6667, -5.6667]])")  # fmt: skip
    hidden = graph_text(graph, show_grads=False, show_values=False, **words)
    assert hidden[1] == "L ← MseLossBackward0 ← AddmmBackward0 (ŷ) ← TBackward0 ← AccumulateGrad ← w (leaf)"


def test_graph_text_follows_the_numbers():
    words = dict(show_grads=True, show_values=True, grad_word="grad in", leaf_word="leaf")
    before = graph_text(preset_graph(ChainInputs(x=0.5)), **words)
    after = graph_text(preset_graph(ChainInputs(x=-1.2)), **words)
    assert before != after and "x = -1.2 (leaf, x.grad = " in after[0]
