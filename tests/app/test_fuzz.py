"""Fuzzing every page: hostile URLs, then many random in-range values for every URL-bound widget.

Whatever the values, a page may show an error or a warning but never an exception.
"""

from __future__ import annotations

import math
import random
import string

import pytest

from tests.app.helpers import PAGES, open_page, page_ids
from ui.i18n import translate
from ui.state import SPECS_KEY

BAD_PARAM_PREFIX = translate("state.bad_param", "en").split("**")[0]

ROUNDS = 12
WIDGET_KINDS = ("selectbox", "radio", "slider", "number_input", "text_input", "toggle", "button_group")


def _find_widget(at, key):
    for kind in WIDGET_KINDS:
        for widget in getattr(at, kind):
            if widget.key == key:
                return widget
    return None


def _random_value(rng: random.Random, spec: tuple):
    kind = spec[0]
    if kind == "select":
        return rng.choice(spec[1])
    if kind == "toggle":
        return rng.random() < 0.5
    if kind == "text":
        alphabet = string.digits + ",.;- eE" + "ab"
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, min(30, spec[1]))))
    low, high, integer = spec[1], spec[2], spec[3]
    roll = rng.random()
    if roll < 0.15:
        value = low
    elif roll < 0.3:
        value = high
    elif low > 0 and high / low > 100:  # log-uniform, so wide ranges are explored at every scale
        value = math.exp(rng.uniform(math.log(low), math.log(high)))
    else:
        value = rng.uniform(low, high)
    return round(value) if integer else float(value)


def _encode(value) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


@pytest.mark.parametrize("page", PAGES, ids=page_ids())
def test_random_valid_url_opens_without_warning_or_exception(page):
    specs = open_page(page).session_state[SPECS_KEY]
    rng = random.Random(f"url-{page.url_path}")
    for _ in range(3):
        params = {key: _encode(_random_value(rng, spec)) for key, spec in specs.items() if spec[0] != "text"}
        at = open_page(page, params=params)
        assert not at.exception, (params, [e.value for e in at.exception])
        url_warnings = [w.value for w in at.warning if w.value.startswith(BAD_PARAM_PREFIX)]
        assert not url_warnings, (params, url_warnings)


@pytest.mark.parametrize("page", PAGES, ids=page_ids())
def test_random_widget_values_never_raise(page):
    at = open_page(page)
    rng = random.Random(f"widgets-{page.url_path}")
    for _ in range(ROUNDS):
        specs = {k: s for k, s in at.session_state[SPECS_KEY].items() if _find_widget(at, k) is not None}
        key = rng.choice(sorted(specs))
        widget = _find_widget(at, key)
        if widget.disabled:
            continue
        value = _random_value(rng, specs[key])
        widget.set_value(value).run()
        assert not at.exception, (key, value, [e.value for e in at.exception])
