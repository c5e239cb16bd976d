"""The classroom kit: questions, lesson links, worksheets, presenter mode and hidden controls."""

from __future__ import annotations

from html.parser import HTMLParser

from streamlit.delta_generator import DeltaGenerator

from tests.app.helpers import PAGES, open_page
from ui.classroom import PRESENTER_CHART_HEIGHT, PRESENTER_CSS, Question, lesson_link, worksheet_html

HOME = PAGES[0]
QUESTIONS = [
    Question("loss", "What is the loss?", 17 / 6, "Sum of the six squares, 17, over n·d = 6."),
    Question("g00", "What is X.grad[0, 0]?", 1 / 3, "2/(n·d)·(x − y) = 2/6 · 1."),
]


def test_a_guess_within_tolerance_counts_as_right():
    assert QUESTIONS[0].is_close(2.8333)
    assert not QUESTIONS[0].is_close(2.9)


def test_lesson_link_keeps_the_state_and_names_the_hidden_controls():
    link = lesson_link("http://x/mse", {"reduction": "sum", "lang": "zh"}, ["reduction", "X"])
    assert link == "http://x/mse?reduction=sum&lang=zh&hide=reduction%2CX"


def test_lesson_link_without_parameters_is_the_bare_page():
    assert lesson_link("http://x/mse", {}, []) == "http://x/mse"


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text = []
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_worksheet_has_inputs_questions_and_an_answer_key_on_its_own_page():
    sheet = worksheet_html("MSE", {"X": "[[3, 1], [4, 2]]", "reduction": "mean"}, QUESTIONS, "en")
    parser = _Text()
    parser.feed(sheet)
    text = " ".join(parser.text)
    assert "[[3, 1], [4, 2]]" in text and "mean" in text
    assert "What is the loss?" in text and "2.8333" in text and "0.3333" in text
    assert sheet.index("What is the loss?") < sheet.index('class="answers"') < sheet.index("2.8333")
    assert "break-before: page" in sheet


def test_worksheet_escapes_user_input():
    sheet = worksheet_html("<b>t</b>", {"X": "<script>alert(1)</script>"}, [], "zh")
    assert "<script>alert" not in sheet and "&lt;script&gt;" in sheet
    assert 'lang="zh-CN"' in sheet


def _own_html(at) -> list[str]:
    """The st.html bodies a page sent, less ui/a11y.py's, which every page sends."""
    return [h.value for h in at.get("html") if "data-ll-a11y" not in h.value]


def test_presenter_mode_from_the_url_injects_its_style():
    at = open_page(HOME, params={"present": "true"})
    assert at.session_state["present"] is True
    assert _own_html(at) == [PRESENTER_CSS.strip()]


def test_presenter_mode_is_off_by_default():
    assert not _own_html(open_page(HOME))


def test_a_lesson_link_hides_the_controls_it_names_but_keeps_their_values():
    at = open_page(HOME, params={"hide": "lang", "lang": "zh"})
    assert not [w for w in at.button_group if w.key == "lang"]
    assert at.session_state["lang"] == "zh"
    assert at.title[0].value.startswith("Loss Lab")
    assert any("损失" in m.value or "PyTorch" in m.value for m in at.markdown)


def test_presenter_mode_draws_charts_with_larger_labels_and_height(monkeypatch):
    drawn: list[dict] = []
    draw = DeltaGenerator.vega_lite_chart
    monkeypatch.setattr(
        DeltaGenerator, "vega_lite_chart", lambda dg, *a, **kw: drawn.append(kw["spec"]) or draw(dg, *a, **kw)
    )

    def charts(params):
        drawn.clear()
        open_page(next(p for p in PAGES if p.url_path == "autograd"), params=params | {"tab": "modes"})
        return list(drawn)

    plain, presented = charts({}), charts({"present": "true"})
    assert len(plain) == len(presented) == 2
    for before, after in zip(plain, presented, strict=True):
        assert after["height"] == round(before["height"] * PRESENTER_CHART_HEIGHT)
        assert after["config"]["axis"]["labelFontSize"] >= 18 and after["config"]["legend"]["labelFontSize"] >= 18
        assert before.get("config", {}).get("axis", {}).get("labelFontSize") is None  # a plain view is unchanged
