"""Every code block the app shows runs exactly as shown, in page order, in a fresh interpreter.

For each page, every tab under each of its presets and choices (reduction, loss, optimizer…) is
opened under AppTest; its Python blocks (`st.code(..., language="python")`), in the order the page
shows them, are run one after another in one namespace, in a forked child of an interpreter that has
only imported torch (a fresh process per view). A block that announces an error in a comment
(`# raises RuntimeError: grad can be implicitly…`, see ui/code.py) must raise exactly that type,
with a message that starts as announced; every other block must run without one.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator

import pytest

from tests.app.helpers import ROOT, open_page, open_tab
from ui.nav import page_info
from ui.state import SPECS_KEY

# Per page: the choices whose every option is opened (read from the page's own URL specs, so a new
# option is covered without editing this file), and extra views that change what the code says.
CHOICES: dict[str, list[str]] = {
    "mse": ["preset", "reduction"],
    "softmax": ["v"],
    "autograd": ["ag_p"],
    "regression": ["data", "loss", "opt"],
    "optimizers": ["data", "lesson"],
    "classification": ["opt", "red"],
}
EXTRA_VIEWS: dict[str, list[dict[str, str]]] = {
    "mse": [{"lang": "zh"}, {"size_average": "False", "reduce": "True"}],
    "softmax": [
        {"lang": "zh"},
        {"logits": "1000,999,-1000"},
        {"logits": "1000,999,-1000", "T": "2"},
        {"logits": "1,2,3,4,5,6,7,8,9,10", "T": "0.4", "target": "9"},
    ],
    "autograd": [
        {"lang": "zh"},
        {"ag_ow": "true"},
        {"ag_bw": "false"},
        {"ag_p": "chain", "ag_bw": "false", "ag_g": "sigmoid", "ag_f": "exp"},
        {"ag_p": "softmax_ce", "ag_bw": "false", "ag_t": "2", "lang": "zh"},
        {"ag_plr": "0"},
        {"quiz": "true"},
    ],
    "regression": [{"lang": "zh"}, {"data": "toy", "shuffle": "false", "batch": "1"}],
    "optimizers": [
        {"lang": "zh"},
        {"opts": "torch_sgd,momentum,nesterov,rmsprop,adam,adamw", "x0scale": "3", "adamw_wd": "0.5"},
    ],
    "classification": [{"lang": "zh"}, {"ls": "0.2", "shuffle": "false", "epochs": "2"}, {"step": "0", "wd": "0.1"}],
}

DRIVER = textwrap.dedent(
    """
    import contextlib, io, json, os, sys, traceback
    import torch  # noqa: F401  (imported once; each view runs in a fork with its own state)
    sys.path.insert(0, {root!r})
    from ui.code import raised_error

    views = json.load(sys.stdin)
    failures = []
    for view in views:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            problems = []
            namespace = {{"__name__": "__main__"}}
            for i, block in enumerate(view["blocks"]):
                announced = raised_error(block)
                try:
                    with contextlib.redirect_stdout(io.StringIO()):
                        exec(compile(block, f"<{{view['id']}} block {{i}}>", "exec"), namespace)
                except Exception as error:
                    name, message = type(error).__name__, str(error)
                    if announced is None:
                        problems.append(f"block {{i}} raised {{name}}: {{message[:300]}}\\n{{block}}")
                    elif name != announced[0] or not message.startswith(announced[1]):
                        problems.append(
                            f"block {{i}} announced {{announced}} but raised {{name}}: {{message[:300]}}\\n{{block}}"
                        )
                else:
                    if announced is not None:
                        problems.append(f"block {{i}} announced {{announced}} but raised nothing\\n{{block}}")
            os.write(write, json.dumps(problems).encode())
            os._exit(0)
        os.close(write)
        with os.fdopen(read) as pipe:
            output = pipe.read()
        os.waitpid(pid, 0)
        for problem in json.loads(output or '["the child process died"]'):
            failures.append(f"{{view['id']}}: {{problem}}")
    print(json.dumps(failures))
    """
)


def python_blocks(at) -> list[str]:
    return [element.value for element in at.code if element.language == "python"]


def views(page: str) -> Iterator[tuple[str, dict[str, str]]]:
    """(id, URL params) of every view whose code is run: each option of each choice, then the extras."""
    at = open_page(page_info(page))
    specs = at.session_state[SPECS_KEY]
    yield "default", {}
    for key in CHOICES[page]:
        for option in specs[key][1]:
            yield f"{key}={option}", {key: option}
    for extra in EXTRA_VIEWS[page]:
        yield "&".join(f"{k}={v}" for k, v in extra.items()), extra


def collect(page: str) -> list[dict]:
    info = page_info(page)
    collected = []
    for view_id, params in views(page):
        at = open_page(info, params=params)
        assert not at.exception, f"{page} {view_id}: {at.exception}"
        for code, _ in info.tabs:
            open_tab(at, page, code)
            assert not at.exception, f"{page} {view_id} tab={code}: {at.exception}"
            blocks = python_blocks(at)
            if blocks:
                collected.append({"id": f"{page}?{view_id}&tab={code}", "blocks": blocks})
    return collected


@pytest.mark.parametrize("page", list(CHOICES))
def test_every_code_block_runs_as_shown_in_page_order(page):
    collected = collect(page)
    assert collected, f"{page} shows no Python code at all"
    result = subprocess.run(
        [sys.executable, "-c", DRIVER.format(root=str(ROOT))],
        input=json.dumps(collected),
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    failures = json.loads(result.stdout.strip().splitlines()[-1])
    assert not failures, "\n\n".join(failures[:10])


def test_an_announced_error_is_parsed_from_its_comment():
    from ui.code import raised_error

    block = "loss.backward()  # raises RuntimeError: grad can be implicitly created only for scalar outputs"
    assert raised_error(block) == ("RuntimeError", "grad can be implicitly created only for scalar outputs")
    assert raised_error("x = 1  # 抛出 ValueError") == ("ValueError", "")
    assert raised_error("loss.backward()\nX.grad") is None
