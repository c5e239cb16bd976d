"""The sidebar every page shares: language and compute device, both kept in the URL."""

from __future__ import annotations

import streamlit as st
import torch

from core.device import available_devices
from ui.classroom import presenter_mode, quiz_mode, share_panel
from ui.i18n import LANG_KEY, LANGUAGES, t
from ui.state import url_select

DEVICE_KEY = "device"


def render_sidebar() -> None:
    """Draw the language and device pickers and the classroom switches (the menu sits above)."""
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
        st.subheader(t("classroom.title"), divider="gray")
        if presenter_mode(container=st.sidebar):
            st.set_page_config(initial_sidebar_state="collapsed")
        quiz_mode(container=st.sidebar)


def render_sidebar_footer() -> None:
    """What goes below, once the page has drawn its controls: the share panel and the versions."""
    share_panel(st.sidebar)
    st.sidebar.caption(t("sidebar.versions", torch=torch.__version__, streamlit=st.__version__))


def selected_device() -> str:
    """The device chosen in the sidebar ("cpu" until the sidebar has been drawn)."""
    device = st.session_state.get(DEVICE_KEY)
    return device if device in available_devices() else available_devices()[0]
