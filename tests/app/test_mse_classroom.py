"""The MSE page's classroom kit under AppTest: quiz mode hides the answers until revealed, lesson links."""

from __future__ import annotations

import pytest

from core.mse import REDUCTIONS, mse, preset_pair
from tests.app.helpers import open_page, open_tab
from ui.classroom import SHARE_KEY
from ui.i18n import translate
from ui.mse.quiz import mse_questions
from ui.nav import PAGES

MSE_PAGE = next(p for p in PAGES if p.url_path == "mse")
HIDDEN_INFO = translate("classroom.hidden_until_answered", "en")


def questions_for(preset="seed000", reduction="mean", lang="en"):
    x, y = preset_pair(preset)
    return mse_questions(x, y, {r: mse(x, y, reduction=r) for r in REDUCTIONS}, reduction, lang)


def loss_metrics(at) -> list[str]:
    labels = {translate("mse.result.loss", lang, reduction=r) for lang in ("en", "zh") for r in REDUCTIONS}
    return [m.value for m in at.metric if m.label in labels]


def markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def reveal(at, question, guess: float):
    at.number_input(key=f"_guess_{question.key}").set_value(guess).run()
    return at.button(key=f"_reveal_{question.key}").click().run()


@pytest.fixture
def quiz_page():
    at = open_page(MSE_PAGE, params={"quiz": "true"})
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_quiz_mode_hides_the_answers_and_asks_the_questions(quiz_page):
    at = quiz_page
    for code, _ in MSE_PAGE.tabs:
        open_tab(at, "mse", code)
        assert loss_metrics(at) == [], code  # the loss 17/6 is not on screen
        latex = "\n".join(x.value for x in at.latex)
        assert r"\text{loss}" not in latex and r"X.\text{grad}" not in latex, code  # neither written out
        assert "17/6" not in markdown(at) and "2.8333" not in markdown(at), code
        # no gradient tables, SGD steps, norms or NumPy results: only the editors and the legacy-flags table
        tables = [list(d.value.columns) for d in at.dataframe if not d.key]
        legacy_table = [["size_average", "reduce", ".reduction", translate("mse.legacy.warns", "en")]]
        assert tables == (legacy_table if code == "legacy" else []), code
        assert [i.value for i in at.info].count(HIDDEN_INFO) == 1, code  # one notice, not one per result
    open_tab(at, "mse", "result")
    text = markdown(at)
    for question in questions_for():
        assert question.prompt in text
        assert at.number_input(key=f"_guess_{question.key}").value is None
    assert at.data_editor  # the inputs stay
    assert any(b.key == "_worksheet" for b in at.get("download_button"))


def test_reveal_shows_the_verdict_with_the_true_value(quiz_page):
    loss = next(q for q in questions_for() if q.key.startswith("mse_loss_"))
    at = reveal(quiz_page, loss, 3.0)
    off_by = translate("classroom.off_by", "en", answer="2.8333", guess="3", error="+0.1667")
    (verdict,) = [w for w in at.warning if w.value == off_by]
    assert "2.8333" in verdict.value and "you said 3," in verdict.value and "+0.1667" in verdict.value
    assert loss.reason in [c.value for c in at.caption]
    assert loss_metrics(at) == []  # the others are still unanswered

    sq = next(q for q in questions_for() if q.key.startswith("mse_sq_"))
    at = reveal(at, sq, 9.0)
    assert any("is 9 (" in s.value for s in at.success)


def test_after_revealing_every_question_the_results_appear(quiz_page):
    at = quiz_page
    for question in questions_for():
        at = reveal(at, question, question.answer)
    assert len(at.success) == len(questions_for())
    assert HIDDEN_INFO not in [i.value for i in at.info]
    assert loss_metrics(at) == ["17/6 = 2.8333"]
    assert any(r"\text{loss}" in x.value for x in at.latex)
    open_tab(at, "mse", "autograd")
    assert len([d for d in at.dataframe if not d.key]) == 4  # X.grad by autograd.grad, backward, twice, fresh


def test_a_new_reduction_asks_new_questions(quiz_page):
    at = quiz_page
    for question in questions_for():
        at = reveal(at, question, question.answer)
    at.button_group(key="reduction").set_value("sum").run()
    assert loss_metrics(at) == []
    assert questions_for(reduction="sum")[1].prompt in markdown(at)


def test_quiz_in_chinese(quiz_page):
    at = open_page(MSE_PAGE, params={"quiz": "true", "lang": "zh"})
    assert not at.exception
    for question in questions_for(lang="zh"):
        assert question.prompt in markdown(at)


def test_bad_input_asks_no_questions_and_does_not_crash(quiz_page):
    at = quiz_page
    editor = next(e for e in at.data_editor if e.key.startswith("mse_X_v"))
    at.session_state[editor.key] = {"edited_rows": {0: {"1": "abc"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception and at.error
    assert not [n for n in at.number_input if n.key.startswith("_guess_")]
    assert not any(b.key == "_worksheet" for b in at.get("download_button"))


def test_a_lesson_link_hides_the_reduction_picker_but_keeps_its_value():
    at = open_page(MSE_PAGE, params={"hide": "reduction", "reduction": "sum", "quiz": "true"})
    assert not at.exception
    assert not [w for w in at.button_group if w.key == "reduction"]
    assert at.session_state["reduction"] == "sum"
    assert questions_for(reduction="sum")[1].prompt in markdown(at)  # the questions follow the hidden value
    assert [w.key for w in at.selectbox if w.key == "preset"] == ["preset"]  # other controls stay


def test_quiz_off_leaves_the_page_unchanged():
    plain = open_page(MSE_PAGE)
    off = open_page(MSE_PAGE, params={"quiz": "false"})
    for at in (plain, off):
        assert not at.exception
        assert loss_metrics(at) == ["17/6 = 2.8333"]
        assert not [n for n in at.number_input if n.key.startswith("_guess_")]
        assert HIDDEN_INFO not in [i.value for i in at.info]
        assert not at.get("download_button")
    assert [m.value for m in plain.markdown] == [m.value for m in off.markdown]
    assert [x.value for x in plain.latex] == [x.value for x in off.latex]
    assert len(plain.dataframe) == len(off.dataframe)


def test_the_share_panel_is_drawn_only_while_open_and_builds_a_lesson_link():
    at = open_page(MSE_PAGE, params={"reduction": "sum", "tab": "switch"})
    assert not at.multiselect  # closed: nothing of it is computed
    at.session_state[SHARE_KEY] = True  # as a click on "Share this view" does
    at.run()
    assert not at.exception
    links = [c.value for c in at.sidebar.code]
    assert len(links) == 2 and all("reduction=sum" in link and "tab=switch" in link for link in links)
    picker = at.multiselect(key="_hide_pick")  # the page's controls, the open tab's lr among them
    assert {"(reduction)", "(preset)", "(lr)"} <= {option[option.rfind("(") :] for option in picker.options}
    picker.set_value(["reduction", "lr"]).run()
    assert "hide=reduction%2Clr" in at.sidebar.code[1].value and "hide=" not in at.sidebar.code[0].value


def test_quiz_mode_hides_the_values_in_code_comments_too():
    at = open_page(MSE_PAGE, params={"quiz": "true", "reduction": "sum"})
    for code in ("switch", "norms", "numpy", "legacy"):
        blocks = "\n".join(c.value for c in open_tab(at, "mse", code).code)
        assert "# 17" not in blocks and "2.8333" not in blocks and "5.6667" not in blocks, code


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_none_loss_text_points_at_no_heatmap_in_quiz_mode(lang):
    at = open_page(MSE_PAGE, params={"quiz": "true", "reduction": "none", "lang": lang})
    assert open_page(MSE_PAGE, params={"reduction": "none"}).get("vega_lite_chart")  # the heatmap, outside quiz mode
    assert not at.get("vega_lite_chart")
    text = markdown(at) + "\n".join(c.value for c in at.caption)
    assert translate("mse.result.none", lang, n=3, d=2) in text
    for word in ("heatmap", "left", "热力图", "左"):
        assert word not in text


def test_quiz_mode_asks_the_page_question_without_its_answer(quiz_page):
    ratio = next(q for q in questions_for() if q.key.startswith("mse_ratio_"))
    assert ratio.answer == 6
    assert translate("mse.page.question_quiz", "en") in markdown(quiz_page)
    assert "6×" not in markdown(quiz_page)
