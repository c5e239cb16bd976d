"""Graphviz DOT text for a `core.autograd.ComputationGraph`, for `st.graphviz_chart`, and the same graph as
text for readers who cannot see it (pure, testable).

`st.graphviz_chart` draws on the page's background, light or dark: so every node is a pale Okabe–Ito tint
with black text (>= 4.5:1, the gradients in the diverging scale's dark red too), outlined, like the edges,
in `NEUTRAL` (3:1 on both backgrounds). Nodes differ by shape as well as colour: the loss has a double
border, the operations square corners, the leaves' `AccumulateGrad` round ones.
"""

from __future__ import annotations

import html

import torch

from core.autograd import ComputationGraph, GraphNode
from ui.a11y import blend
from ui.charts import DARK_TEXT, DIVERGING_POSITIVE, LIGHT_TEXT, NEUTRAL, OKABE_ITO
from ui.numbers import num

TINT = 0.3  # the share of the Okabe–Ito colour in a node's fill: pale enough for black text on it
ROOT_COLOR, OP_COLOR, LEAF_COLOR = (
    blend(LIGHT_TEXT, OKABE_ITO[name], TINT) for name in ("orange", "sky_blue", "bluish_green")
)
GRAD_COLOR = DIVERGING_POSITIVE
NODE_STYLE = {"root": ("filled", 2), "op": ("filled", 1), "leaf": ("rounded,filled", 1)}  # style, borders


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


def _kind(graph: ComputationGraph, node: GraphNode) -> str:
    return "root" if node.id == graph.root else "leaf" if node.is_leaf else "op"


def _grad_text(node: GraphNode, root_name: str, grad_word: str) -> str | None:
    """The node's gradient as the graph writes it: "w.grad = …", "∂L/∂ŷ = …" or "grad in: …"."""
    if node.grad is None:
        return None
    grad = format_tensor(node.grad)
    if node.is_leaf and node.label:
        return f"{node.label}.grad = {grad}"
    if node.label:
        return f"∂{root_name}/∂{node.label} = {grad}"
    return f"{grad_word}: {grad}"


def _value_text(node: GraphNode, show_values: bool) -> str | None:
    if not node.label:
        return None
    if show_values and node.value is not None:
        return f"{node.label} = {format_tensor(node.value)}"
    return node.label


def _label(node: GraphNode, root_name: str, *, show_grads: bool, show_values: bool, grad_word: str) -> str:
    lines = [f"<b>{html.escape(node.name)}</b>"]
    value = _value_text(node, show_values)
    if value:
        lines.append(html.escape(value))
    grad = _grad_text(node, root_name, grad_word) if show_grads else None
    if grad:
        lines.append(f'<font color="{GRAD_COLOR}">{html.escape(grad)}</font>')
    return "<" + "<br/>".join(lines) + ">"


def graph_dot(
    graph: ComputationGraph, *, show_grads: bool = True, show_values: bool = True, grad_word: str = "grad"
) -> str:
    """DOT for the graph, leaves at the top and the loss at the bottom: arrows follow the forward pass,
    `backward()` walks them in reverse. Each node shows its value (only its name without `show_values`,
    for a quiz) and, with `show_grads`, its gradient."""
    root = next(n for n in graph.nodes if n.id == graph.root)
    root_name = root.label or "L"
    fills = {"root": ROOT_COLOR, "op": OP_COLOR, "leaf": LEAF_COLOR}
    out = [
        "digraph autograd {",
        '  rankdir=TB; bgcolor="transparent"; nodesep=0.4; ranksep=0.45;',
        f'  node [shape=box, fontname="Helvetica", fontsize=16, margin="0.15,0.08", fontcolor="{DARK_TEXT}",'
        f' color="{NEUTRAL}", penwidth=1.5];',
        f'  edge [color="{NEUTRAL}", arrowsize=0.9, penwidth=1.4];',
    ]
    for node in graph.nodes:
        kind = _kind(graph, node)
        style, borders = NODE_STYLE[kind]
        label = _label(node, root_name, show_grads=show_grads, show_values=show_values, grad_word=grad_word)
        out.append(f'  {node.id} [label={label}, style="{style}", peripheries={borders}, fillcolor="{fills[kind]}"];')
    out.extend(f"  {a} -> {b};" for a, b in graph.edges)
    out.append("}")
    return "\n".join(out)


def graph_paths(graph: ComputationGraph) -> list[list[GraphNode]]:
    """Every path `backward()` takes from the root to a leaf, each as its nodes in that order."""
    by_id = {n.id: n for n in graph.nodes}
    inputs: dict[str, list[str]] = {}
    for a, b in graph.edges:
        inputs.setdefault(b, []).append(a)
    paths: list[list[GraphNode]] = []

    def walk(node_id: str, path: list[GraphNode]) -> None:
        path = [*path, by_id[node_id]]
        if node_id not in inputs:
            paths.append(path)
        for child in inputs.get(node_id, []):
            walk(child, path)

    walk(graph.root, [])
    return paths


def graph_text(
    graph: ComputationGraph, *, show_grads: bool, show_values: bool, grad_word: str, leaf_word: str
) -> list[str]:
    """The graph as text, one line per path from the loss back to a leaf, with what the drawn graph shows of
    each node: "L = 5.1667 ← MseLossBackward0 ← AddmmBackward0 (ŷ = …, ∂L/∂ŷ = …) ← … ← w (leaf, w.grad = …)"."""
    root = next(n for n in graph.nodes if n.id == graph.root)
    root_name = root.label or "L"

    def shown(node: GraphNode, *parts: str | None) -> str:
        details = ", ".join(p for p in parts if p)
        return f"{node.name} ({details})" if details else node.name

    lines = []
    for path in graph_paths(graph):
        words = [_value_text(root, show_values) or root_name]
        for node in path:
            grad = _grad_text(node, root_name, grad_word) if show_grads and node is not root else None
            if node.is_leaf and node.label:
                leaf = _value_text(node, show_values)
                words += [node.name, f"{leaf} ({', '.join(p for p in (leaf_word, grad) if p)})"]
            else:
                words.append(shown(node, None if node is root else _value_text(node, show_values), grad))
        lines.append(" ← ".join(words))
    return lines
