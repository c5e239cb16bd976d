"""Shared pieces of the benchmarks: the project root on sys.path, a server, a browser, a table."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, SETTLED, StreamlitServer  # noqa: E402

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "ROOT", "SETTLED", "StreamlitServer", "median_ms", "print_table", "settle"]


def median_ms(samples: list[float]) -> float:
    return 1000 * statistics.median(samples)


def settle(page, timeout: float = 120_000) -> None:
    """Wait until Streamlit has finished running the script and stayed finished for a moment."""
    page.wait_for_selector('[data-testid="stSidebar"]', timeout=timeout)
    for _ in range(3):
        page.wait_for_selector(SETTLED, timeout=timeout)
        page.wait_for_timeout(200)
        if page.locator(SETTLED).count():
            return


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def print_table(title: str, rows: list[dict]) -> None:
    """A markdown table, so the output can be pasted into the README."""
    print(f"\n### {title}\n")
    if not rows:
        return
    columns = list(rows[0])
    print("| " + " | ".join(columns) + " |")
    print("| " + " | ".join("---" for _ in columns) + " |")
    for row in rows:
        print("| " + " | ".join(str(row[c]) for c in columns) + " |")
