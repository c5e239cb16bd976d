"""`last_valid`: bad input shows its error and keeps the last valid result; a page without one stops."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _page():
    import streamlit as st

    from core.errors import check_number
    from ui.settings import last_valid

    raw = st.text_input("n", "2")
    fallback = (lambda: -1.0) if st.session_state.get("with_fallback") else None
    value, fresh = last_valid("probe", lambda: check_number("n", float(raw) if raw else raw, low=0), fallback=fallback)
    st.write(f"value={value} fresh={fresh}")


def _shown(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown)


def test_a_bad_value_keeps_the_last_valid_one_and_says_so():
    at = AppTest.from_function(_page).run()
    assert "value=2.0 fresh=True" in _shown(at)
    at.text_input[0].set_value("-3").run()
    assert not at.exception
    assert at.error, "the bad value is explained"
    assert "value=2.0 fresh=False" in _shown(at)
    assert at.caption, "the page says it shows the last valid result"
    at.text_input[0].set_value("5").run()
    assert "value=5.0 fresh=True" in _shown(at) and not at.error


def test_bad_input_before_any_valid_one_stops_below_the_message_or_uses_the_fallback():
    at = AppTest.from_function(_page).run()
    del at.session_state["probe_last_valid"]  # as before the first valid input
    at.text_input[0].set_value("-1").run()
    assert at.error and "value=" not in _shown(at)
    at.session_state["with_fallback"] = True
    at.run()
    assert "value=-1.0 fresh=False" in _shown(at)
