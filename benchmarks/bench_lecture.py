"""A lecture hall on one core: N students speaking Streamlit's websocket protocol, no browsers.

Each simulated student does what the frontend does for a person: it opens the teacher's shared link
(a `rerun_script` BackMsg with the link's page and query string), reads the ForwardMsgs the server
sends back (the widgets it drew, with their ids, options and current values), and then, every few
seconds of think time, sends a real widget change (a `rerun_script` with the full `widget_states`, one
of them changed: a slider moved, a stepper clicked, an option picked, a toggle flipped) or opens
another tab or page. Now and then a student opens the teacher's "train this" link in a new tab
(another session), waits for the training run to finish and closes that tab.

The server is `streamlit run` pinned to one core (`taskset`), the load generator to another. Latency
is the time from sending the message to the server's `script_finished`, measured over 127.0.0.1;
CPU is the server process's own CPU time. Reported: latency p50/p95/p99 per page and per kind of
interaction, CPU seconds per interaction (under load: all of the server's CPU over the interactions;
alone: one student's interactions one at a time, each measured on its own), errors (an exception on
the page, a failed or closed connection, no answer within 60 s), peak memory and memory after
everyone has left.

Bounded: at most 200 students, 10 minutes of load, only 127.0.0.1; it stops by itself.

    python benchmarks/bench_lecture.py --students 60 --duration 120
    python benchmarks/bench_lecture.py --students 60 --server-option runner.postScriptGC=false
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psutil
from common import ROOT, print_table
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect

from tests.e2e.conftest import _free_port

MAX_STUDENTS, MAX_SECONDS, ANSWER_TIMEOUT = 200, 600, 60.0
SWEEP_WAIT = 65  # s: one full collection and malloc_trim of the app's sweeper (ui/server_process.py)
# the teacher's links, one per page; students are spread over them
LINKS = ["", "mse", "autograd", "regression?data=synthetic", "softmax"]
# a training run a student starts from a link: 200 batches × 50 epochs of synthetic data (10,000 steps),
# a fresh shuffle seed each time so that every one is really trained, not read from the cache
TRAIN_LINK = "regression?data=synthetic&n=4000&batch=20&epochs=50&seed={seed}"
# controls a student does not touch: the language, device and classroom switches of the sidebar, the
# share panel, and inputs that take typed text or files
SKIP_KEYS = {"lang", "device", "present", "quiz", "_share_open", "_hide_pick", "_worksheet", "_quiz_reset"}
ORDINARY = ("change", "tab", "page", "rerun")  # a student's interactions; opening a link and training are apart
FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


def widget_key(widget_id: str) -> str:
    """The `key=` a widget was given: Streamlit's ids end with it (`$$ID-<hash>-<key>`)."""
    return widget_id.split("-", 2)[-1]


@dataclass
class Widget:
    kind: str  # the element's proto field: slider, number_input, checkbox, selectbox, radio, button_group, tabs
    proto: object
    options: list[str] = field(default_factory=list)  # the labels the frontend shows and sends back

    def state(self) -> WidgetState:
        """The value the server drew the widget with (set_value) or its default, as the frontend sends it."""
        p, s = self.proto, WidgetState(id=self.proto.id)
        if self.kind == "checkbox":
            s.bool_value = p.value if p.set_value else p.default
        elif self.kind == "slider":
            s.double_array_value.data.extend(p.value if p.set_value else p.default)
        elif self.kind == "number_input":
            s.double_value = p.value if p.set_value else p.default
        elif self.kind in ("selectbox", "radio"):
            s.string_value = p.raw_value if p.HasField("raw_value") else self.options[p.default]
        elif self.kind == "button_group":
            s.string_array_value.data.extend(p.raw_values if p.set_value else [self.options[i] for i in p.default])
        else:  # tabs: the open tab's label
            s.string_value = self.options[p.default_tab_index]
        return s

    def with_value(self, value) -> WidgetState:
        """The widget set to `value` (an option's label, a number or a bool), as the frontend sends it."""
        s = WidgetState(id=self.proto.id)
        if self.kind == "checkbox":
            s.bool_value = value
        elif self.kind == "slider":
            s.double_array_value.data.append(value)
        elif self.kind == "number_input":
            s.double_value = value
        elif self.kind == "button_group":
            s.string_array_value.data.append(value)
        else:
            s.string_value = value
        return s

    def changed(self, rng: random.Random, current: WidgetState) -> WidgetState | None:
        """The widget moved from `current` as a student would move it, or None if it cannot be moved."""
        p, s = self.proto, WidgetState()
        s.CopyFrom(current)
        if getattr(p, "disabled", False):
            return None
        if self.kind == "checkbox":
            s.bool_value = not s.bool_value
        elif self.kind == "slider":
            if p.data_type not in (p.INT, p.FLOAT) or len(s.double_array_value.data) != 1:
                return None
            steps = round((p.max - p.min) / p.step)
            s.double_array_value.data[0] = p.min + rng.randint(0, steps) * p.step
        elif self.kind == "number_input":  # a click on the stepper
            up = s.double_value + p.step <= p.max if p.has_max else True
            down = s.double_value - p.step >= p.min if p.has_min else True
            if not (up or down):
                return None
            s.double_value += p.step if up and (not down or rng.random() < 0.5) else -p.step
        elif self.kind in ("selectbox", "radio", "button_group", "tabs"):
            current = s.string_array_value.data[:] if self.kind == "button_group" else [s.string_value]
            others = [o for o in self.options if o not in current]
            if not others:
                return None
            if self.kind == "button_group":
                del s.string_array_value.data[:]
                s.string_array_value.data.append(rng.choice(others))
            else:
                s.string_value = rng.choice(others)
        return s


@dataclass
class Result:
    page: str
    kind: str  # open, change, tab, page, rerun, train
    seconds: float
    error: str | None = None


class Student:
    """One browser tab: a websocket session and what its last script run drew."""

    def __init__(self, port: int, rng: random.Random, results: list[Result]) -> None:
        self.port, self.rng, self.results = port, rng, results
        self.ws = None
        self.widgets: dict[str, Widget] = {}
        self.pages: dict[str, str] = {}  # url path -> page script hash
        self.page_hash = ""
        self.page = ""
        self.query_string = ""
        self.last_tabs: Widget | None = None
        self.sent: dict[str, WidgetState] = {}  # what this tab's user set, by widget id

    def current(self, widget: Widget) -> WidgetState:
        """A widget's value as the frontend holds it: what the user set, unless the server drew it with
        a value of its own (set_value); else the value the server drew it with."""
        if widget.kind != "tabs" and not widget.proto.set_value and widget.proto.id in self.sent:
            return self.sent[widget.proto.id]
        return widget.state()

    def move(self, widget: Widget) -> WidgetState | None:
        return widget.changed(self.rng, self.current(widget))

    async def open(self, link: str) -> None:
        self.ws = await connect(
            f"ws://127.0.0.1:{self.port}/_stcore/stream",
            subprotocols=["streamlit"],
            origin=f"http://127.0.0.1:{self.port}",
            max_size=None,
            ping_interval=None,
        )
        path, _, query = link.partition("?")
        self.page, self.query_string = path or "home", query
        await self._run("open", page_name=path)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def act(self, other_pages: bool = True) -> None:
        """One interaction after thinking: mostly a setting, sometimes another tab or page. Where there
        is nothing to move (Home has no settings) the page is rerun as it is, as the frontend's Rerun does."""
        roll = self.rng.random()
        tabs = [w for w in self.widgets.values() if w.kind == "tabs"]
        movable = [w for w in self.widgets.values() if w.kind != "tabs" and widget_key(w.proto.id) not in SKIP_KEYS]
        if roll < 0.25 and tabs:
            await self._run("tab", changed=self.move(self.rng.choice(tabs)))
        elif roll < 0.35 and other_pages and self.pages:
            path = self.rng.choice([p for p in self.pages if p != self.page] or list(self.pages))
            self.page, self.page_hash, self.query_string = path or "home", self.pages[path], ""
            await self._run("page")
        else:
            changed = self.move(self.rng.choice(movable)) if movable else None
            await self._run("change" if changed else "rerun", changed=changed)

    async def set(self, key: str, value) -> Result:
        """Set the widget with `key=key` to `value` and wait for the rerun; its Result."""
        (widget,) = [w for w in self.widgets.values() if widget_key(w.proto.id) == key]
        await self._run("change", changed=widget.with_value(value))
        return self.results[-1]

    async def rerun(self) -> Result:
        """Run the page again as it is (the frontend's Rerun); its Result."""
        await self._run("rerun")
        return self.results[-1]

    async def _run(self, kind: str, page_name: str = "", changed: WidgetState | None = None) -> None:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string, state.page_script_hash, state.page_name = self.query_string, self.page_hash, page_name
        for widget in self.widgets.values():
            mine = changed is not None and changed.id == widget.proto.id
            state.widget_states.widgets.append(changed if mine else self.current(widget))
        if changed is not None:
            self.sent[changed.id] = changed
        page = self.page
        start = time.perf_counter()
        try:
            await self.ws.send(msg.SerializeToString())
            error = await asyncio.wait_for(self._read_run(), ANSWER_TIMEOUT)
        except Exception as e:  # every failure (timeout, closed socket, bad message) is counted, none is fatal
            error = f"{type(e).__name__}: {e}"[:200]
        self.results.append(Result(page, kind, time.perf_counter() - start, error))

    async def _read_run(self) -> str | None:
        """Read ForwardMsgs until the script run the message started has finished; an error or None."""
        widgets: dict[str, Widget] = {}
        error = None
        while True:
            fm = ForwardMsg()
            fm.ParseFromString(await self.ws.recv())
            kind = fm.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = fm.new_session.page_script_hash
                widgets = {}
            elif kind == "navigation":
                self.pages = {p.url_pathname: p.page_script_hash for p in fm.navigation.app_pages}
                self.page_hash = fm.navigation.page_script_hash or self.page_hash
            elif kind == "page_info_changed":
                self.query_string = fm.page_info_changed.query_string
            elif kind == "delta":
                error = self._read_delta(fm.delta, widgets) or error
            elif kind == "script_finished":
                if fm.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    widgets = {}
                    continue
                self.widgets = widgets
                if fm.script_finished not in FINISHED:
                    return f"script finished with status {fm.script_finished}"
                return error

    def _read_delta(self, delta, widgets: dict[str, Widget]) -> str | None:
        if delta.WhichOneof("type") == "new_element":
            element = delta.new_element
            kind = element.WhichOneof("type")
            if kind == "exception":
                return f"exception on the page: {element.exception.type}: {element.exception.message[:120]}"
            if kind in ("checkbox", "slider", "number_input", "selectbox", "radio"):
                proto = getattr(element, kind)
                widgets[proto.id] = Widget(kind, proto, list(getattr(proto, "options", [])))
            elif kind == "button_group":
                proto = element.button_group
                widgets[proto.id] = Widget(kind, proto, [o.content for o in proto.options])
        elif delta.WhichOneof("type") == "add_block":
            block = delta.add_block
            if block.WhichOneof("type") == "tab_container" and block.id:
                self.last_tabs = widgets[block.id] = Widget("tabs", block.tab_container)
            elif block.WhichOneof("type") == "tab" and self.last_tabs is not None:
                self.last_tabs.options.append(block.tab.label)
        return None


class Server:
    """`streamlit run` on a free loopback port, pinned to `core` when taskset is there."""

    def __init__(self, core: int | None, options: list[str], app_dir: Path = ROOT, nice: int = 0) -> None:
        self.port = _free_port()
        pin = ["taskset", "-c", str(core)] if core is not None and shutil.which("taskset") else []
        pin += ["nice", "-n", str(nice)] if nice else []
        flags = [f"--{option.replace('=', ' ', 1)}" for option in options]
        command = [*pin, sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port", str(self.port)]
        command += ["--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none"]
        command += ["--browser.gatherUsageStats", "false", *" ".join(flags).split()]
        self.log = ROOT / "artifacts" / f"lecture-server-{self.port}.log"
        self.log.parent.mkdir(exist_ok=True)
        self.process = subprocess.Popen(command, cwd=app_dir, stdout=self.log.open("w"), stderr=subprocess.STDOUT)
        self.ps = psutil.Process(self.process.pid)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited: {self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/_stcore/health", timeout=2):
                    return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("streamlit did not become healthy in 90 s")

    def cpu(self) -> float:
        times = self.ps.cpu_times()
        return times.user + times.system

    def waited(self) -> float:
        """Seconds the server's threads were ready to run but waited for a CPU (Linux schedstat), summed
        over its threads: other processes on its core, and its own threads behind one another. 0 where
        the kernel does not tell."""
        total = 0
        for task in Path(f"/proc/{self.process.pid}/task").glob("*/schedstat"):
            try:
                total += int(task.read_text().split()[1])
            except (OSError, IndexError, ValueError):  # a thread that just ended
                continue
        return total / 1e9

    def rss_mb(self) -> float:
        return self.ps.memory_info().rss / 2**20

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


async def sample_memory(server: Server, samples: list[tuple[float, float]], stop: asyncio.Event) -> None:
    start = time.perf_counter()
    while not stop.is_set():
        samples.append((time.perf_counter() - start, server.rss_mb()))
        await asyncio.sleep(0.5)


async def idle_rate(server: Server, seconds: float = 2.0) -> float:
    """CPU seconds per second the server spends with no one asking anything (its background threads)."""
    cpu, wall = server.cpu(), time.perf_counter()
    await asyncio.sleep(seconds)
    return (server.cpu() - cpu) / (time.perf_counter() - wall)


async def cpu_of(server: Server, idle: float, action) -> float:
    """Server CPU seconds that `action` (an awaitable interaction) costs, Streamlit's work after the run included."""
    await asyncio.sleep(0.2)
    before, wall = server.cpu(), time.perf_counter()
    await action
    await asyncio.sleep(0.3)  # the server's work after script_finished (garbage collection) counts too
    return max(server.cpu() - before - idle * (time.perf_counter() - wall), 0.0)


async def solo(server: Server, rng: random.Random, per_page: int) -> dict[str, list[float]]:
    """CPU seconds of each interaction of one student alone on the server, page by page."""
    idle = await idle_rate(server)
    cpu: dict[str, list[float]] = {}
    for link in LINKS:
        student = Student(server.port, rng, [])
        await student.open(link)
        for _ in range(per_page):
            cpu.setdefault(student.page, []).append(await cpu_of(server, idle, student.act(other_pages=False)))
        await student.close()
    return cpu


async def lecture(server: Server, args, results: list[Result]) -> None:
    """N students arrive over the first seconds, think, act, sometimes train; all leave at the deadline."""
    deadline = time.perf_counter() + args.duration
    ramp = min(10.0, args.duration / 6)

    async def one(i: int) -> None:
        rng = random.Random(args.seed * 1000 + i)
        await asyncio.sleep(ramp * i / args.students)
        student = Student(server.port, rng, results)
        try:
            await student.open(LINKS[i % len(LINKS)])
            while True:
                think = rng.uniform(0.5 * args.think, 1.5 * args.think)
                if time.perf_counter() + think > deadline:
                    break
                await asyncio.sleep(think)
                if rng.random() < args.train:
                    await train(rng)
                else:
                    await student.act()
        except Exception as e:  # a student that cannot connect is an error, not a crash
            results.append(Result(student.page, "open", 0.0, f"{type(e).__name__}: {e}"[:200]))
        finally:
            await student.close()

    async def train(rng: random.Random) -> None:
        tab = Student(server.port, rng, [])
        try:
            await tab.open(TRAIN_LINK.format(seed=rng.randint(0, 9999)))
        finally:
            await tab.close()
        result = tab.results[-1] if tab.results else Result("regression", "open", 0.0, "no answer")
        results.append(Result("regression", "train", result.seconds, result.error))

    await asyncio.gather(*(one(i) for i in range(args.students)))


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q / 100 * (len(values) - 1)))]


def ms(seconds: float) -> str:
    return f"{1000 * seconds:,.0f}"


def cpu_row(page: str, costs: list[float]) -> dict:
    return {"page": page, "mean CPU ms": ms(statistics.mean(costs)), "median CPU ms": ms(statistics.median(costs))}


def latency_row(name: str, results: list[Result]) -> dict:
    seconds = [r.seconds for r in results if r.error is None]
    row = {"what": name, "interactions": len(results), "errors": sum(r.error is not None for r in results)}
    for q in (50, 95, 99):
        row[f"p{q} ms"] = ms(pct(seconds, q)) if seconds else "—"
    return row


async def main_async(args) -> dict:
    os.sched_setaffinity(0, {args.client_core}) if args.client_core is not None else None
    server = Server(args.server_core, args.server_option, nice=args.nice)
    try:
        warm = [Student(server.port, random.Random(0), []) for _ in LINKS]
        for student, link in zip(warm, LINKS, strict=True):  # the teacher opens every link before class
            await student.open(link)
            await student.close()
        await asyncio.sleep(1)
        idle_mb = server.rss_mb()
        cpu_solo = await solo(server, random.Random(args.seed), args.solo) if args.solo else {}
        samples: list[tuple[float, float]] = []
        stop = asyncio.Event()
        sampler = asyncio.create_task(sample_memory(server, samples, stop))
        results: list[Result] = []
        cpu_start, wait_start, wall_start = server.cpu(), server.waited(), time.perf_counter()
        load_start = os.getloadavg()[0]
        await lecture(server, args, results)
        cpu_load, wall_load = server.cpu() - cpu_start, time.perf_counter() - wall_start
        contention = {
            "server threads' wait for a CPU (summed over threads), % of the lecture": round(
                100 * (server.waited() - wait_start) / wall_load, 1
            ),
            "load average (1 min) at start and end": f"{load_start:.1f}, {os.getloadavg()[0]:.1f}",
        }
        left_at = time.perf_counter() - wall_start
        if args.linger:
            await asyncio.sleep(args.linger)
            # Streamlit keeps a closed tab's session for a reconnect (server.disconnectedSessionTTL, 120 s)
            # and drops the expired ones when a session next connects or leaves: the next visitor
            visitor = Student(server.port, random.Random(0), [])
            await visitor.open("")
            await visitor.close()
            await asyncio.sleep(SWEEP_WAIT)
        stop.set()
        await sampler
    finally:
        server.stop()
    return report(args, results, cpu_solo, cpu_load, wall_load, samples, idle_mb, left_at, contention)


def report(args, results, cpu_solo, cpu_load, wall_load, samples, idle_mb, left_at, contention) -> dict:
    ordinary = [r for r in results if r.kind in ORDINARY]
    rows = [latency_row(f"ordinary ({args.students} students)", ordinary)]
    rows += [latency_row(f"  {kind}", [r for r in results if r.kind == kind]) for kind in ORDINARY]
    rows += [latency_row("opening the shared link", [r for r in results if r.kind == "open"])]
    rows += [latency_row("training run from a link (new tab)", [r for r in results if r.kind == "train"])]
    pages = sorted({r.page for r in ordinary})
    rows += [latency_row(f"ordinary on {page}", [r for r in ordinary if r.page == page]) for page in pages]
    print_table(f"Lecture: {args.students} students, think {args.think} s, {args.duration} s, server on one core", rows)
    every_solo = [c for costs in cpu_solo.values() for c in costs]
    cpu_rows = [cpu_row(page, costs) for page, costs in cpu_solo.items()]
    if every_solo:
        cpu_rows.append(cpu_row("all", every_solo))
        print_table("Server CPU per interaction, one student alone (the kernel counts in 10 ms ticks)", cpu_rows)
    during = [mb for t, mb in samples if t <= left_at]
    lingering = [mb for t, mb in samples if left_at < t <= left_at + args.linger]
    after = [mb for t, mb in samples if t > left_at + args.linger]
    summary = {
        "students": args.students,
        "server nice": args.nice,
        "interactions": len(results),
        "errors": sum(r.error is not None for r in results),
        "error examples": sorted({r.error for r in results if r.error})[:5],
        "server CPU busy %": round(100 * cpu_load / wall_load, 1),
        **contention,
        "CPU ms per interaction (under load, all server CPU / interactions)": round(
            1000 * cpu_load / max(len(results), 1), 1
        ),
        "median CPU ms per interaction (alone)": round(1000 * statistics.median(every_solo), 1) if every_solo else None,
        "mean CPU ms per interaction (alone)": round(1000 * statistics.mean(every_solo), 1) if every_solo else None,
        "idle MB (before the class)": round(idle_mb),
        "peak MB": round(max(during, default=0)),
        "MB at the end of the lecture": round(during[-1]) if during else None,
        f"MB {args.linger:.0f} s after everyone left": round(lingering[-1]) if lingering else None,
        f"MB {args.linger:.0f} s after everyone left, then one visitor, then {SWEEP_WAIT} s": (
            round(after[-1]) if after else None
        ),
    }
    print("\n" + "\n".join(f"- {k}: {v}" for k, v in summary.items()))
    out = {"summary": summary, "latency": rows, "cpu_alone": cpu_rows, "cpu_alone_samples": cpu_solo, "memory": samples}
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1))
    return out


def parse_args(argv: list[str] | None = None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=60)
    parser.add_argument("--duration", type=float, default=120, help="seconds of lecture")
    parser.add_argument("--think", type=float, default=5, help="mean think time between interactions, s")
    parser.add_argument("--train", type=float, default=0.02, help="share of actions that start a training run")
    parser.add_argument("--solo", type=int, default=10, help="interactions per page for the one-student CPU table")
    parser.add_argument(
        "--linger", type=float, default=125, help="seconds after everyone left before one more visitor (0: none)"
    )
    parser.add_argument("--server-core", type=int, default=0)
    parser.add_argument("--client-core", type=int, default=1)
    parser.add_argument(
        "--nice", type=int, default=0, help="the server's nice value (-10: ahead of other work on a shared machine)"
    )
    parser.add_argument("--server-option", action="append", default=[], help="a streamlit option, e.g. x.y=false")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args(argv)
    if not 1 <= args.students <= MAX_STUDENTS or not 0 < args.duration <= MAX_SECONDS or args.linger > MAX_SECONDS:
        parser.error(f"at most {MAX_STUDENTS} students and {MAX_SECONDS} s")
    if os.cpu_count() is not None and os.cpu_count() < 2:
        args.server_core = args.client_core = None
    return args


def main(argv: list[str] | None = None) -> dict:
    return asyncio.run(main_async(parse_args(argv)))


if __name__ == "__main__":
    main()
