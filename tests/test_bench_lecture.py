"""The lecture benchmark's simulated students speak Streamlit's protocol as the frontend does: a widget
change or a tab they open reaches the server and changes the page, and a short lecture runs clean."""

from __future__ import annotations

import asyncio
import random
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_lecture import Server, Student, main, widget_key


def _in_own_thread(fn, *args):
    """Run fn in a thread of its own: the browser tests' Playwright keeps an event loop running in the main
    thread for the whole session, and asyncio.run refuses to start inside a running loop."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn, *args).result()


@pytest.fixture(scope="module")
def server():
    server = Server(None, [])
    yield server
    server.stop()


def _widget(student: Student, key: str):
    (widget,) = [w for w in student.widgets.values() if widget_key(w.proto.id) == key]
    return widget


def test_a_widget_change_and_a_tab_reach_the_server_as_the_frontends_do(server):
    async def scenario():
        student = Student(server.port, random.Random(0), [])
        await student.open("softmax?T=2")
        assert list(_widget(student, "T").proto.value) == [2.0]  # the link's setting
        result = await student.set("T", 0.5)
        assert result.error is None
        assert "T=0.5" in student.query_string  # the server took the moved slider and wrote it to the URL
        assert list(student.current(_widget(student, "T")).double_array_value.data) == [0.5]
        tabs = next(w for w in student.widgets.values() if w.kind == "tabs")
        opened = tabs.options[tabs.proto.default_tab_index]
        await student._run("tab", changed=tabs.with_value(tabs.options[1]))
        tabs_now = next(w for w in student.widgets.values() if w.kind == "tabs")
        assert tabs_now.options[tabs_now.proto.default_tab_index] == tabs.options[1] != opened
        assert "tab=" in student.query_string
        await student.close()
        return student.results

    results = _in_own_thread(asyncio.run, scenario())
    assert [r.kind for r in results] == ["open", "change", "tab"]
    assert all(r.error is None for r in results)


def test_a_short_lecture_of_three_students_runs_without_errors(capsys):
    out = _in_own_thread(
        main, ["--students", "3", "--duration", "8", "--think", "1", "--solo", "2", "--linger", "0", "--train", "0.2"]
    )
    summary = out["summary"]
    assert summary["errors"] == 0, summary["error examples"]
    assert summary["interactions"] >= 9
    assert summary["mean CPU ms per interaction (alone)"] > 0
    assert "| ordinary (3 students)" in capsys.readouterr().out
