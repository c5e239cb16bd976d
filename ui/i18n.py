"""Every visible string in English and Simplified Chinese, and `t(key, **values)` to fetch one.

Catalogs live in `ui/locales/<topic>.py` and in a topic package's `ui/<topic>/strings.py`, each a dict
`STRINGS = {key: (english, chinese)}`, so a string cannot exist in one language only. Keys are
namespaced by topic ("mse.title").
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import streamlit as st

import ui
from ui import locales

LANGUAGES = {"en": "English", "zh": "简体中文"}
DEFAULT_LANG = "en"
LANG_KEY = "lang"

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _catalog_modules() -> list[str]:
    """ui/locales/*.py, then every topic package's strings.py (ui/<topic>/strings.py)."""
    names = [f"ui.locales.{m.name}" for m in sorted(pkgutil.iter_modules(locales.__path__), key=lambda m: m.name)]
    root = Path(ui.__path__[0])
    topics = sorted(m.name for m in pkgutil.iter_modules(ui.__path__) if (root / m.name / "strings.py").exists())
    return names + [f"ui.{topic}.strings" for topic in topics]


def _load_catalog() -> dict[str, tuple[str, str]]:
    catalog: dict[str, tuple[str, str]] = {}
    for name in _catalog_modules():
        module = importlib.import_module(name)
        duplicated = catalog.keys() & module.STRINGS.keys()
        if duplicated:
            raise RuntimeError(f"translation keys defined twice: {sorted(duplicated)}")
        catalog.update(module.STRINGS)
    return catalog


CATALOG = _load_catalog()


def current_lang() -> str:
    """The language chosen in the sidebar (or by `?lang=`), "en" until one is chosen."""
    lang = st.session_state.get(LANG_KEY, DEFAULT_LANG)
    return lang if lang in LANGUAGES else DEFAULT_LANG


def translate(key: str, lang: str, **values: object) -> str:
    """The string for `key` in `lang`, with `{name}` placeholders filled from `values`.

    Braces that are not a named placeholder (LaTeX's `\\frac{1}{n}`) are left as they are.
    """
    english, chinese = CATALOG[key]
    text = chinese if lang == "zh" else english
    if not values:
        return text
    return _PLACEHOLDER.sub(lambda m: str(values[m[1]]) if m[1] in values else m[0], text)


def t(key: str, **values: object) -> str:
    """The string for `key` in the current language."""
    return translate(key, current_lang(), **values)


def placeholders(text: str) -> set[str]:
    """The `{name}` placeholders in a catalog string (used by the catalog tests)."""
    return set(_PLACEHOLDER.findall(text))
