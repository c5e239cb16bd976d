"""ui/server_process.py and the server settings a class on one shared CPU relies on."""

from __future__ import annotations

import gc
import subprocess
import sys
import tomllib
import types
import weakref

from streamlit import config

from tests.conftest import ROOT
from ui import server_process


def test_streamlits_garbage_collection_after_every_run_is_off_in_the_projects_config():
    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert settings["runner"]["postScriptGC"] is False
    assert "runner.postScriptGC" in config._config_options_template  # an option this Streamlit knows


def test_prepare_freezes_the_imports_sets_one_torch_thread_a_short_switch_interval_and_sweeps():
    # in a fresh process: other tests of this session change torch's thread count after the app prepared it
    probe = """
import gc, sys, threading, torch
from ui import server_process
server_process.prepare_server_process()
server_process.prepare_server_process()  # a second call changes nothing
sweepers = [t for t in threading.enumerate() if t.name == "loss-lab-sweeper"]
print("ui.charts" in sys.modules and "core.training" in sys.modules, gc.get_freeze_count() > 100_000,
      torch.get_num_threads(), sys.getswitchinterval() == server_process.SWITCH_SECONDS,
      len(sweepers), all(t.daemon for t in sweepers))
"""
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["True", "True", "1", "True", "1", "True"]


def test_a_run_that_imported_modules_freezes_again_and_one_that_did_not_does_not():
    server_process.prepare_server_process()
    server_process.freeze_new_imports()
    frozen = gc.get_freeze_count()
    server_process.freeze_new_imports()
    assert gc.get_freeze_count() == frozen
    sys.modules["_loss_lab_lazy_import"] = types.ModuleType("_loss_lab_lazy_import")  # what a lazy import does
    try:
        alive = [[] for _ in range(1000)]  # noqa: F841 - alive while freezing
        server_process.freeze_new_imports()
        assert gc.get_freeze_count() >= frozen + 1000
    finally:
        del sys.modules["_loss_lab_lazy_import"]


def test_a_sweep_collects_cyclic_garbage_that_is_not_frozen():
    class Node:
        pass

    a, b = Node(), Node()
    a.other, b.other = b, a
    alive = weakref.ref(a)
    del a, b
    server_process.sweep()
    assert alive() is None
