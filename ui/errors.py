"""Turn `core.errors.InputError` into a message in the learner's language (never a traceback)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from core.errors import InputError
from ui.i18n import CATALOG, t
from ui.text import escape_md, shown


def message(error: InputError) -> str:
    """The error's message in the current language, falling back to core's English text."""
    key = f"err.{error.code}"
    if error.code and key in CATALOG:
        details = {k: v if k == "name" else shown(v) for k, v in error.details.items()}
        return t(key, **details)
    return escape_md(str(error))


def show_input_error(error: InputError, container: Any = None) -> None:
    """An `st.error` box with the translated message, once: an error shown beside its widget and raised on
    to the page is not shown again (`ui.settings.last_valid`)."""
    if error.details.get(_SHOWN):
        return
    (container or st).error(t("error.input", message=message(error)), icon=":material/block:")
    error.details[_SHOWN] = True


_SHOWN = "_shown"
