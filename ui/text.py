"""Showing user-supplied text safely inside Streamlit markdown."""

from __future__ import annotations

import re

MAX_SHOWN_CHARS = 40
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$])")


def shown(raw: object, limit: int = MAX_SHOWN_CHARS) -> str:
    """A user-supplied value as a short inline code span (markdown and HTML inside stay inert)."""
    text = str(raw).replace("`", "'").replace("\n", " ")
    if len(text) > limit:
        text = text[:limit] + "…"
    return f"`{text}`"


def escape_md(text: str) -> str:
    """`text` with every markdown/HTML special character escaped, so it renders literally."""
    return _MD_SPECIAL.sub(r"\\\1", text)
