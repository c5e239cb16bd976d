"""What the server spends on a page rerun after a widget change, against a one-`st.write` app.

Measured on a real `streamlit run` pinned to one core (the baseline app runs under this project's
`.streamlit/config.toml` too), driven over Streamlit's websocket protocol by
the simulated browser of `bench_lecture.py` (the same numbers as its "one student alone" table): the
server process's CPU time from the widget change until the server is idle again, so the script,
Streamlit's own work around it (widget state, serializing and sending the deltas, the garbage
collection after the run) and its web server all count, minus the server's idle rate. The kernel
counts a process's CPU time in 10 ms ticks, so each page's figure is the mean over its reruns, not a
median of ticks. Target: ≤ 50 ms per page. The wall time from the change to `script_finished` is shown too.

Two tables: a widget moved away and back to the page's default state (whatever the page caches is in
the cache), and a widget moved to a value it has never had (the next step, another temperature: every
chart of the open tab is built and converted anew, as a student's new input is). Pages and the
baseline take turns, so a slow spell of this shared machine hits them all alike.
"""

from __future__ import annotations

import asyncio
import random
import shutil
import statistics
import tempfile
from pathlib import Path

from bench_lecture import Server, Student, cpu_of, idle_rate, widget_key
from common import ROOT, print_table

REPEATS = 20
BASELINE = "import streamlit as st\nst.toggle('t', key='t')\nst.write('hello')\n"

# page link -> (widget key, the value it is moved to and back from); Home has no settings: a plain rerun
INTERACTIONS: dict[str, tuple[str, object] | None] = {
    "": None,
    "mse": ("reduction", "'sum'"),
    "autograd": ("ag_bw", False),
    "regression": ("lr", 0.4),
    "softmax": ("T", 0.5),
    "optimizers": ("adam_lr", 0.05),
}
# page link -> (widget key, values it has not had before)
NEW_VALUES: dict[str, tuple[str, list]] = {
    "mse?preset=random": ("seed", list(range(1, 200))),
    "autograd?tab=modes": ("ag_k", list(range(3, 64))),
    "regression?data=synthetic": ("step", list(range(5, 1000, 5))),
    "softmax": ("T", [round(0.1 * k, 1) for k in range(2, 51) if k != 10]),
    "optimizers?tab=update": ("step", list(range(2, 12))),
}


class Bench:
    """One simulated browser on one page and the widget change it is measured after."""

    def __init__(self, name: str, server: Server, student: Student, key: str | None, values: list) -> None:
        self.name, self.server, self.student, self.key, self.values = name, server, student, key, values
        self.cpu: list[float] = []
        self.wall: list[float] = []

    async def step(self, i: int, idle: float) -> None:
        value = self.values[i % len(self.values)] if self.key else None
        action = self.student.set(self.key, value) if self.key else self.student.rerun()
        cpu = await cpu_of(self.server, idle, action)
        if i >= 2 and (i % 2 == 1 or len(self.values) > 2):  # the first two fill the caches
            self.cpu.append(cpu)
            self.wall.append(self.student.results[-1].seconds)

    def row(self, change: str, base: float) -> dict:
        cpu = 1000 * statistics.mean(self.cpu)
        return {
            "page": self.name,
            "widget changed": change,
            "mean server CPU ms": f"{cpu:.1f}",
            "ratio": f"{cpu / base:.1f}" if base > 0 else "—",
            "median wall ms": f"{1000 * statistics.median(self.wall):.0f}",
        }


async def _open(server: Server, link: str) -> Student:
    student = Student(server.port, random.Random(0), [])
    await student.open(link)
    return student


async def _round_robin(benches: list[Bench], steps: int, idle: dict[int, float]) -> None:
    for i in range(steps):
        for bench in benches:
            await bench.step(i, idle[bench.server.port])


async def main_async() -> list[dict]:
    with tempfile.TemporaryDirectory() as baseline_dir:
        Path(baseline_dir, "streamlit_app.py").write_text(BASELINE)
        shutil.copytree(ROOT / ".streamlit", Path(baseline_dir, ".streamlit"))  # the same server settings
        baseline_server, server = Server(0, [], Path(baseline_dir)), Server(0, [])
        try:
            idle = {s.port: await idle_rate(s) for s in (baseline_server, server)}
            baseline = await _open(baseline_server, "")
            default_t = baseline.widgets[next(iter(baseline.widgets))].state().bool_value
            benches = [Bench("baseline: one st.write", baseline_server, baseline, "t", [not default_t, default_t])]
            for link, interaction in INTERACTIONS.items():
                student = await _open(server, link)
                if interaction is None:
                    benches.append(Bench(student.page, server, student, None, []))
                    continue
                key, other = interaction
                (widget,) = [w for w in student.widgets.values() if widget_key(w.proto.id) == key]
                default = _value(widget.state())
                benches.append(Bench(student.page, server, student, key, [other, default]))
            await _round_robin(benches, 2 * REPEATS + 2, idle)
            base = 1000 * statistics.mean(benches[0].cpu)
            rows = [b.row(f"{b.key} → {b.values[0]} → back" if b.key else "(rerun)", base) for b in benches]
            print_table("Server CPU per page rerun after a widget change, back to the default state", rows)

            fresh = [Bench("baseline: one st.write", baseline_server, baseline, "t", [True, False])]
            for link, (key, values) in NEW_VALUES.items():
                fresh.append(Bench(link, server, await _open(server, link), key, values))
            count = min(REPEATS + 2, *(len(b.values) for b in fresh[1:]))
            await _round_robin(fresh, count, idle)
            base = 1000 * statistics.mean(fresh[0].cpu)
            new_rows = [b.row(f"{b.key}: {count - 2} new values", base) for b in fresh]
            print_table("Server CPU per page rerun after a widget change to a value not seen before", new_rows)
            for bench in benches + fresh:
                await bench.student.close()
        finally:
            baseline_server.stop()
            server.stop()
    return rows + new_rows


def _value(state):
    """The value a WidgetState holds, in the form `Widget.with_value` takes."""
    kind = state.WhichOneof("value")
    if kind == "double_array_value":
        return state.double_array_value.data[0]
    if kind == "string_array_value":
        return state.string_array_value.data[0]
    return getattr(state, kind)


def main() -> list[dict]:
    return asyncio.run(main_async())


if __name__ == "__main__":
    main()
