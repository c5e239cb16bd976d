"""The optimizers page's largest run: `train` with each of the six optimizers (full step history and state)
against six bare `torch.optim` loops doing the same steps, measured in the same run (target ≤ 1.2× in all).

The bare loop: randperm + slicing, `F.mse_loss`, `backward`, `optimizer.zero_grad()` and `step()` of the
torch.optim class itself, no history.
"""

from __future__ import annotations

import argparse
import time

import torch
from common import print_table
from torch.nn import functional as F

from core.config import OPTIMIZERS
from core.device import default_dtype, resolve_device
from core.optimizers import torch_optimizer
from core.regression import TrainConfig, synthetic_data, train

RACERS = [name for name in OPTIMIZERS if name != "manual"]
LARGEST = dict(batch_size=20, epochs=10)  # 200,000 samples: 100,000 steps, the page's limit


def bare_loop(X: torch.Tensor, y: torch.Tensor, config: TrainConfig) -> None:
    w = torch.zeros(X.shape[1], 1, dtype=X.dtype, device=X.device, requires_grad=True)
    b = torch.zeros(1, dtype=X.dtype, device=X.device, requires_grad=True)
    optimizer = torch_optimizer(config, [w, b])
    generator = torch.Generator().manual_seed(config.seed)
    n = X.shape[0]
    for _ in range(config.epochs):
        order = torch.randperm(n, generator=generator).to(X.device)
        for start in range(0, n, config.batch_size):
            index = order[start : start + config.batch_size]
            loss = F.mse_loss(X[index] @ w + b, y[index])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()


def _seconds(fn, device: torch.device) -> float:
    if device.type == "cuda":
        torch.cuda.synchronize()
    start = time.perf_counter()
    fn()
    if device.type == "cuda":
        torch.cuda.synchronize()
    return time.perf_counter() - start


def _best_pair(bare, ours, device: torch.device, repeats: int) -> tuple[float, float]:
    """The best of `repeats` of each, taken in turns, so that a busy moment of the machine hits both alike."""
    times = [(_seconds(bare, device), _seconds(ours, device)) for _ in range(repeats)]
    return min(t for t, _ in times), min(t for _, t in times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--n", type=int, default=200_000, help="samples (200,000 is the page's limit)")
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args(argv)
    device = resolve_device(args.device)
    X, y = synthetic_data(torch.linspace(-1, 1, 20), 0.5, args.n, seed=0)
    X, y = X.to(device, default_dtype(device)), y.to(device, default_dtype(device))
    rows, total_train, total_bare = [], 0.0, 0.0
    for name in RACERS:
        config = TrainConfig(lr=0.001, optimizer=name, loss="mean", device=device.type, **LARGEST)
        t_bare, t_train = _best_pair(
            lambda c=config: bare_loop(X, y.reshape(-1, 1), c), lambda c=config: train(X, y, c), device, args.repeats
        )
        total_train, total_bare = total_train + t_train, total_bare + t_bare
        rows.append({
            "optimizer": name, "bare torch.optim loop (s)": f"{t_bare:.1f}",
            "train, full history (s)": f"{t_train:.1f}", "ratio": f"{t_train / t_bare:.2f}",
        })  # fmt: skip
    verdict = "met" if total_train <= 1.2 * total_bare else "MISSED"
    rows.append({
        "optimizer": "all six", "bare torch.optim loop (s)": f"{total_bare:.1f}",
        "train, full history (s)": f"{total_train:.1f}", "ratio": f"{total_train / total_bare:.2f} (≤ 1.2: {verdict})",
    })  # fmt: skip
    steps = LARGEST["epochs"] * -(-args.n // LARGEST["batch_size"])
    print_table(
        f"Six optimizers, n={args.n:,} d=20 batch {LARGEST['batch_size']} × {LARGEST['epochs']} epochs "
        f"({steps:,} steps each, {device.type}, {torch.get_num_threads()} threads)",
        rows,
    )


if __name__ == "__main__":
    main()
