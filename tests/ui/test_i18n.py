"""The translation catalog: both languages for every key, and every key a page uses exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ui.i18n import CATALOG, placeholders, translate
from ui.nav import PAGES

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "streamlit_app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "ui").rglob("*.py"))]
LITERAL_KEY = re.compile(r"""\b(?:t|translate|_t)\(\s*["']([\w.]+)["']""")


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_key_has_both_languages(key):
    english, chinese = CATALOG[key]
    assert english.strip() and chinese.strip()


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_placeholders_match_between_languages(key):
    english, chinese = CATALOG[key]
    assert placeholders(english) == placeholders(chinese)


def test_chinese_catalog_is_chinese():
    chinese = [zh for en, zh in CATALOG.values() if en != zh]
    with_cjk = [zh for zh in chinese if re.search(r"[\u4e00-\u9fff]", zh)]
    assert len(with_cjk) >= 0.9 * len(chinese)


def test_every_key_used_in_the_code_exists():
    used = {
        (path.relative_to(ROOT), key)
        for path in SOURCES
        for key in LITERAL_KEY.findall(path.read_text(encoding="utf-8"))
    }
    assert used, "the scan found no t(...) calls"
    missing = sorted((str(path), key) for path, key in used if key not in CATALOG)
    assert not missing


def test_every_page_title_and_card_is_translated():
    for page in PAGES:
        for key in (page.title_key, page.question_key):
            if key is not None:
                assert key in CATALOG


def test_translate_fills_named_placeholders_and_leaves_latex_braces():
    key = "state.at_most_chars"
    assert translate(key, "en", n=5) == "at most 5 characters"
    assert translate(key, "zh", n=5) == "最多 5 个字符"


def test_unknown_key_is_a_key_error():
    with pytest.raises(KeyError):
        translate("no.such.key", "en")
