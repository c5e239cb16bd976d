"""Graphviz DOT text for a `core.autograd.ComputationGraph`, for `st.graphviz_chart` (pure, testable)."""

from __future__ import annotations

import html

import torch

from core.autograd import ComputationGraph, GraphNode
from ui.numbers import num

ROOT_COLOR, OP_COLOR, LEAF_COLOR = "#fde2c8", "#e3ecfa", "#d7f0dd"


def format_tensor(x: torch.Tensor | None, *, max_items: int = 9) -> str:
    """A tensor as short text, numbers as ui/numbers writes them: "5.1667", "[[0.5, -0.5]]"; "…" past
    `max_items` numbers."""
    if x is None:
        return "–"
    if x.dim() == 0:
        return num(x.item())
    values = x.detach().cpu().reshape(-1).tolist()
    if len(values) > max_items:
        return "[" + ", ".join(num(v) for v in values[:max_items]) + ", …]"
    rows = x.detach().cpu().tolist()

    def text(item) -> str:
        if isinstance(item, list):
            return "[" + ", ".join(text(i) for i in item) + "]"
        return num(item)

    return text(rows)


def _label(node: GraphNode, root_name: str, *, show_grads: bool, show_values: bool, grad_word: str) -> str:
    lines = [f"<b>{html.escape(node.name)}</b>"]
    name = html.escape(node.label) if node.label else None
    if name and not show_values:
        lines.append(name)
    elif name and node.value is not None:
        lines.append(f"{name} = {html.escape(format_tensor(node.value))}")
    if show_grads and node.grad is not None:
        grad = html.escape(format_tensor(node.grad))
        if node.is_leaf and name:
            lines.append(f'<font color="#b3261e">{name}.grad = {grad}</font>')
        elif name:
            lines.append(f'<font color="#b3261e">∂{html.escape(root_name)}/∂{name} = {grad}</font>')
        else:
            lines.append(f'<font color="#b3261e">{html.escape(grad_word)}: {grad}</font>')
    return "<" + "<br/>".join(lines) + ">"


def graph_dot(
    graph: ComputationGraph, *, show_grads: bool = True, show_values: bool = True, grad_word: str = "grad"
) -> str:
    """DOT for the graph, leaves at the top and the loss at the bottom: arrows follow the forward pass,
    `backward()` walks them in reverse. Each node shows its value (only its name without `show_values`,
    for a quiz) and, with `show_grads`, its gradient."""
    root = next(n for n in graph.nodes if n.id == graph.root)
    root_name = root.label or "L"
    out = [
        "digraph autograd {",
        '  rankdir=TB; bgcolor="transparent"; nodesep=0.4; ranksep=0.45;',
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=16, margin="0.15,0.08"];',
        '  edge [color="#555555", arrowsize=0.9, penwidth=1.4];',
    ]
    for node in graph.nodes:
        color = ROOT_COLOR if node.id == graph.root else LEAF_COLOR if node.is_leaf else OP_COLOR
        label = _label(node, root_name, show_grads=show_grads, show_values=show_values, grad_word=grad_word)
        out.append(f'  {node.id} [label={label}, fillcolor="{color}"];')
    out.extend(f"  {a} -> {b};" for a, b in graph.edges)
    out.append("}")
    return "\n".join(out)
