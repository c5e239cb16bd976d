"""Keep the last valid result on bad input: one helper for every page.

A half-typed list or an out-of-range number in front of a class must not blank the page: the error says
what was wrong and what is allowed, and the page goes on showing the last result its inputs produced.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

import streamlit as st

from core.errors import InputError
from ui.errors import show_input_error
from ui.i18n import t

T = TypeVar("T")


class Checked(NamedTuple):
    value: Any
    fresh: bool  # False: the inputs on screen are bad and `value` is the last valid one (or the fallback)


def last_valid(name: str, build: Callable[[], T], *, fallback: Callable[[], T] | None = None) -> Checked:
    """`build()`, remembered in the session under `name`. When it raises `InputError`: the error as a message,
    then the last value `build()` gave in this session, or `fallback()` before there is one; with neither,
    the page stops below the message. Other exceptions (and `st.stop()`) pass through."""
    key = f"{name}_last_valid"
    try:
        value = build()
    except InputError as error:
        show_input_error(error)
        if key in st.session_state:
            value = st.session_state[key]
        elif fallback is not None:
            value = fallback()
        else:
            st.stop()
        st.caption(t("error.kept_last"))
        return Checked(value, fresh=False)
    st.session_state[key] = value
    return Checked(value, fresh=True)
