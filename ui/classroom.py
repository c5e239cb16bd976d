"""Classroom kit: presenter mode, predict-then-reveal questions, share and lesson links, worksheets.

Pages build their questions from their current state (`Question`) and call `quiz(questions)` near
the top and `results_hidden()` before the results the questions ask about; the rest is shared.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

import streamlit as st

from ui.i18n import t
from ui.numbers import num
from ui.state import HIDE_PARAM, drawn_controls, hidden_keys, url_toggle

PRESENT_KEY = "present"
QUIZ_KEY = "quiz"

# For a projector seen from the back of a room at 1280×720. The page keeps the theme's background, so
# charts (which paint their own, in the theme's colour) do not sit in boxes; the graph's SVG is scaled
# to the column's width. Charts get larger labels and height from `presenter_chart` (CSS cannot: a
# chart measures its column and lays itself out in it).
PRESENTER_CSS = """
<style>
html { font-size: 22px; }
/* the theme in use, as ui/a11y.py marks it: pure white on black in the dark theme, black on white in the light */
html[data-ll-theme="light"] [data-testid="stAppViewContainer"] { background: #ffffff; }
html[data-ll-theme="light"] [data-testid="stMain"] :is(p, li, td, h1, h2, h3) { color: #000000; }
html[data-ll-theme="dark"] [data-testid="stAppViewContainer"] { background: #000000; }
html[data-ll-theme="dark"] [data-testid="stMain"] :is(p, li, td, h1, h2, h3) { color: #ffffff; }
[data-testid="stMain"] .katex { font-size: 1.35em; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding-left: 2rem; padding-right: 2rem; }
[data-testid="stMain"] [data-testid="stElementContainer"]:has([data-testid="stGraphVizChart"]),
[data-testid="stMain"] [data-testid="stElementContainer"]:has([data-testid="stGraphVizChart"]) div {
  width: 100% !important; max-width: 100% !important; }
[data-testid="stMain"] [data-testid="stGraphVizChart"] svg { width: 100%; height: auto; max-height: 88vh; }
</style>
"""

PRESENTER_CHART_CONFIG = {
    "axis": {"labelFontSize": 20, "titleFontSize": 22},
    "legend": {"labelFontSize": 20, "titleFontSize": 22, "symbolSize": 220},
    "title": {"fontSize": 24},
}
PRESENTER_CHART_HEIGHT = 1.6  # times the chart's own height


def presenter_chart(spec: dict) -> dict:
    """A Vega-Lite `spec` as presenter mode draws it: labels readable from the back of a room and a
    taller plot; unchanged when presenter mode is off. `spec` itself is not modified (it may be cached)."""
    if not st.session_state.get(PRESENT_KEY):
        return spec
    config = dict(spec.get("config") or {})
    for part, sizes in PRESENTER_CHART_CONFIG.items():
        config[part] = {**config.get(part, {}), **sizes}
    larger = {**spec, "config": config}
    if isinstance(spec.get("height"), int | float):
        larger["height"] = round(spec["height"] * PRESENTER_CHART_HEIGHT)
    return larger


# The share panel's chips show their whole label (wrapped), not a truncated one.
SHARE_CSS = """
<style>
.st-key-_hide_pick [data-tag] { max-width: 100%; height: auto; }
.st-key-_hide_pick [data-tag] > span[title] { white-space: normal; overflow: visible; text-overflow: clip; }
</style>
"""


@dataclass(frozen=True)
class Question:
    """One predict-then-reveal question: `answer` is what the page computes for the current state."""

    key: str
    prompt: str
    answer: float
    reason: str
    tolerance: float = 1e-3

    def is_close(self, guess: float) -> bool:
        return math.isclose(guess, self.answer, rel_tol=self.tolerance, abs_tol=self.tolerance)


def presenter_mode(container=None) -> bool:
    """The presenter toggle (URL `present=true`): larger type, high contrast, sidebar collapsed."""
    on = url_toggle(PRESENT_KEY, t("classroom.present"), container=container, help=t("classroom.present_help"))
    if on:
        st.html(PRESENTER_CSS)
    return on


def quiz_mode(container=None) -> bool:
    """The "quiz me" toggle (URL `quiz=true`)."""
    return url_toggle(QUIZ_KEY, t("classroom.quiz"), container=container, help=t("classroom.quiz_help"))


def _revealed_key(question: Question) -> str:
    # the answer is part of the key: change the inputs and the new question is hidden again
    return f"_revealed_{question.key}_{question.answer:.9g}"


def all_revealed(questions: Sequence[Question]) -> bool:
    return all(st.session_state.get(_revealed_key(q)) is not None for q in questions)  # a guess of 0 counts


def results_hidden(questions: Sequence[Question]) -> bool:
    """True while quiz mode is on and some question is unanswered: the page then hides the results
    the questions ask about (and says so) instead of giving the answers away."""
    hidden = bool(st.session_state.get(QUIZ_KEY)) and not all_revealed(questions)
    if hidden:
        st.info(t("classroom.hidden_until_answered"), icon=":material/visibility_off:")
    return hidden


def quiz(questions: Sequence[Question]) -> None:
    """Ask each question; on "Reveal", show the true value, how far off the guess was and why."""
    if not st.session_state.get(QUIZ_KEY) or not questions:
        return
    with st.container(border=True):
        st.subheader(t("classroom.quiz_title"))
        for number, question in enumerate(questions, start=1):
            st.markdown(f"**{number}.** {question.prompt}")
            left, right = st.columns([3, 1], vertical_alignment="bottom")
            guess = left.number_input(
                t("classroom.your_guess"),
                value=None,
                format="%.4f",
                key=f"_guess_{question.key}",
                placeholder=t("classroom.guess_placeholder"),
            )
            if right.button(t("classroom.reveal"), key=f"_reveal_{question.key}", disabled=guess is None):
                st.session_state[_revealed_key(question)] = guess
            if st.session_state.get(_revealed_key(question)) is not None and guess is not None:
                _verdict(question, st.session_state[_revealed_key(question)])
        if st.button(t("classroom.new_attempt"), key="_quiz_reset"):
            for question in questions:
                st.session_state.pop(_revealed_key(question), None)
            st.rerun()


def _verdict(question: Question, guess: float) -> None:
    error = guess - question.answer
    values = dict(answer=num(question.answer), guess=num(guess), error=("+" if error >= 0 else "") + num(error))
    if question.is_close(guess):
        st.success(t("classroom.right", **values), icon=":material/check_circle:")
    else:
        st.warning(t("classroom.off_by", **values), icon=":material/my_location:")
    st.caption(question.reason)


def lesson_link(base_url: str, params: dict[str, str], hide: Sequence[str]) -> str:
    """The page's URL with its current parameters and, if any, the controls to hide."""
    query = {k: v for k, v in params.items() if k != HIDE_PARAM}
    if hide:
        query[HIDE_PARAM] = ",".join(hide)
    return f"{base_url}?{urlencode(query)}" if query else base_url


SHARE_KEY = "_share_open"


def share_panel(container) -> None:
    """Share this view, and build a lesson link that hides chosen controls. Drawn only while it is open
    (opening it reruns the page), so the reruns of a page do not pay for it."""
    panel = container.expander(t("classroom.share"), icon=":material/share:", key=SHARE_KEY, on_change="rerun")
    if not panel.open:
        return
    params = {k: st.query_params.get(k) for k in st.query_params}
    base = st.context.url or ""
    with panel:
        st.html(SHARE_CSS)
        st.caption(t("classroom.share_help"))
        # a link is one token: it scrolls sideways rather than wrap mid-word (the copy button copies it whole)
        st.code(lesson_link(base, params, sorted(hidden_keys())), language=None)
        controls = {k: v for k, v in drawn_controls().items() if k != HIDE_PARAM}
        hide = st.multiselect(
            t("classroom.hide_controls"),
            list(controls),
            default=sorted(hidden_keys() & set(controls)),
            format_func=lambda k: f"{controls[k]} ({k})",
            key="_hide_pick",
        )
        st.caption(t("classroom.lesson_link"))
        st.code(lesson_link(base, params, hide), language=None)


def worksheet_html(title: str, inputs: dict[str, str], questions: Sequence[Question], lang: str) -> str:
    """A printable worksheet: the inputs, the questions with space for working, then (on a new
    page) the answer key. Everything user-supplied is escaped."""
    esc = html.escape
    rows = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in inputs.items())
    asked = "".join(f"<li><p>{esc(q.prompt)}</p><div class='work'></div></li>" for q in questions)
    key = "".join(f"<li><p><b>{esc(num(q.answer))}</b> — {esc(q.reason)}</p></li>" for q in questions)
    return f"""<!doctype html>
<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8"><title>{esc(title)}</title>
<style>
body {{ font-family: "Noto Sans", "Noto Sans CJK SC", sans-serif; max-width: 48rem; margin: 2rem auto; }}
table {{ border-collapse: collapse; }} th, td {{ border: 1px solid #999; padding: .3rem .6rem; text-align: left; }}
.work {{ height: 9rem; border: 1px dashed #bbb; margin-bottom: 1rem; }}
.answers {{ page-break-before: always; break-before: page; }}
</style></head><body>
<h1>{esc(title)}</h1>
<p>{esc(t("classroom.ws_name"))} ______________________</p>
<h2>{esc(t("classroom.ws_inputs"))}</h2><table>{rows}</table>
<h2>{esc(t("classroom.ws_questions"))}</h2><ol>{asked}</ol>
<section class="answers"><h2>{esc(t("classroom.ws_answers"))}</h2><ol>{key}</ol></section>
</body></html>
"""


def worksheet_button(title: str, inputs: dict[str, str], questions: Sequence[Question], lang: str) -> None:
    """A download button for the worksheet of the current state."""
    st.download_button(
        t("classroom.worksheet"),
        worksheet_html(title, inputs, questions, lang),
        file_name="loss-lab-worksheet.html",
        mime="text/html",
        icon=":material/print:",
        key="_worksheet",
    )
