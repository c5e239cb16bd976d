"""Code blocks: every block a page shows is Python that runs as shown, in page order, in a fresh
interpreter with real PyTorch (tests/app/test_code_blocks.py runs them all).

A block that demonstrates an error says so in a comment naming the exception, in the form
``# raises RuntimeError: <the start of PyTorch's message>`` (Chinese: ``# 抛出 RuntimeError: …``),
and the test checks that exactly that error is raised there; the blocks after it still run.
"""

from __future__ import annotations

import re

import streamlit as st

from ui.i18n import t

RAISES = re.compile(r"#\s*(?:raises|抛出)\s+([A-Za-z_][\w.]*)(?::\s*(.*))?$", re.MULTILINE)


def code(snippet: str) -> None:
    """A Python block that runs as shown after the blocks above it on the page."""
    st.code(snippet, language="python")


def script(source: str, file_name: str) -> None:
    """A whole, self-contained script: shown, and offered as a file to download."""
    st.code(source, language="python")
    st.download_button(
        t("code.download", file=file_name), source, file_name=file_name, mime="text/x-python",
        on_click="ignore", icon=":material/download:", key=f"download-{file_name}",
    )  # fmt: skip


def raised_error(snippet: str) -> tuple[str, str] | None:
    """(exception name, message start) that `snippet` announces it raises, or None."""
    match = RAISES.search(snippet)
    return (match[1], (match[2] or "").strip()) if match else None
