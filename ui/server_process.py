"""Once per server process: what a class on one shared CPU needs (README, "Teaching a large class").

- Every module the pages use is imported, then the objects they leave behind (hundreds of thousands:
  torch, pandas, Altair, Streamlit) are moved out of the garbage collector's sight with `gc.freeze()`.
  They live as long as the process, so a full collection that walks them (most of a rerun's time, see
  benchmarks/bench_lecture.py) finds nothing to free. Libraries also import more on first use (the first
  `optimizer.step()` imports `torch._dynamo` and sympy; the first table, pyarrow's pandas layer): a
  script run after which more modules are loaded than before collects and freezes again. That
  happens a handful of times in a process's life, so the little it freezes that later becomes
  garbage (the state of the sessions running then) is bounded.
  `.streamlit/config.toml` also turns off Streamlit's full collection after every script run
  (`runner.postScriptGC`); Python's own generational collector still runs, over the objects made
  since, and so does a full collection every `SWEEP_SECONDS` (below).
- PyTorch computes on one thread: many sessions share the CPU, and more threads than cores only
  wait for one another.
- A thread that waits for the GIL gets it after at most `SWITCH_SECONDS` (Python's default: 5 ms).
  A rerun hands every element to the server's event loop thread, so while another session trains
  (a Python loop that holds the GIL) each hand-over could wait the whole 5 ms.
- Every `SWEEP_SECONDS`, a full collection and, on glibc, `malloc_trim`: the session state of students
  who left is freed and the memory given back to the system, even when no one is there to rerun a script.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import importlib
import pkgutil
import sys
import threading

import core
import ui
from core.device import set_cpu_threads

SWEEP_SECONDS = 60.0
SWITCH_SECONDS = 0.001
_lock = threading.Lock()
_prepared = False
_frozen_modules = 0  # len(sys.modules) at the last freeze


def prepare_server_process() -> None:
    """Import, freeze, set threads and start the sweeper, the first time a script runs in this process."""
    global _prepared
    if _prepared:
        return
    with _lock:
        if _prepared:
            return
        for package in (core, ui):
            for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
                importlib.import_module(module.name)
        set_cpu_threads(1)
        sys.setswitchinterval(SWITCH_SECONDS)
        _freeze()
        threading.Thread(target=_sweep_forever, name="loss-lab-sweeper", daemon=True).start()
        _prepared = True


def freeze_new_imports() -> None:
    """After a script run: if it loaded modules (a library's lazy imports), freeze what is alive now."""
    if len(sys.modules) != _frozen_modules:
        with _lock:
            _freeze()


def _freeze() -> None:
    global _frozen_modules
    gc.collect()
    gc.freeze()
    _frozen_modules = len(sys.modules)


def _malloc_trim():
    """glibc's `malloc_trim(0)` (hands freed heap pages back to the system), or None elsewhere."""
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):  # musl, macOS, Windows: no malloc_trim
        return None


def sweep() -> None:
    """One full collection of what is not frozen, then return freed memory to the system."""
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _sweep_forever() -> None:
    wake = threading.Event()
    while not wake.wait(SWEEP_SECONDS):
        sweep()
