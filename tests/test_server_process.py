"""ui/server_process.py and the server settings a class on one shared CPU relies on."""

from __future__ import annotations

import gc
import sys
import threading
import tomllib
import types
import weakref

import torch
from streamlit import config

from tests.conftest import ROOT
from ui import server_process


def test_streamlits_garbage_collection_after_every_run_is_off_in_the_projects_config():
    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert settings["runner"]["postScriptGC"] is False
    assert "runner.postScriptGC" in config._config_options_template  # an option this Streamlit knows


def test_prepare_freezes_the_imports_sets_one_torch_thread_a_short_switch_interval_and_sweeps():
    server_process.prepare_server_process()
    assert "ui.charts" in sys.modules and "core.training" in sys.modules  # subpackages too
    assert gc.get_freeze_count() > 100_000
    assert torch.get_num_threads() == 1
    assert sys.getswitchinterval() == server_process.SWITCH_SECONDS
    sweepers = [t for t in threading.enumerate() if t.name == "loss-lab-sweeper"]
    assert len(sweepers) == 1 and sweepers[0].daemon
    server_process.prepare_server_process()  # a second call changes nothing
    assert len([t for t in threading.enumerate() if t.name == "loss-lab-sweeper"]) == 1


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
