"""`core.classification.train_classifier` (full step history and optimizer state) against plain loops doing the
same steps, and the classification page's redraw when the replay slider moves.

Baselines, measured in the same run, same data and dtype:
- bare: randperm + indexing, `F.linear`, `F.cross_entropy`, `backward`, the `torch.optim` step, no history
  (target: the trainer ≤ 1.2×);
- concise: the tutorial loop, `DataLoader(TensorDataset)` + `nn.Linear` + `nn.CrossEntropyLoss` + `torch.optim`.
The run is the largest the page allows: 6 classes × 10,000 points, batch 60 × 100 epochs = 100,000 steps.
The redraw: AppTest's rerun after the step slider moves to a step it never showed (target ≤ 100 ms), and the
part of it that is the decision-region chart (grid, points, Altair spec).
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import torch
import torch.nn.functional as F
from common import print_table
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from core.classification import ClassifierConfig, blobs, train_classifier
from core.optimizers import torch_call, torch_optimizer


def bare_loop(X, y, config: ClassifierConfig) -> torch.Tensor:
    k = int(y.max()) + 1
    W = torch.zeros(k, X.shape[1], requires_grad=True)
    b = torch.zeros(k, requires_grad=True)
    optimizer = torch_optimizer(config.train_config, [W, b])
    generator = torch.Generator().manual_seed(config.seed)
    for _ in range(config.epochs):
        order = torch.randperm(len(y), generator=generator)
        for start in range(0, len(y), config.batch_size):
            index = order[start : start + config.batch_size]
            loss = F.cross_entropy(F.linear(X[index], W, b), y[index])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return W.detach()


def concise_loop(X, y, config: ClassifierConfig) -> torch.Tensor:
    loader = DataLoader(
        TensorDataset(X, y), config.batch_size, shuffle=True, generator=torch.Generator().manual_seed(config.seed)
    )
    net = nn.Linear(X.shape[1], int(y.max()) + 1)
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch_optimizer(config.train_config, net.parameters())
    for _ in range(config.epochs):
        for xb, yb in loader:
            loss = loss_fn(net(xb), yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return net.weight.detach()


def timed(fn) -> float:
    """CPU seconds of this process: on a shared machine, wall time mostly measures the neighbours."""
    start = time.process_time()
    fn()
    return time.process_time() - start


def training_rows(per_class: int, epochs: int, optimizers: list[str], concise: bool) -> list[dict]:
    X, y = blobs(6 * per_class, 6, 1.0, 0)
    warm = ClassifierConfig(lr=0.05, batch_size=60, epochs=1)
    for loop in (bare_loop, concise_loop, train_classifier):  # the first optimizer pays torch's lazy imports
        loop(X[:600], y[:600], warm)
    rows = []
    for name in optimizers:
        config = ClassifierConfig(lr=0.05, batch_size=60, epochs=epochs, optimizer=name)
        steps = epochs * len(y) // 60
        # best of two, interleaved: the machine's other work slows whichever runs at the wrong moment
        bare, ours = float("inf"), float("inf")
        for _ in range(2):
            bare = min(bare, timed(lambda config=config: bare_loop(X, y, config)))
            ours = min(ours, timed(lambda config=config: train_classifier(X, y, config)))
        row = {
            "optimizer": torch_call(config.train_config, "params"),
            "steps": f"{steps:,}",
            "bare loop (CPU)": f"{bare:.2f} s",
            "train_classifier": f"{ours:.2f} s",
            "ratio": f"**{ours / bare:.2f}×**",
        }
        if concise:
            row["DataLoader loop"] = f"{timed(lambda config=config: concise_loop(X, y, config)):.2f} s"
        rows.append(row)
    return rows


def redraw_rows(samples: int) -> list[dict]:
    """AppTest's rerun when the step slider moves to new steps, and the region chart's own part of it."""
    from streamlit.testing.v1 import AppTest

    from tests.app.helpers import ROOT
    from ui import chart
    from ui.classification import charts
    from ui.classification.compute import grid_bounds, point_frame, region_frame
    from ui.nav import page_info
    from ui.streamlit_internals import altair_to_vega_lite, no_pages_directory

    with no_pages_directory():
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
        at.run()
        at.switch_page(page_info("classification").script).run()
        reruns = []
        for step in np.linspace(1, 299, samples).round().astype(int):
            start = time.perf_counter()
            at.slider(key="step").set_value(int(step)).run()
            reruns.append(time.perf_counter() - start)
            assert not at.exception
    X, y = blobs(300, 3, 1.0, 0)
    history = train_classifier(X, y, ClassifierConfig(lr=0.5, batch_size=30, epochs=30))
    builds = []
    for step in range(samples):
        W, b = history.W[step].numpy(), history.b[step].numpy()
        start = time.perf_counter()
        cells = region_frame(W, b, grid_bounds(X.numpy()))
        points = point_frame(X.numpy(), y.numpy(), W, b)
        followed = points.iloc[:1][["x", "y"]]
        spec = charts.regions(cells, points, followed, classes=3, x_title="x0", y_title="x1", class_title="c",
                              wrong_title="w")  # fmt: skip
        altair_to_vega_lite(chart._Unvalidated(spec))
        builds.append(time.perf_counter() - start)
    return [
        {
            "what": "rerun after the step slider moves to a new step (AppTest wall time, median)",
            "measured": f"**{1000 * statistics.median(reruns):.1f} ms**",
            "target": "≤ 100 ms",
        },
        {
            "what": "of which: the decision-region chart (grid, points, Altair spec to Vega-Lite), median",
            "measured": f"{1000 * statistics.median(builds):.1f} ms",
            "target": "—",
        },
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the largest run")
    parser.add_argument("--optimizers", nargs="+", default=["torch_sgd", "momentum", "rmsprop", "adam"])
    parser.add_argument("--concise", action="store_true", help="also time the DataLoader loop (slow)")
    args = parser.parse_args(argv)
    optimizers = args.optimizers
    rows = training_rows(10_000, 10 if args.quick else 100, optimizers, concise=args.concise)
    print_table("train_classifier, the page's largest run (60,000 points, batch 60)", rows)
    print_table("Decision regions when the replay slider moves", redraw_rows(10 if args.quick else 30))


if __name__ == "__main__":
    main()
