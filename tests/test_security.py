"""Nothing user-supplied can reach code execution, unpickling, a shell or the disk: the app's own
code (core/, ui/, pages/, streamlit_app.py) makes none of those calls at all."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP_FILES = sorted(
    [
        ROOT / "streamlit_app.py",
        *(ROOT / "core").rglob("*.py"),
        *(ROOT / "ui").rglob("*.py"),
        *(ROOT / "pages").glob("*.py"),
    ]
)
FORBIDDEN_BUILTINS = {"eval", "exec", "compile", "__import__"}
FORBIDDEN_METHODS = {
    ("os", "system"),
    ("os", "popen"),
    ("torch", "load"),
    ("np", "load"),
    ("numpy", "load"),
    ("yaml", "load"),
    ("pd", "read_pickle"),
}
FORBIDDEN_MODULES = {"pickle", "marshal", "shelve", "subprocess", "dill", "joblib"}


def _calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
            yield node, name, owner


@pytest.mark.parametrize("path", APP_FILES, ids=[str(p.relative_to(ROOT)) for p in APP_FILES])
def test_no_code_execution_unpickling_or_shell(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            assert not {n.split(".")[0] for n in names} & FORBIDDEN_MODULES, (path, ast.unparse(node))
    for node, name, owner in _calls(tree):
        is_builtin = isinstance(node.func, ast.Name) and name in FORBIDDEN_BUILTINS
        assert not is_builtin and (owner, name) not in FORBIDDEN_METHODS, (path, node.lineno, ast.unparse(node))


@pytest.mark.parametrize("path", APP_FILES, ids=[str(p.relative_to(ROOT)) for p in APP_FILES])
def test_no_file_is_written(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node, name, _ in _calls(tree):
        if name in {"write_text", "write_bytes", "to_csv", "to_pickle", "save"}:
            # to_csv into memory (no path argument) is how downloads are built
            assert name == "to_csv" and (not node.args or isinstance(node.args[0], ast.Constant)), (
                path,
                node.lineno,
                ast.unparse(node),
            )
        if name == "open":
            modes = [a.value for a in node.args[1:2] if isinstance(a, ast.Constant)]
            assert not modes or "r" in modes[0], (path, node.lineno, ast.unparse(node))
