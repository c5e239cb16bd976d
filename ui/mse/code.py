"""The Python blocks of the MSE page, built from the live values (pure: no streamlit calls).

Each view runs its blocks in page order in a fresh interpreter (tests/app/test_code_blocks.py): the
block above the tabs (`setup`) creates torch, X, Y and `loss`; each tab's blocks build on it. Values in
`# comments` are the ones the page computed with real PyTorch; comments are in the page's language.
"""

from __future__ import annotations

from core.mse import BackwardDemo, LegacyCall, pytorch_call
from ui.i18n import translate
from ui.numbers import num

Matrix = list[list[float]]
ONE_LINE = 88  # characters: a longer tensor literal is written one row per line


def tensor_literal(values: Matrix) -> str:
    """`values` as Python source that reads back exactly (repr of each float)."""
    flat = repr(values)
    if len(flat) <= ONE_LINE:
        return flat
    return "[\n" + "".join(f"        {row!r},\n" for row in values) + "    ]"


def _raises(error: str, lang: str) -> str:
    """The comment announcing an error: its exception and the start of PyTorch's message (ui/code.py)."""
    return f"# {translate('mse.code.raises', lang)} RuntimeError: {error.split(' (')[0]}"


def setup(x: Matrix, y: Matrix, reduction: str) -> str:
    """The block above the tabs: X (requires_grad) and Y as the page has them, and the loss."""
    return "\n".join(
        [
            "import torch",
            "",
            f"X = torch.tensor({tensor_literal(x)}, dtype=torch.float64, requires_grad=True)",
            f"Y = torch.tensor({tensor_literal(y)}, dtype=torch.float64)",
            pytorch_call(reduction),
        ]
    )


def gradient(reduction: str, backward_error: str | None, lang: str) -> list[str]:
    """`loss.backward()`, or for a matrix-valued 'none' loss the error it raises and the way out."""
    if reduction != "none":
        return ["loss.backward()\nX.grad"]
    if backward_error is None:
        return [f"loss.backward()  # {translate('mse.code.one_element', lang)}\nX.grad"]
    return [
        f"loss.backward()  {_raises(backward_error, lang)}",
        f"loss.backward(gradient=torch.ones_like(loss))  # {translate('mse.code.same_as_sum', lang)}\n"
        f"X.grad  # {translate('mse.code.grad_of_sum', lang)}",
    ]


def switching(lr: float, nd: int, max_step_diff: float, lang: str) -> str:
    """Both gradients from autograd, and one SGD step with each (the 'sum' one with lr / (n·d))."""
    return "\n".join(
        [
            f"lr = {lr!r}",
            "(grad_mean,) = torch.autograd.grad(torch.nn.MSELoss(reduction='mean')(X, Y), [X])",
            "(grad_sum,) = torch.autograd.grad(torch.nn.MSELoss(reduction='sum')(X, Y), [X])",
            "step_mean = X.detach() - lr * grad_mean",
            f"step_sum = X.detach() - lr / X.numel() * grad_sum  # X.numel() = n·d = {nd}",
            f"(step_mean - step_sum).abs().max()  # {num(max_step_diff)}",
        ]
    )


def _value(value: float | None) -> str:
    """A value for a `# comment`, or nothing while quiz mode hides the results."""
    return "" if value is None else f"{num(value)}: "


def per_row(value: float | None, lang: str) -> str:
    """Seed 002's `sum / batch size` idiom, on this page's X and Y."""
    return (
        "per_row = torch.nn.MSELoss(reduction='sum')(X, Y) / X.size(0)"
        f"  # {_value(value)}{translate('mse.code.per_row', lang)}"
    )


def norms(values: tuple[float, float, float] | None, lang: str) -> str:
    """The norms of the tab, each named: the flattened 2-norm is the Frobenius norm, not the spectral one.
    `values`: (squared Frobenius norm, Frobenius norm, spectral norm), None in quiz mode."""
    squared, frobenius, spectral = values or (None, None, None)
    return "\n".join(
        [
            "D = (X - Y).detach()",
            f"torch.norm(D, 2) ** 2  # {_value(squared)}{translate('mse.code.norm_sq', lang)}",
            f"torch.linalg.vector_norm(D)  # {_value(frobenius)}{translate('mse.code.vector_norm', lang)}",
            f"torch.linalg.matrix_norm(D, ord='fro')  # {_value(frobenius)}{translate('mse.code.fro', lang)}",
            f"torch.linalg.matrix_norm(D, ord=2)  # {_value(spectral)}{translate('mse.code.spectral', lang)}",
        ]
    )


NUMPY_MSE = """import numpy as np

def mse_loss(y_true, y_pred, axis=None):
    diff = y_true - y_pred
    sq_diff = np.square(diff)
    return np.mean(sq_diff, axis=axis)"""


def numpy_use(values: tuple[float, list[float]] | None) -> str:
    """Seed 002's NumPy function applied to this page's X and Y; `values` (all, per column) as comments."""
    lines = [
        "y_true, y_pred = Y.numpy(), X.detach().numpy()",
        "mse_loss(y_true, y_pred)",
        "mse_loss(y_true, y_pred, axis=0)",
    ]
    if values is not None:
        lines[1] += f"  # {num(values[0])}"
        lines[2] += "  # [" + ", ".join(num(v) for v in values[1]) + "]"
    return "\n".join(lines)


def autograd_intro(backward_error: str | None, lang: str) -> list[str]:
    """For 'none': `autograd.grad` on the matrix loss raises as `backward()` does; the tab then uses 'mean'."""
    blocks = [f"torch.autograd.grad(loss, [X])  {_raises(backward_error, lang)}"] if backward_error else []
    return [*blocks, f"loss = torch.nn.MSELoss(reduction='mean')(X, Y)  # {translate('mse.code.scalar', lang)}"]


def autograd_grad(demo: BackwardDemo, lang: str) -> str:
    """`torch.autograd.grad`: a tuple back, `.grad` untouched; the graph kept for the backward() that follows."""
    return "\n".join(
        [
            f"grads = torch.autograd.grad(loss, [X], retain_graph=True)  # {translate('mse.code.keep_graph', lang)}",
            f"type(grads).__name__, len(grads)  # ('{type(demo.autograd_grad).__name__}', {len(demo.autograd_grad)})",
            f"X.grad  # {demo.grad_attr_after_autograd_grad}",
        ]
    )


def backward_once(lang: str) -> str:
    return f"loss.backward(retain_graph=True)  # {translate('mse.code.keep_graph_once', lang)}\nX.grad"


def backward_twice(lang: str) -> str:
    second, doubled = translate("mse.code.second_backward", lang), translate("mse.code.doubled", lang)
    return f"loss.backward()  # {second}\nX.grad  # {doubled}"


def backward_freed(demo: BackwardDemo, lang: str) -> str:
    return f"loss.backward()  {_raises(demo.freed_graph_error, lang)}"


def fresh_forward(reduction: str, lang: str) -> str:
    """What a training step does instead: clear `.grad`, a new forward pass (a new graph), one backward()."""
    return "\n".join(
        [
            f"X.grad = None  # {translate('mse.code.zero_grad', lang)}",
            f"{pytorch_call(reduction)}  # {translate('mse.code.fresh_forward', lang)}",
            "loss.backward()",
            f"X.grad  # {translate('mse.code.once_again', lang)}",
        ]
    )


def legacy(size_average: str, reduce: str, reduction: str, call: LegacyCall, loss_text: str | None, lang: str) -> str:
    """`nn.MSELoss` built with the chosen flags and `reduction=`: what it really uses, and PyTorch's warning."""
    note = translate("mse.code.flags_win" if call.warning else "mse.code.no_flags", lang, reduction=reduction)
    flags = "".join(
        f"{name}={value}, " for name, value in (("size_average", size_average), ("reduce", reduce)) if value != "None"
    )
    lines = [f"loss_fn = torch.nn.MSELoss({flags}reduction={reduction!r})"]
    if call.warning:
        lines.append(f"# UserWarning: {call.warning}")
    lines.append(f"loss_fn.reduction  # {call.reduction!r}: {note}")
    lines.append("loss_fn(X, Y)" + ("" if loss_text is None else f"  # {loss_text}"))
    return "\n".join(lines)
