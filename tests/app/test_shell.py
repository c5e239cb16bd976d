"""The app shell: sidebar settings, URL state, navigation."""

from __future__ import annotations

from tests.app.helpers import PAGES, open_page
from ui.i18n import translate
from ui.nav import topic_pages

HOME = PAGES[0]


def test_lang_parameter_opens_the_app_in_chinese():
    at = open_page(HOME, params={"lang": "zh"})
    assert at.title[0].value == translate("app.title", "zh")
    assert translate("home.intro", "zh") in [m.value for m in at.markdown]


def test_choosing_a_language_writes_it_to_the_url():
    at = open_page(HOME)
    assert "lang" not in at.query_params
    at.button_group(key="lang").set_value("zh").run()
    assert at.query_params["lang"] == ["zh"] or at.query_params["lang"] == "zh"
    at.button_group(key="lang").set_value("en").run()
    assert "lang" not in at.query_params


def test_language_and_device_survive_a_page_switch():
    at = open_page(HOME, params={"lang": "zh"})
    at.selectbox(key="device").set_value("cpu").run()
    for page in topic_pages():
        at.switch_page(page.script).run()
        assert at.session_state["lang"] == "zh"
        assert at.session_state["device"] == "cpu"


def test_unknown_language_falls_back_to_english_with_a_warning():
    at = open_page(HOME, params={"lang": "fr"})
    assert at.session_state["lang"] == "en"
    assert "lang" in at.warning[0].value and "`fr`" in at.warning[0].value


def test_unavailable_device_falls_back_with_a_warning():
    at = open_page(HOME, params={"device": "tpu"})
    assert at.session_state["device"] in ("cuda", "mps", "cpu")
    assert any("device" in w.value for w in at.warning)


def test_home_has_a_card_for_every_topic_page():
    at = open_page(HOME)
    rendered = " ".join(m.value for m in at.markdown)
    for page in topic_pages():
        assert translate(page.question_key, "en") in rendered


def test_home_says_which_pytorch_runs():
    import torch

    at = open_page(HOME)
    assert any(torch.__version__ in m.value for m in at.markdown)


def test_topic_url_paths_are_their_file_names():
    # On a fresh server the first run resolves the URL against Streamlit's legacy pages/ menu, whose
    # paths are the file names; a match lets that run reach the page, which hands over to the
    # router (ui/streamlit_internals.py) instead of showing "page not found".
    from pathlib import Path

    for page in PAGES:
        if not page.is_home:
            assert page.url_path == Path(page.script).stem


def test_every_page_leaves_the_legacy_pages_mode_first():
    from pathlib import Path

    for page in PAGES:
        source = Path(page.script).read_text(encoding="utf-8")
        assert "leave_legacy_pages_mode()  # see ui/streamlit_internals.py" in source
