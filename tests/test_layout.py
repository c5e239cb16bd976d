"""The code map of the README holds: one package per topic with the same parts, thin pages, imports one way."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT
from ui.nav import PAGES

PARTS = ("inputs", "compute", "tabs", "charts", "quiz", "strings")
TOPICS = sorted(p.url_path for p in PAGES if not p.is_home)


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


def _topic_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "ui" and parts[1] in TOPICS else None


@pytest.mark.parametrize("topic", TOPICS)
def test_every_topic_is_one_package_with_the_same_parts_and_a_thin_page(topic):
    package = ROOT / "ui" / topic
    assert package.is_dir(), f"ui/{topic}/ is missing"
    missing = [part for part in PARTS if not (package / f"{part}.py").exists()]
    assert not missing, f"ui/{topic}/ lacks {missing}"
    lines = len((ROOT / "pages" / f"{topic}.py").read_text(encoding="utf-8").splitlines())
    assert 40 <= lines <= 80, f"pages/{topic}.py has {lines} lines; a page is 40-80 lines"


def test_no_topic_module_is_left_at_the_top_of_ui():
    flat = [p.name for p in (ROOT / "ui").glob("*.py") if p.stem.split("_")[0] in TOPICS]
    flat += [p.name for p in (ROOT / "ui" / "charts").glob("*.py") if p.stem in TOPICS]
    flat += [p.name for p in (ROOT / "ui" / "locales").glob("*.py") if p.stem in TOPICS]
    assert not flat, flat


def test_imports_point_one_way_pages_topics_shared_core():
    wrong = []
    for path in sorted((ROOT / "core").rglob("*.py")):
        wrong += [f"{path.name}: {m}" for m in _imports(path) if m.split(".")[0] in ("ui", "pages", "streamlit")]
    for path in sorted((ROOT / "ui").rglob("*.py")):
        relative = path.relative_to(ROOT / "ui").parts
        own = relative[0] if len(relative) > 1 and relative[0] in TOPICS else None
        for module in _imports(path):
            other = _topic_of(module)
            if other is not None and other != own:
                wrong.append(f"ui/{'/'.join(relative)} imports {module}")
            if module.startswith("pages"):
                wrong.append(f"ui/{'/'.join(relative)} imports {module}")
    for path in sorted((ROOT / "pages").glob("*.py")):
        for module in _imports(path):
            other = _topic_of(module)
            if other is not None and other != path.stem:
                wrong.append(f"pages/{path.name} imports {module}")
    assert not wrong, wrong
