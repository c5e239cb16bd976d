"""A run of `core.classification.train_classifier` written as the plain PyTorch a tutorial would use
(`to_pytorch_script` in core/export.py hands a `ClassifierConfig` here)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from core.classification import RADIUS
from core.errors import InputError
from core.optimizers import torch_call
from core.table import embedded_rows

if TYPE_CHECKING:
    from core.classification import ClassifierConfig


def _data_code(dataset: Mapping[str, Any]) -> list[str]:
    kind = dataset.get("kind")
    if kind == "blobs":
        n, classes = int(dataset["n"]), int(dataset["classes"])
        spread, seed = float(dataset["spread"]), int(dataset["seed"])
        return [
            f"# Loss Lab's blobs: {classes} centres evenly on a circle of radius {RADIUS:g},",
            f"# point i in class i % {classes}, each coordinate ~ N(centre, spread²),",
            "# float32 like a typical dataset",
            f"n, classes, spread = {n}, {classes}, {spread!r}",
            "angles = 2 * math.pi * torch.arange(classes) / classes",
            f"centres = {RADIUS!r} * torch.stack([torch.cos(angles), torch.sin(angles)], dim=1)",
            "labels = torch.arange(n) % classes",
            f"data_gen = torch.Generator().manual_seed({seed})",
            "features = centres[labels] + spread * torch.randn(n, 2, generator=data_gen)",
        ]
    if kind == "table":
        X, y = dataset["X"], dataset["y"]
        rows = embedded_rows(X)
        return [
            "# your table, written out (float32 features, int64 labels)",
            f"features = torch.tensor([\n    {rows},\n])",
            "labels = torch.tensor([",
            *(f"    {', '.join(str(int(v)) for v in y[i : i + 25])}," for i in range(0, len(y), 25)),
            "])",
        ]
    raise InputError(
        f"dataset kind must be blobs or table, got {kind!r}",
        code="unknown_option",
        name="dataset",
        value=kind,
        allowed="blobs, table",
    )


def classifier_script(config: ClassifierConfig, dataset: Mapping[str, Any]) -> str:
    """A self-contained script reproducing `train_classifier`'s run: `nn.Linear` from zero, `nn.CrossEntropyLoss`,
    the `torch.optim` call (or, for "manual", the same SGD update written out), a `DataLoader` with the run's seed.
    It prints the loss and accuracy every tenth of the run and the final W and b with 6 decimals."""
    loss_arguments = [f'reduction="{config.reduction}"'] if config.reduction != "mean" else []
    if config.label_smoothing:
        loss_arguments.append(f"label_smoothing={config.label_smoothing!r}")
    lines = [
        '"""Softmax regression trained with cross-entropy, in plain PyTorch (from Loss Lab)."""',
        "",
        "import math",
        "",
        "import torch",
        "from torch import nn",
        "from torch.utils.data import DataLoader, TensorDataset",
        "",
        *_data_code(dataset),
        "",
        "classes = int(labels.max()) + 1  # K = the largest label + 1",
        "net = nn.Linear(features.shape[1], classes)",
        "with torch.no_grad():  # from zero, not from nn.Linear's random init",
        "    net.weight.zero_()",
        "    net.bias.zero_()",
        f"loss_fn = nn.CrossEntropyLoss({', '.join(loss_arguments)})",
    ]
    if config.optimizer == "manual":
        lines += [f"lr, weight_decay = {config.lr!r}, {config.weight_decay!r}"]
    else:
        call = torch_call(config.train_config)
        head, arguments = call.split("(", 1)
        lines += [f"trainer = {call}"] if len(call) <= 70 else [f"trainer = {head}(", f"    {arguments[:-1]},", ")"]
    every = max(1, config.epochs // 10)
    lines += [
        "",
        "# the DataLoader decides the batches; its seeded generator makes them reproducible",
        "loader = DataLoader(",
        f"    TensorDataset(features, labels), batch_size={config.batch_size}, shuffle={config.shuffle},",
        f"    generator=torch.Generator().manual_seed({config.seed}),",
        ")",
        "",
        f"for epoch in range({config.epochs}):",
        "    for X, y in loader:",
        "        l = loss_fn(net(X), y)",
    ]
    if config.optimizer == "manual":
        lines += [
            "        net.zero_grad()",
            "        l.backward()",
            "        # optim.SGD's update, written out: θ ← θ − lr·(grad + weight_decay·θ)",
            "        with torch.no_grad():",
            "            for p in net.parameters():",
            "                p -= lr * (p.grad + weight_decay * p)",
        ]
    else:
        lines += ["        trainer.zero_grad()", "        l.backward()", "        trainer.step()"]
    report = [
        "with torch.no_grad():",
        "    logits = net(features)",
        "    accuracy = (logits.argmax(dim=1) == labels).float().mean()",
        "    loss = loss_fn(logits, labels).item()",
        "    print(f'epoch {epoch + 1}, loss {loss:.6f}, accuracy {accuracy.item():.4f}')",
    ]
    if every == 1:
        lines += ["    " + line for line in report]
    else:
        lines += [f"    if (epoch + 1) % {every} == 0 or epoch + 1 == {config.epochs}:"]
        lines += ["        " + line for line in report]
    lines += [
        "",
        "for k, (w, b) in enumerate(zip(net.weight.tolist(), net.bias.tolist())):",
        "    print(f'W[{k}]:', ' '.join(f'{v:.6f}' for v in w), f' b[{k}]: {b:.6f}')",
    ]
    return "\n".join(lines) + "\n"
