"""`core.regression.train` (full step history) against plain PyTorch loops doing the same steps.

Baselines, measured in the same run, same data, same dtype and device:
- bare: randperm + slicing, `F.mse_loss`, `backward`, `optim.SGD.step`, no history (target ≤ 1.15×);
- concise: seed 003's loop with `DataLoader(TensorDataset)`, `nn.Linear`, `nn.MSELoss`, `optim.SGD`.
Also the largest configuration the page allows (100,000 steps), which must finish in ≤ 30 s here,
and n = 1,000,000 at full batch on the chosen device and on the CPU: seconds per epoch against the time
one GEMV takes to read X once there (the memory-bandwidth bound of a step, measured in the same run).
"""

from __future__ import annotations

import argparse
import time
from unittest import mock

import torch
from common import print_table
from torch import nn
from torch.nn import functional as F
from torch.utils.data import DataLoader, TensorDataset

from core.device import default_dtype, resolve_device
from core.regression import TrainConfig, synthetic_data, train

TRUE_W = [2.0, -3.4]
TRUE_B = 4.2


def _sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize()


def bare_loop(X, y, lr, batch_size, epochs, seed):
    w = torch.zeros(X.shape[1], 1, dtype=X.dtype, device=X.device, requires_grad=True)
    b = torch.zeros(1, dtype=X.dtype, device=X.device, requires_grad=True)
    optimizer = torch.optim.SGD([w, b], lr=lr)
    generator = torch.Generator().manual_seed(seed)
    n = X.shape[0]
    for _ in range(epochs):
        order = torch.randperm(n, generator=generator).to(X.device)
        for start in range(0, n, batch_size):
            index = order[start : start + batch_size]
            loss = F.mse_loss(X[index] @ w + b, y[index])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return w.detach(), b.detach()


def concise_loop(X, y, lr, batch_size, epochs, seed):
    loader = DataLoader(TensorDataset(X, y), batch_size, shuffle=True, generator=torch.Generator().manual_seed(seed))
    net = nn.Linear(X.shape[1], 1).to(device=X.device, dtype=X.dtype)
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    for _ in range(epochs):
        for xb, yb in loader:
            loss = loss_fn(net(xb), yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return net.weight.detach(), net.bias.detach()


def _best_of(fn, device, repeats=3) -> float:
    best = float("inf")
    for _ in range(repeats):
        _sync(device)
        start = time.perf_counter()
        fn()
        _sync(device)
        best = min(best, time.perf_counter() - start)
    return best


def bench(n: int, d: int, batch_size: int, epochs: int, device: torch.device, repeats: int = 3) -> list[dict]:
    w = (TRUE_W * d)[:d]
    X, y = synthetic_data(torch.tensor(w), TRUE_B, n, seed=0)
    X, y = X.to(device, default_dtype(device)), y.to(device, default_dtype(device))
    lr = 0.03
    rows = []
    label = (
        f"n={n:,} d={d} batch {batch_size} × {epochs} epochs ({epochs * -(-n // batch_size):,} steps, {device.type})"
    )
    t_bare = _best_of(lambda: bare_loop(X, y, lr, batch_size, epochs, 0), device, repeats)
    t_concise = _best_of(lambda: concise_loop(X, y, lr, batch_size, epochs, 0), device, repeats)
    rows.append({"config": label, "loop": "bare PyTorch (baseline)", "seconds": f"{t_bare:.3f}", "ratio": "1.00"})
    rows.append(
        {
            "config": label,
            "loop": "seed 003 concise (DataLoader)",
            "seconds": f"{t_concise:.3f}",
            "ratio": f"{t_concise / t_bare:.2f}",
        }
    )
    for optimizer in ("torch_sgd", "manual"):
        config = TrainConfig(
            lr=lr, batch_size=batch_size, epochs=epochs, loss="mean", optimizer=optimizer, device=device.type
        )
        seconds = _best_of(lambda config=config: train(X, y, config), device, repeats)
        rows.append(
            {
                "config": label,
                "loop": f"core.regression.train ({optimizer}), full history",
                "seconds": f"{seconds:.3f}",
                "ratio": f"{seconds / t_bare:.2f}",
            }
        )
    return rows


def bench_largest(device: torch.device) -> list[dict]:
    """The page's largest allowed run: 200,000 × 20 data, 100,000 steps (batch 20, 10 epochs)."""
    X, y = synthetic_data(torch.linspace(-1, 1, 20), 0.5, 200_000, seed=0)
    X, y = X.to(device, default_dtype(device)), y.to(device, default_dtype(device))
    rows = []
    for optimizer in ("torch_sgd", "manual"):
        config = TrainConfig(lr=0.01, batch_size=20, epochs=10, loss="mean", optimizer=optimizer, device=device.type)
        seconds = _best_of(lambda config=config: train(X, y, config), device, repeats=1)
        rows.append(
            {
                "config": "largest allowed: n=200,000 d=20 batch 20 × 10 epochs (100,000 steps)",
                "loop": f"train ({optimizer})",
                "seconds": f"{seconds:.1f}",
                "ratio": f"target ≤ 30 s: {'met' if seconds <= 30 else 'MISSED'}",
            }
        )
    return rows


FULL_BATCH_N = 1_000_000  # past the app's 200,000-row limit for public links, lifted for this benchmark only
FULL_BATCH_EPOCHS = 10  # full batch: one step an epoch


def _read_once_seconds(A: torch.Tensor, theta: torch.Tensor, device: torch.device) -> float:
    """The memory-bandwidth bound of a step, measured: one GEMV A @ θ reads A = [X, 1] once."""
    A @ theta  # warm-up
    return _best_of(lambda: A @ theta, device, repeats=20)


def bench_full_batch(device: torch.device) -> list[dict]:
    """n = 1,000,000, d = 2, full batch: seconds per epoch of `train` on `device` and on the CPU, against
    the time to read X once, the least any step can take (a step reads it at least twice: forward and
    backward)."""
    rows = []
    for dev in dict.fromkeys([device, torch.device("cpu")]):
        dtype = default_dtype(dev)
        generator = torch.Generator().manual_seed(0)
        X = torch.randn(FULL_BATCH_N, len(TRUE_W), generator=generator, dtype=torch.float64)
        noise = 0.01 * torch.randn(FULL_BATCH_N, generator=generator, dtype=torch.float64)
        y = X @ torch.tensor(TRUE_W, dtype=torch.float64) + TRUE_B + noise
        X, y = X.to(dev, dtype), y.to(dev, dtype)
        A = torch.cat([X, torch.ones(FULL_BATCH_N, 1, device=dev, dtype=dtype)], dim=1)
        theta = torch.zeros(A.shape[1], device=dev, dtype=dtype)
        bound = _read_once_seconds(A, theta, dev)
        label = f"n={FULL_BATCH_N:,} d=2 full batch × {FULL_BATCH_EPOCHS} epochs ({dev.type}, {dtype})"
        with mock.patch.multiple("core.config", MAX_ROWS=FULL_BATCH_N):
            for optimizer in ("torch_sgd", "manual"):
                config = TrainConfig(
                    lr=0.5, batch_size=FULL_BATCH_N, epochs=FULL_BATCH_EPOCHS, shuffle=False, loss="mean",
                    optimizer=optimizer, device=dev.type,
                )  # fmt: skip
                train(X, y, config)  # warm-up (CUDA context, kernels, allocator)
                per_epoch = _best_of(lambda c=config, X=X, y=y: train(X, y, c), dev) / FULL_BATCH_EPOCHS
                rows.append({
                    "config": label,
                    "loop": f"train ({optimizer}), seconds per epoch",
                    "seconds": f"{per_epoch:.4f}",
                    "ratio": f"{per_epoch / bound:.1f}× reading X once ({bound * 1e3:.3f} ms, "
                    f"{A.numel() * A.element_size() / bound / 1e9:.0f} GB/s)",
                })  # fmt: skip
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--skip-largest", action="store_true")
    args = parser.parse_args(argv)
    device = resolve_device(args.device)
    rows = bench(1_000, 2, 10, 3, device) + bench(20_000, 2, 100, 3, device) + bench_full_batch(device)
    if not args.skip_largest:
        rows += bench_largest(device)
    print_table(
        f"Training: core.regression.train against plain PyTorch loops ({torch.get_num_threads()} threads)", rows
    )


if __name__ == "__main__":
    main()
