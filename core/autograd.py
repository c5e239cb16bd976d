"""The computation graph behind `loss.backward()`, and forward vs reverse mode for the same Jacobian.

`trace_graph` walks a tensor's real `grad_fn` graph (the nodes `backward()` will visit), runs
`backward()` with a hook on every node and returns what each node computed and received.
`jacobian_by_mode` builds a Jacobian column by column with `torch.func.jvp` (forward mode, one
pass per input) or row by row with `torch.func.vjp` (reverse mode, one pass per output).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

import torch

from core.device import default_dtype, resolve_device
from core.errors import check_number

Mode = Literal["forward", "reverse"]


@dataclass(frozen=True)
class GraphNode:
    """One node of the backward graph: `name` as PyTorch reports it ("AddmmBackward0", "AccumulateGrad").

    `label` is the tensor the node produced (or, for AccumulateGrad, the leaf it writes `.grad` to)
    when the caller named it; `value` that tensor's forward value; `grad` the gradient of the root
    with respect to that tensor, captured by a hook while `backward()` ran (None before backward).
    """

    id: str
    name: str
    label: str | None
    value: torch.Tensor | None
    grad: torch.Tensor | None

    @property
    def is_leaf(self) -> bool:
        return self.name == "AccumulateGrad"

    def __repr__(self) -> str:
        return f"GraphNode({self.id}, {self.name}, label={self.label})"


@dataclass(frozen=True)
class ComputationGraph:
    """Nodes in the order `backward()` reaches them from the root; edges point forward (input -> consumer)."""

    nodes: tuple[GraphNode, ...]
    edges: tuple[tuple[str, str], ...]
    root: str

    def node(self, label: str) -> GraphNode:
        """The node that produced the tensor named `label`."""
        return next(n for n in self.nodes if n.label == label)

    def names(self) -> list[str]:
        return [n.name for n in self.nodes]

    def named_edges(self) -> set[tuple[str, str]]:
        """Edges as (input node name, consumer node name), for comparing with a known graph."""
        by_id = {n.id: n.name for n in self.nodes}
        return {(by_id[a], by_id[b]) for a, b in self.edges}


def _short_name(node: torch.autograd.graph.Node) -> str:
    return node.name().rsplit("::", 1)[-1]  # "torch::autograd::AccumulateGrad" -> "AccumulateGrad"


def _walk(root: torch.autograd.graph.Node) -> tuple[list[torch.autograd.graph.Node], list[tuple[int, int]]]:
    order: list[torch.autograd.graph.Node] = []
    index: dict[torch.autograd.graph.Node, int] = {}
    edges: list[tuple[int, int]] = []
    queue = [root]
    index[root] = 0
    order.append(root)
    while queue:
        node = queue.pop(0)
        for child, _ in node.next_functions:
            if child is None:  # an input that needs no gradient (data, targets)
                continue
            if child not in index:
                index[child] = len(order)
                order.append(child)
                queue.append(child)
            edges.append((index[child], index[node]))
    return order, edges


def trace_graph(root: torch.Tensor, named: Mapping[str, torch.Tensor], *, backward: bool = True) -> ComputationGraph:
    """Walk `root.grad_fn`, then (if `backward`) call `root.backward()` and record the gradient at each node.

    `named` maps display names to the leaves and intermediate tensors of the expression, so nodes
    can show forward values. `root` must be a scalar that requires grad; it is consumed by backward.
    """
    order, edges = _walk(root.grad_fn)
    labels: dict[int, tuple[str, torch.Tensor]] = {}
    for name, tensor in named.items():
        for i, node in enumerate(order):
            owner = getattr(node, "variable", None)
            if tensor.grad_fn is node or (tensor.grad_fn is None and owner is tensor):
                labels[i] = (name, tensor)
    grads: dict[int, torch.Tensor] = {}
    if backward:
        handles = []
        for i, node in enumerate(order):
            # grad_outputs[0] is d root / d (this node's output): the gradient flowing into the node
            handles.append(node.register_hook(lambda _, grad_out, i=i: grads.__setitem__(i, grad_out[0].detach())))
        root.backward()
        for handle in handles:
            handle.remove()
    nodes = tuple(
        GraphNode(
            id=f"n{i}",
            name=_short_name(node),
            label=labels[i][0] if i in labels else None,
            value=labels[i][1].detach().clone() if i in labels else None,
            grad=grads.get(i),
        )
        for i, node in enumerate(order)
    )
    return ComputationGraph(nodes=nodes, edges=tuple((f"n{a}", f"n{b}") for a, b in edges), root="n0")


@dataclass(frozen=True)
class JacobianResult:
    """A Jacobian (outputs x inputs) built by one automatic-differentiation mode, and what it cost."""

    mode: Mode
    jacobian: torch.Tensor
    passes: int
    seconds: float


def jacobian_by_mode(fn: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor, *, mode: Mode) -> JacobianResult:
    """d fn(x) / d x for a vector `x` and vector output, the same matrix as `torch.autograd.functional.jacobian`.

    Forward mode pushes one tangent e_j through `torch.func.jvp` per input and gets column j;
    reverse mode pulls one cotangent e_i back through `torch.func.vjp` per output and gets row i.
    """
    start = time.perf_counter()
    if mode == "forward":
        basis = torch.eye(x.numel(), dtype=x.dtype, device=x.device)
        columns = [torch.func.jvp(fn, (x,), (e,))[1] for e in basis]
        jacobian = torch.stack(columns, dim=1)
        passes = len(columns)
    else:
        y, pull = torch.func.vjp(fn, x)
        basis = torch.eye(y.numel(), dtype=y.dtype, device=y.device)
        rows = [pull(e)[0] for e in basis]
        jacobian = torch.stack(rows, dim=0)
        passes = len(rows)
    if jacobian.is_cuda:
        torch.cuda.synchronize()  # kernels run asynchronously; stop the clock when they are done
    return JacobianResult(mode=mode, jacobian=jacobian, passes=passes, seconds=time.perf_counter() - start)


def layer_function(
    inputs: int, outputs: int, *, seed: int = 0, device: str | None = None
) -> tuple[Callable[[torch.Tensor], torch.Tensor], torch.Tensor]:
    """f(x) = tanh(A x) with a seeded A (outputs x inputs), and a seeded x: a stand-in for a model."""
    n = int(check_number("inputs", inputs, low=1, high=2000, integer=True))
    m = int(check_number("outputs", outputs, low=1, high=2000, integer=True))
    dev = resolve_device(device)
    generator = torch.Generator().manual_seed(seed)
    a = torch.randn(m, n, generator=generator, dtype=torch.float64).to(dev, default_dtype(dev))
    x = torch.randn(n, generator=generator, dtype=torch.float64).to(dev, default_dtype(dev))
    return (lambda v: torch.tanh(a @ v)), x


@dataclass(frozen=True)
class ModeTiming:
    """Forward and reverse mode on one (inputs, outputs) shape: passes each needs and this machine's time."""

    inputs: int
    outputs: int
    forward_passes: int
    reverse_passes: int
    forward_seconds: float
    reverse_seconds: float
    agree: bool


def compare_modes(
    shapes: tuple[tuple[int, int], ...], *, repeats: int = 3, device: str | None = None
) -> tuple[ModeTiming, ...]:
    """`ModeTiming` for each (inputs, outputs) shape; times are the best of `repeats` runs."""
    rows = []
    for n, m in shapes:
        fn, x = layer_function(n, m, device=device)
        fwd = [jacobian_by_mode(fn, x, mode="forward") for _ in range(repeats)]
        rev = [jacobian_by_mode(fn, x, mode="reverse") for _ in range(repeats)]
        rows.append(
            ModeTiming(
                inputs=n,
                outputs=m,
                forward_passes=fwd[0].passes,
                reverse_passes=rev[0].passes,
                forward_seconds=min(r.seconds for r in fwd),
                reverse_seconds=min(r.seconds for r in rev),
                agree=bool(torch.allclose(fwd[0].jacobian, rev[0].jacobian)),
            )
        )
    return tuple(rows)
