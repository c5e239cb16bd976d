"""The softmax page's classroom kit under AppTest: predict first, then reveal; lesson links; quiz off."""

from __future__ import annotations

import pytest

from core import softmax as sm
from tests.app.helpers import PAGES, open_page, open_tab
from ui.i18n import translate
from ui.numbers import num

PAGE = next(p for p in PAGES if p.script == "pages/softmax.py")
KEYS = ["softmax_p_top", "softmax_j_diag", "softmax_j_off", "softmax_ce_loss", "softmax_grad"]
SEED_001_P = [0.2471, 0.3832, 0.3697]
CLASSIC_P = [0.6590, 0.2424, 0.0986]
HIDDEN_INFO = translate("classroom.hidden_until_answered", "en")


def _open(**params):
    at = open_page(PAGE, params=params)
    assert not at.exception, [e.value for e in at.exception]
    return at


def _guess_boxes(at) -> list[str]:
    return [w.key for w in at.number_input if w.key and w.key.startswith("_guess_")]


def _prompts(at) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith(("**1.**", "**2.**", "**3.**", "**4.**", "**5.**"))]


def _latex(at) -> str:
    return "\n".join(block.value for block in at.latex)


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def _probabilities(at) -> list[float]:
    return [float(x) for x in at.dataframe[0].value["softmax p"]]


def _result_tables(at) -> list:
    return [d for d in at.dataframe if "softmax p" in d.value.columns or "(p − onehot) / T" in d.value.columns]


def _answers(logits, T=1.0, target=0) -> dict[str, float]:
    """The true answers, from core directly."""
    p = sm.softmax(logits, T)
    J = sm.softmax_jacobian(logits, T)
    ce = sm.cross_entropy(logits, target, temperature=T)
    k, m = int(p.argmax()), (target + 1) % len(logits)
    return {
        "softmax_p_top": p[k].item(),
        "softmax_j_diag": J[target, target].item(),
        "softmax_j_off": J[target, m].item(),
        "softmax_ce_loss": ce.loss.item(),
        "softmax_grad": ce.grad[target].item(),
    }


def _reveal(at, key: str, guess: float):
    at.number_input(key=f"_guess_{key}").set_value(guess).run()
    at.button(key=f"_reveal_{key}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_quiz_on_asks_five_questions_and_hides_the_answers():
    at = _open(quiz="true")
    assert _guess_boxes(at) == [f"_guess_{key}" for key in KEYS]
    prompts = _prompts(at)
    assert len(prompts) == 5 and "[0.2306, 0.6693, 0.6334]" in prompts[0] and "T = 1" in prompts[0]
    # in every tab, every number the questions ask about is gone: tables, the worked formulas, the loss
    for code, _ in PAGE.tabs:
        open_tab(at, "softmax", code)
        assert [i.value for i in at.info].count(HIDDEN_INFO) == 1, code  # one notice, not one per hidden result
        assert not _result_tables(at), code
        latex = _latex(at)
        for shown in ("0.3832", "0.186", "-0.09469", "1.3979", "-0.7529"):
            assert shown not in latex, (code, shown)
        assert "F.cross_entropy(z, y)` = **" not in _markdown(at), code
        # the inputs and the worksheet are still there
        assert [w.key for w in at.text_input if w.key == "logits"] == ["logits"] and at.slider(key="T").value == 1.0
        downloads = [b.proto.label for b in at.get("download_button")]
        assert translate("classroom.worksheet", "en") in downloads and len(downloads) == 1 + (code == "code")
    open_tab(at, "softmax", "probs")
    assert len(at.get("vega_lite_chart")) == 1  # the logits' bars; no probabilities
    open_tab(at, "softmax", "jacobian")
    assert not at.get("vega_lite_chart")  # no Jacobian heat maps, but the explanation
    assert translate("softmax.jac.intro", "en") in _markdown(at)
    open_tab(at, "softmax", "stability")  # only the overflow example, which is not the current logits
    assert len(at.dataframe) == 1 and at.dataframe[0].value["z = a / T"].tolist() == ["1000", "999", "-1000"]


def test_reveal_shows_the_verdict_with_the_true_value():
    at = _open(quiz="true")
    _reveal(at, "softmax_p_top", 0.5)
    warnings = [w.value for w in at.warning]
    assert any("0.3832" in w and "you said 0.5," in w and "+0.1168" in w for w in warnings), warnings
    assert any("1 / 2.6096 = 0.3832" in c.value for c in at.caption)
    _reveal(at, "softmax_j_diag", 0.186)
    assert any("0.186（" in s.value or "0.186 (" in s.value for s in at.success)
    assert not _result_tables(at)  # three questions still to go


def test_after_every_question_is_revealed_the_results_appear():
    at = _open(quiz="true")
    for key, answer in _answers(sm.parse_logits("0.2306, 0.6693, 0.6334")).items():
        _reveal(at, key, round(answer, 4))
    assert len(at.success) == 5
    assert HIDDEN_INFO not in [i.value for i in at.info]
    assert _probabilities(at) == pytest.approx(SEED_001_P, abs=5e-5)
    open_tab(at, "softmax", "jacobian")
    assert r"= 0.186" in _latex(at) and r"= -0.09469" in _latex(at)
    open_tab(at, "softmax", "ce")
    assert "**1.397901**" in _markdown(at)


def test_a_lesson_link_hides_a_control_and_keeps_its_url_value():
    at = _open(quiz="true", logits="2.0, 1.0, 0.1", target="2", T="0.5", hide="logits,target")
    assert not [w for w in at.text_input if w.key == "logits"]
    assert not [w for w in at.number_input if w.key == "target"]
    assert at.session_state["logits"] == "2.0, 1.0, 0.1" and at.session_state["target"] == 2
    assert not [b for b in at.button if b.key and b.key.startswith("p_")]  # no presets to change hidden logits
    prompts = _prompts(at)
    assert "[2, 1, 0.1]" in prompts[0] and "T = 0.5" in prompts[0] and "J[2, 2]" in prompts[1]
    expected = _answers([2.0, 1.0, 0.1], 0.5, 2)
    _reveal(at, "softmax_ce_loss", 0.0)
    assert any(num(expected["softmax_ce_loss"]) in w.value for w in at.warning)


def test_lesson_link_without_quiz_shows_the_hidden_controls_values():
    at = _open(logits="2.0, 1.0, 0.1", hide="logits")
    assert not [w for w in at.text_input if w.key == "logits"]
    assert _probabilities(at) == pytest.approx(CLASSIC_P, abs=5e-5)


def test_quiz_off_leaves_the_page_unchanged():
    def snapshot(at):
        return (
            [m.value for m in at.markdown],
            _latex(at),
            [d.value.to_dict() for d in at.dataframe],
            [c.value for c in at.caption],
            [i.value for i in at.info],
        )

    plain, off = _open(), _open(quiz="false")
    assert snapshot(plain) == snapshot(off)
    assert not _guess_boxes(off) and not off.get("download_button")
    assert HIDDEN_INFO not in [i.value for i in off.info]
    assert _probabilities(off) == pytest.approx(SEED_001_P, abs=5e-5)


def test_bad_logits_ask_no_questions_and_hide_nothing():
    at = _open(quiz="true", logits="1, abc")
    assert at.error and not _guess_boxes(at) and not at.get("download_button")
    assert HIDDEN_INFO not in [i.value for i in at.info]
    assert _probabilities(at) == pytest.approx(SEED_001_P, abs=5e-5)


def test_a_target_beyond_the_logits_asks_no_questions():
    at = _open(quiz="true", target="5", tab="ce")
    assert at.error and not _guess_boxes(at)
    assert HIDDEN_INFO not in [i.value for i in at.info]


def test_questions_in_chinese():
    at = _open(quiz="true", lang="zh")
    prompts = _prompts(at)
    assert len(prompts) == 5 and "温度 T = 1" in prompts[0]
    assert translate("classroom.hidden_until_answered", "zh") in [i.value for i in at.info]
    _reveal(at, "softmax_grad", -0.75)
    assert any("-0.7529" in w.value and "-0.75，" in w.value for w in at.warning)
    assert any("(0.2471 − 1) / 1 = -0.7529" in c.value for c in at.caption)
