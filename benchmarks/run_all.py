"""Run every benchmark and print its tables (markdown, ready for the README)."""

from __future__ import annotations

import platform
import sys

import bench_lecture
import bench_optimizers
import bench_reruns
import bench_server
import bench_train
import torch


def main() -> None:
    print(
        f"Machine: {platform.machine()}, {torch.get_num_threads()} torch threads, Python {sys.version.split()[0]}, "
        f"torch {torch.__version__}"
    )
    bench_train.main([])
    bench_optimizers.main([])
    bench_reruns.main()
    bench_server.main()
    bench_lecture.main([])


if __name__ == "__main__":
    sys.argv = sys.argv[:1]
    main()
