"""The sidebar every page shares: language and compute device, both kept in the URL."""

from __future__ import annotations

import streamlit as st
import torch

from core.device import available_devices
from ui.i18n import LANG_KEY, LANGUAGES, t
from ui.state import url_select

DEVICE_KEY = "device"


def render_sidebar() -> None:
    """Draw the language and device pickers (the navigation menu sits above them)."""
    with st.sidebar:
        url_select(
            LANG_KEY,
            t("sidebar.language"),
            list(LANGUAGES),
            format_func=LANGUAGES.__getitem__,
            widget="segmented",
            container=st.sidebar,
        )
        devices = available_devices()
        url_select(
            DEVICE_KEY,
            t("sidebar.device"),
            devices,
            default=devices[0],
            container=st.sidebar,
            help=t("sidebar.device_help"),
        )
        st.caption(t("sidebar.versions", torch=torch.__version__, streamlit=st.__version__))


def selected_device() -> str:
    """The device chosen in the sidebar ("cpu" until the sidebar has been drawn)."""
    device = st.session_state.get(DEVICE_KEY)
    return device if device in available_devices() else available_devices()[0]
