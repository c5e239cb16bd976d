"""Fuzzing every page: hostile URLs, then many random in-range values for every URL-bound widget.

Whatever the values, a page may show an error or a warning but never an exception.
"""

from __future__ import annotations

import random

import pytest

from tests.app.helpers import PAGES, open_page, open_tab, page_ids, random_widget_value
from ui.i18n import translate
from ui.state import SPECS_KEY, TAB_PARAM

BAD_PARAM_PREFIX = translate("state.bad_param", "en").split("**")[0]

ROUNDS = 16
WIDGET_KINDS = ("selectbox", "radio", "slider", "number_input", "text_input", "toggle", "button_group")


def _find_widget(at, key):
    for kind in WIDGET_KINDS:
        for widget in getattr(at, kind):
            if widget.key == key:
                return widget
    return None


def _encode(value) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


@pytest.mark.parametrize("page", PAGES, ids=page_ids())
def test_random_valid_url_opens_without_warning_or_exception(page):
    specs = open_page(page).session_state[SPECS_KEY]
    rng = random.Random(f"url-{page.url_path}")
    for _ in range(3):
        params = {key: _encode(random_widget_value(rng, spec)) for key, spec in specs.items() if spec[0] != "text"}
        at = open_page(page, params=params)
        assert not at.exception, (params, [e.value for e in at.exception])
        url_warnings = [w.value for w in at.warning if w.value.startswith(BAD_PARAM_PREFIX)]
        assert not url_warnings, (params, url_warnings)


@pytest.mark.parametrize("page", PAGES, ids=page_ids())
def test_random_widget_values_never_raise(page):
    at = open_page(page)
    rng = random.Random(f"widgets-{page.url_path}")
    for _ in range(ROUNDS):
        if page.tabs and rng.random() < 0.25:  # another tab, and with it that tab's widgets
            code = rng.choice(page.tabs)[0]
            open_tab(at, page.url_path, code)
            assert not at.exception, (TAB_PARAM, code, [e.value for e in at.exception])
            continue
        specs = {k: s for k, s in at.session_state[SPECS_KEY].items() if _find_widget(at, k) is not None}
        key = rng.choice(sorted(specs))
        widget = _find_widget(at, key)
        if widget.disabled:
            continue
        value = random_widget_value(rng, specs[key])
        widget.set_value(value).run()
        assert not at.exception, (key, value, [e.value for e in at.exception])
