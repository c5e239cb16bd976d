"""`to_pytorch_script`: a run of `core.training.train` written as the plain PyTorch a tutorial would use."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from core.classification import ClassifierConfig
from core.errors import InputError
from core.export_classifier import classifier_script
from core.optimizers import torch_arguments, torch_call
from core.table import embedded_rows

if TYPE_CHECKING:
    from core.config import TrainConfig


_LOSS_CODE = {  # (the loss module, one batch's loss, the full-data loss)
    "mean": ("nn.MSELoss()", "loss_fn(net(X), y)", "loss_fn(net(features), labels)"),
    "sum": ('nn.MSELoss(reduction="sum")', "loss_fn(net(X), y)", "loss_fn(net(features), labels)"),
    "sum_over_batch": (
        'nn.MSELoss(reduction="sum")',
        "loss_fn(net(X), y) / len(y)  # seed 000: the sum divided by the batch size",
        "loss_fn(net(features), labels) / len(labels)",
    ),
    "half_mean": (
        None,
        "squared_loss(net(X), y).sum() / len(y)  # d2l divides in sgd; optim.SGD cannot, so the 1/B is here",
        "squared_loss(net(features), labels).mean()",
    ),
}
_D2L_LOSS = [
    "",
    "",
    "def squared_loss(y_hat, y):  # d2l",
    "    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2",
    "",
    "",
]
_STANDARDIZE = [
    "# standardise each feature column: (x - mean) / std, as Loss Lab did (a constant column becomes 0)",
    "constant = features.amax(dim=0) == features.amin(dim=0)",
    "mean = torch.where(constant, features[0], features.mean(dim=0))",
    "scale = torch.where(constant, torch.ones_like(mean), features.std(dim=0, correction=0))",
    "features = (features - mean) / scale",
]


def _floats(values: Any) -> str:
    return "[" + ", ".join(repr(float(v)) for v in values) + "]"


def _n_samples(dataset: Mapping[str, Any]) -> int:
    return {"toy": 6, "synthetic": int(dataset.get("n", 0)), "table": len(dataset.get("X", ()))}.get(
        dataset.get("kind"), 0
    )


def _data_code(dataset: Mapping[str, Any]) -> list[str]:
    kind = dataset.get("kind")
    if kind == "toy":
        return [
            "# seed 000's six samples",
            "features = torch.tensor([[1.0, 2.0], [4.0, 2.0], [8.0, 1.0], [0.0, 1.0], [3.0, 8.0], [1.0, 3.0]])",
            "labels = torch.tensor([[1.0], [6.0], [2.0], [7.0], [1.0], [3.0]])",
        ]
    if kind == "synthetic":
        w, n, seed = list(dataset["w"]), int(dataset["n"]), int(dataset.get("seed", 0))
        return [
            "# d2l's synthetic_data: X ~ N(0, 1), y = Xw + b + N(0, noise²), drawn from one seeded generator",
            f"true_w = torch.tensor({_floats(w)})",
            f"true_b = {float(dataset['b'])!r}",
            f"data_gen = torch.Generator().manual_seed({seed})",
            f"features = torch.normal(0.0, 1.0, size=({n}, {len(w)}), generator=data_gen)",
            f"noise = torch.normal(0.0, {float(dataset.get('noise', 0.01))!r}, size=({n},), generator=data_gen)",
            "labels = (features @ true_w + true_b + noise).reshape(-1, 1)",
        ]
    if kind == "table":
        X, y = dataset["X"], dataset["y"]
        rows = embedded_rows(X)
        return [
            "# your table, written out",
            f"features = torch.tensor([\n    {rows},\n])",
            f"labels = torch.tensor({_floats(y)}).reshape(-1, 1)",
        ]
    raise InputError(
        f"dataset kind must be toy, synthetic or table, got {kind!r}",
        code="unknown_option",
        name="dataset",
        value=kind,
        allowed="toy, synthetic, table",
    )


def _scale_code(dataset: Mapping[str, Any]) -> list[str]:
    """`dataset["scale"]` (optional, one factor per feature): the columns multiplied, as a Loss Lab lesson did."""
    if not dataset.get("scale"):
        return []
    return [
        "# each feature column multiplied by its factor, as Loss Lab's lesson did (one feature on another scale)",
        f"features = features * torch.tensor({_floats(dataset['scale'])})",
    ]


def to_pytorch_script(config: TrainConfig | ClassifierConfig, dataset: Mapping[str, Any]) -> str:
    """A self-contained script that reproduces `train`'s run: `nn.Linear`, a `DataLoader` with the run's seed,
    the run's loss (`nn.MSELoss` in its spelling, or d2l's `squared_loss`) and update (`optim.SGD`, or the
    same update written out: `p -= lr * p.grad`, and for 'half_mean' d2l's own `l.sum().backward()` and
    `p -= lr * p.grad / len(y)`, which is the same step).

    `dataset["scale"]` (optional): one factor per feature column, applied first.
    `dataset["standardize"]` (optional): standardise the features first, as `standardize` does; the
    script then also prints w and b in the original units. Running it prints the loss after each epoch and
    the final w and b with 6 decimals.

    A `ClassifierConfig` (softmax regression; `{"kind": "blobs", ...}` or `{"kind": "table", ...}` data) is
    written by `core.export_classifier.classifier_script`.
    """
    if isinstance(config, ClassifierConfig):
        return classifier_script(config, dataset)
    data_code = _data_code(dataset)
    n_samples = _n_samples(dataset)
    d2l = config.loss == "half_mean" and config.optimizer == "manual" and not config.weight_decay
    method = "SGD" if config.optimizer in ("torch_sgd", "manual") else f"torch.optim.{torch_arguments(config)[0]}"
    lines = [
        f'"""Linear regression by mini-batch {method} in plain PyTorch (exported from Loss Lab)."""',
        "",
        "import torch",
        "from torch import nn",
        "from torch.utils.data import DataLoader, TensorDataset",
        "",
        "torch.set_default_dtype(torch.float64)  # Loss Lab computes in float64",
        *(_D2L_LOSS if config.loss == "half_mean" else [""]),
        *data_code,
        *_scale_code(dataset),
        *(_STANDARDIZE if dataset.get("standardize") else []),
        "d = features.shape[1]",
        "",
        "net = nn.Linear(d, 1)",
        "with torch.no_grad():",
    ]
    if config.w0 is None:
        lines.append(
            f"    net.weight.normal_(0.0, 0.01, generator=torch.Generator().manual_seed({config.seed}))  # d2l"
        )
    else:
        lines.append(f"    net.weight.copy_(torch.tensor([{_floats(config.w0)}]))")
    lines.append(f"    net.bias.fill_({float(config.b0 or 0.0)!r})")
    loss_module, batch_loss, full_loss = _LOSS_CODE[config.loss]
    if loss_module:
        lines.append(f"loss_fn = {loss_module}")
    if config.optimizer == "torch_sgd" and not config.weight_decay:
        defaults = "# momentum, dampening, weight_decay: 0"
        lines.append(f"trainer = torch.optim.SGD(net.parameters(), lr={config.lr!r})  {defaults}")
    elif config.optimizer == "manual":
        lines.append(f"lr = {config.lr!r}")
        if config.weight_decay:
            lines.append(f"weight_decay = {config.weight_decay!r}")
    else:
        lines.append(f"trainer = {torch_call(config)}")
    shuffle = "True" if config.shuffle else "False"
    lines += [
        "",
        "# the DataLoader, not optim.SGD, decides the batches: its seeded generator makes the run reproducible",
        f"loader = DataLoader(TensorDataset(features, labels), batch_size={config.batch_size}, shuffle={shuffle},",
        f"                    generator=torch.Generator().manual_seed({config.seed}))",
    ]
    batches = "loader"
    if config.batch_order is not None:
        order = list(config.batch_order) + [i for i in range(n_samples) if i not in set(config.batch_order)]
        lines += [
            f"first_order = torch.tensor({order!r})  # the first epoch's order, as worked by hand",
            f"first_epoch = [(features[i], labels[i]) for i in first_order.split({config.batch_size})]",
        ]
        batches = "(first_epoch if epoch == 0 else loader)"
    lines += ["", f"for epoch in range({config.epochs}):", f"    for X, y in {batches}:"]
    if d2l:
        lines += [
            "        l = squared_loss(net(X), y)",
            "        net.zero_grad()",
            "        l.sum().backward()  # d2l: p.grad is the gradient of the sum, B times that of the mean",
            "        with torch.no_grad():  # d2l's sgd: the 1/B is in the update",
            "            for p in net.parameters():",
            "                p -= lr * p.grad / len(y)  # d2l writes batch_size: the same but for a shorter last batch",
        ]
    elif config.optimizer != "manual":
        lines += [f"        l = {batch_loss}", "        trainer.zero_grad()", "        l.backward()"]
        lines += ["        trainer.step()"]
    else:
        lines += [
            f"        l = {batch_loss}",
            "        net.zero_grad()",
            "        l.backward()",
            "        with torch.no_grad():  # the update optim.SGD does with its defaults, written out",
            "            for p in net.parameters():",
            f"                p -= lr * {'(p.grad + weight_decay * p)' if config.weight_decay else 'p.grad'}",
        ]
    lines += [
        "    with torch.no_grad():",
        f"        print(f'epoch {{epoch + 1}}, loss {{float({full_loss}):.6f}}')",
        "",
        "print('w:', ' '.join(f'{v:.6f}' for v in net.weight.detach().reshape(-1).tolist()))",
        "print('b:', f'{net.bias.item():.6f}')",
    ]
    if dataset.get("standardize"):
        lines += [
            "# the same model for the raw features: w_j / scale_j and b - sum(w_j * mean_j / scale_j)",
            "w_raw = net.weight.detach().reshape(-1) / scale",
            "print('w in the original units:', ' '.join(f'{v:.6f}' for v in w_raw.tolist()))",
            "print('b in the original units:', f'{(net.bias.detach() - w_raw @ mean).item():.6f}')",
        ]
    return "\n".join(lines) + "\n"
