"""DOT text for the computation graph: every node and edge, values and gradients, escaped names."""

from __future__ import annotations

import torch

from core.autograd import trace_graph
from core.autograd_presets import LinearInputs, preset_graph
from ui.autograd.graph import format_tensor, graph_dot


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
