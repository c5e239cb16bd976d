"""Three small expressions built from editable numbers (never from user code), the chain rule read off
each, what the optimizer sees of their gradients, and a plain-PyTorch script that reproduces them.

- linear: ŷ = X wᵀ + b (as `nn.Linear(2, 1)`), L = MSE(ŷ, y)   -> MseLossBackward0 <- AddmmBackward0
- chain:  y = f(g(x)) for a scalar x                          -> e.g. SinBackward0 <- PowBackward0
- softmax_ce: L = cross_entropy(z, target) for 3 logits       -> NllLossBackward0 <- LogSoftmaxBackward0
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import torch
import torch.nn.functional as F

from core.autograd import ComputationGraph, trace_graph
from core.device import default_dtype, resolve_device
from core.errors import InputError, check_finite, check_number

ScalarFn = Literal["square", "sin", "exp", "tanh", "sigmoid"]

# name -> (forward, derivative, LaTeX of f(u), LaTeX of f'(u)); each rule sits next to its derivative
SCALAR_FNS: dict[str, tuple[Callable, Callable, str, str]] = {
    "square": (lambda u: u**2, lambda u: 2 * u, "{u}^2", "2({u})"),
    "sin": (torch.sin, torch.cos, r"\sin({u})", r"\cos({u})"),
    "exp": (torch.exp, torch.exp, "e^{{{u}}}", "e^{{{u}}}"),
    "tanh": (torch.tanh, lambda u: 1 - torch.tanh(u) ** 2, r"\tanh({u})", r"1-\tanh^2({u})"),
    "sigmoid": (
        torch.sigmoid,
        lambda u: torch.sigmoid(u) * (1 - torch.sigmoid(u)),
        r"\sigma({u})",
        r"\sigma({u})(1-\sigma({u}))",
    ),
}
_SCRIPT_FNS = {
    "square": "{u} ** 2",
    "sin": "torch.sin({u})",
    "exp": "torch.exp({u})",
    "tanh": "torch.tanh({u})",
    "sigmoid": "torch.sigmoid({u})",
}


@dataclass(frozen=True)
class LinearInputs:
    """Three samples with two features, their targets, and the weight (1x2) and bias of `nn.Linear(2, 1)`."""

    X: tuple[tuple[float, float], ...] = ((1.0, 2.0), (2.0, 0.0), (0.0, 1.0))
    y: tuple[float, ...] = (3.0, 2.0, 1.0)
    w: tuple[float, float] = (0.5, -0.5)
    b: float = 0.0


@dataclass(frozen=True)
class ChainInputs:
    """A scalar x and the two functions of y = f(g(x))."""

    x: float = 0.5
    g: ScalarFn = "square"
    f: ScalarFn = "sin"


@dataclass(frozen=True)
class SoftmaxInputs:
    """Three logits of one example and its true class (0, 1 or 2)."""

    logits: tuple[float, float, float] = (2.0, 1.0, 0.1)
    target: int = 0


Inputs = LinearInputs | ChainInputs | SoftmaxInputs


@dataclass(frozen=True)
class Expression:
    """A built expression: the scalar `loss`, its named tensors, the leaves that require grad (`params`),
    and the intermediate `middle` through which the chain rule for `wrt` is written."""

    loss: torch.Tensor
    named: dict[str, torch.Tensor]
    params: tuple[str, ...]
    middle: str
    wrt: str


def _numbers(name: str, values) -> list[float]:
    return [check_number(f"{name}[{i}]", v) for i, v in enumerate(values)]


def build_expression(inputs: Inputs, *, device: str | None = None) -> Expression:
    """The preset's forward pass on fresh leaves (float64 where the device has it)."""
    dev = resolve_device(device)
    opts = dict(dtype=default_dtype(dev), device=dev)
    if isinstance(inputs, LinearInputs):
        X = torch.tensor([_numbers(f"X[{i}]", row) for i, row in enumerate(inputs.X)], **opts)
        y = torch.tensor(_numbers("y", inputs.y), **opts).reshape(-1, 1)
        w = torch.tensor([_numbers("w", inputs.w)], **opts, requires_grad=True)
        b = torch.tensor([check_number("b", inputs.b)], **opts, requires_grad=True)
        y_hat = F.linear(X, w, b)  # X @ w.T + b, what nn.Linear computes: one AddmmBackward0 node
        loss = F.mse_loss(y_hat, y)
        named, middle, wrt = {"w": w, "b": b, "ŷ": y_hat, "L": loss}, "ŷ", "w"
    elif isinstance(inputs, ChainInputs):
        for fn in (inputs.g, inputs.f):
            if fn not in SCALAR_FNS:
                raise InputError(
                    f"unknown function {fn!r}; choose one of {list(SCALAR_FNS)}", code="autograd_unknown", name=fn
                )
        x = torch.tensor(check_number("x", inputs.x), **opts, requires_grad=True)
        g = SCALAR_FNS[inputs.g][0](x)
        loss = SCALAR_FNS[inputs.f][0](g)
        named, middle, wrt = {"x": x, "g": g, "y": loss}, "g", "x"
    else:
        z = torch.tensor([_numbers("z", inputs.logits)], **opts, requires_grad=True)
        target = int(check_number("target", inputs.target, low=0, high=z.shape[1] - 1, integer=True))
        log_p = F.log_softmax(z, dim=1)
        loss = F.nll_loss(log_p, torch.tensor([target], device=dev))  # = F.cross_entropy(z, target)
        named, middle, wrt = {"z": z, "log p": log_p, "L": loss}, "log p", "z"
    check_finite("loss", loss.detach().reshape(1))
    return Expression(loss=loss, named=named, params=params_of(inputs), middle=middle, wrt=wrt)


def preset_graph(inputs: Inputs, *, backward: bool = True, device: str | None = None) -> ComputationGraph:
    """The preset's `grad_fn` graph with forward values, and (if `backward`) the gradient at every node."""
    expr = build_expression(inputs, device=device)
    return trace_graph(expr.loss, expr.named, backward=backward)


@dataclass(frozen=True)
class ChainRule:
    """∂L/∂θ = ∂L/∂u · ∂u/∂θ for the intermediate u = `middle` and θ = `wrt`, next to autograd's answer."""

    middle: str
    wrt: str
    outer: torch.Tensor  # ∂L/∂u, shaped like u
    inner: torch.Tensor  # ∂u/∂θ, (u.numel(), θ.numel())
    product: torch.Tensor  # shaped like θ
    autograd: torch.Tensor  # θ.grad after loss.backward()


def chain_rule(inputs: Inputs, *, device: str | None = None) -> ChainRule:
    """Each factor of the chain rule computed separately with `torch.autograd.grad`, then multiplied."""
    expr = build_expression(inputs, device=device)
    u, theta = expr.named[expr.middle], expr.named[expr.wrt]
    outer = torch.autograd.grad(expr.loss, u, retain_graph=True)[0]
    rows = [torch.autograd.grad(ui, theta, retain_graph=True)[0].reshape(-1) for ui in u.reshape(-1)]
    inner = torch.stack(rows)
    product = (outer.reshape(1, -1) @ inner).reshape(theta.shape)
    expr.loss.backward()
    return ChainRule(expr.middle, expr.wrt, outer.detach(), inner.detach(), product.detach(), theta.grad.detach())


@dataclass(frozen=True)
class OptimizerTrace:
    """What `optim.SGD(given, lr)` sees: each parameter's value and `.grad` before backward,
    after `loss.backward()`, and after `optimizer.step()` (which subtracts lr · p.grad from the
    parameters in `given` only: `backward()` fills every `.grad`, the optimizer updates what it holds)."""

    names: tuple[str, ...]
    given: tuple[str, ...]
    lr: float
    value_before: tuple[torch.Tensor, ...]
    grad_before: tuple[torch.Tensor | None, ...]
    grad_after_backward: tuple[torch.Tensor, ...]
    value_after_step: tuple[torch.Tensor, ...]

    @property
    def code(self) -> str:
        """The optimizer's step as the page shows it, to run after `forward_code` of the same inputs."""
        return (
            f"optimizer = torch.optim.SGD([{', '.join(self.given)}], lr={float(self.lr)!r})\n"
            "optimizer.zero_grad()\n"
            f"print({', '.join(f'{n}.grad' for n in self.names)})  # {' '.join('None' for _ in self.names)}\n"
            "loss.backward()\n"
            + _print_lines(self.names, ".grad")
            + "optimizer.step()\n"
            + _print_lines(self.names, "")
        )


def optimizer_trace(
    inputs: Inputs, *, lr: float = 0.1, given: tuple[str, ...] | None = None, device: str | None = None
) -> OptimizerTrace:
    """One `zero_grad()`, `backward()`, `step()` of `torch.optim.SGD(given, lr)`; `given` defaults to all
    of the preset's parameters, as `model.parameters()` would."""
    lr = check_number("lr", lr, low=0, low_open=True, high=10)
    expr = build_expression(inputs, device=device)
    given = expr.params if given is None else given
    unknown = [name for name in given if name not in expr.params]
    if unknown or not given:
        raise InputError(
            f"the optimizer needs some of {list(expr.params)}, got {list(given)}", code="autograd_unknown", name=given
        )
    params = [expr.named[n] for n in expr.params]
    optimizer = torch.optim.SGD([expr.named[n] for n in given], lr=lr)
    optimizer.zero_grad()  # set_to_none=True by default: .grad is None until backward
    value_before = tuple(p.detach().clone() for p in params)
    grad_before = tuple(None if p.grad is None else p.grad.clone() for p in params)
    expr.loss.backward()
    grad_after = tuple(p.grad.clone() for p in params)
    optimizer.step()
    value_after = tuple(p.detach().clone() for p in params)
    return OptimizerTrace(expr.params, tuple(given), lr, value_before, grad_before, grad_after, value_after)


def _print_lines(names: tuple[str, ...], attribute: str) -> str:
    """One `print` per tensor, its entries rounded to 6 decimals: the same text on every machine."""
    return "".join(
        f'print("{n}{attribute} =", [round(v, 6) for v in {n}{attribute}.flatten().tolist()])\n' for n in names
    )


def forward_code(inputs: Inputs) -> str:
    """Plain PyTorch (torch only) that builds the preset's expression: leaves, forward pass, `loss`."""
    head = "import torch\nimport torch.nn.functional as F\n\nopts = dict(dtype=torch.float64)\n"
    if isinstance(inputs, LinearInputs):
        body = (
            f"X = torch.tensor({[[float(v) for v in r] for r in inputs.X]}, **opts)\n"
            f"y = torch.tensor({[float(v) for v in inputs.y]}, **opts).reshape(-1, 1)\n"
            f"w = torch.tensor([{[float(v) for v in inputs.w]}], **opts, requires_grad=True)"
            "  # nn.Linear(2, 1).weight\n"
            f"b = torch.tensor([{float(inputs.b)!r}], **opts, requires_grad=True)  # nn.Linear(2, 1).bias\n"
            "y_hat = F.linear(X, w, b)  # X @ w.T + b\n"
            "loss = F.mse_loss(y_hat, y)\n"
        )
    elif isinstance(inputs, ChainInputs):
        body = (
            f"x = torch.tensor({float(inputs.x)!r}, **opts, requires_grad=True)\n"
            f"g = {_SCRIPT_FNS[inputs.g].format(u='x')}\n"
            f"loss = {_SCRIPT_FNS[inputs.f].format(u='g')}  # y = f(g(x))\n"
        )
    else:
        body = (
            f"z = torch.tensor([{[float(v) for v in inputs.logits]}], **opts, requires_grad=True)\n"
            f"loss = F.cross_entropy(z, torch.tensor([{int(inputs.target)}]))  # log_softmax, then nll_loss\n"
        )
    return head + body


def params_of(inputs: Inputs) -> tuple[str, ...]:
    """The names of the preset's leaves that require grad, in the order the page lists them."""
    if isinstance(inputs, LinearInputs):
        return ("w", "b")
    return ("x",) if isinstance(inputs, ChainInputs) else ("z",)


WALK = (
    "def walk(node, depth=0):  # the graph backward() will walk, from the loss to the leaves\n"
    "    print('  ' * depth + node.name())\n"
    "    for child, _ in node.next_functions:\n"
    "        if child is not None:  # None: an input that needs no gradient (data, targets)\n"
    "            walk(child, depth + 1)\n"
    "\n"
    "walk(loss.grad_fn)\n"
)


def graph_code(inputs: Inputs, graph: ComputationGraph, *, backward: bool) -> str:
    """`forward_code`, then a walk of `loss.grad_fn` that prints the node names of `graph` (the graph of
    the same inputs; its output is written below as comments), then (if `backward`) `loss.backward()`."""
    children: dict[str, list[str]] = {}
    for a, b in graph.edges:
        children.setdefault(b, []).append(a)
    names = {n.id: n.name for n in graph.nodes}
    lines: list[str] = []

    def tree(node: str, depth: int) -> None:
        name = names[node]
        lines.append("# " + "  " * depth + ("torch::autograd::" + name if name == "AccumulateGrad" else name))
        for child in children.get(node, []):
            tree(child, depth + 1)

    tree(graph.root, 0)
    code = forward_code(inputs) + "\n" + WALK + "\n".join(lines) + "\n"
    if backward:
        code += "\nloss.backward()\n" + _print_lines(params_of(inputs), ".grad")
    return code


def pytorch_script(inputs: Inputs) -> str:
    """A self-contained script (torch only) that builds the same expression and prints each gradient."""
    return (
        forward_code(inputs)
        + 'print("loss =", round(loss.item(), 6))\nloss.backward()\n'
        + _print_lines(params_of(inputs), ".grad")
    )
