"""The autograd page's classroom kit under AppTest: quiz mode hides the answers, Reveal gives the verdict,
all revealed brings the results back, lesson links hide controls, and quiz off leaves the page as it was."""

from __future__ import annotations

import pytest

from core.autograd_presets import ChainInputs, LinearInputs, SoftmaxInputs, chain_rule, optimizer_trace, preset_graph
from tests.app.helpers import open_page, open_tab
from ui.autograd.graph import format_tensor
from ui.i18n import translate
from ui.nav import PAGES
from ui.numbers import num

PAGE = next(p for p in PAGES if p.url_path == "autograd")
QUIZ = {"quiz": "true"}
HIDDEN_NOTE = translate("classroom.hidden_until_answered", "en")


def dot(at) -> str:
    return at.get("graphviz_chart")[0].proto.spec


def latex(at) -> str:
    return "\n".join(e.value for e in at.latex)


def guess_keys(at) -> list[str]:
    return [w.key for w in at.number_input if w.key and w.key.startswith("_guess_")]


def reveal(at, key: str, guess: float):
    at.number_input(key=f"_guess_{key}").set_value(guess).run()
    at.button(key=f"_reveal_{key}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def verdicts(at) -> str:
    return "\n".join(e.value for e in [*at.success, *at.warning])


def quiz_titles(at) -> list[str]:
    return [h.value for h in at.subheader if h.value == translate("classroom.quiz_title", "en")]


@pytest.fixture
def quiz_page():
    at = open_page(PAGE, params=QUIZ)
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_quiz_mode_asks_about_the_current_expression_and_hides_the_answers(quiz_page):
    at = quiz_page
    assert quiz_titles(at)
    assert guess_keys(at) == [f"_guess_ag_linear_{k}" for k in ("yhat", "loss", "grad", "step", "passes")]
    assert "mean((ŷ − y)²)" in " ".join(m.value for m in at.markdown)
    assert [i.value for i in at.info].count(HIDDEN_NOTE) == 1  # one note, not one per hidden result
    graph = dot(at)
    assert "MseLossBackward0" in graph and "AddmmBackward0" in graph  # the structure stays
    assert "w.grad" not in graph and "5.1667" not in graph and "-0.5" not in graph  # values and gradients do not
    in_words = " ".join(c.value for c in at.caption)  # nor does the graph's text alternative
    assert "MseLossBackward0" in in_words and "w.grad" not in in_words and "5.1667" not in in_words
    rule = chain_rule(LinearInputs())
    for code, _ in PAGE.tabs:
        open_tab(at, "autograd", code)
        assert [i.value for i in at.info].count(HIDDEN_NOTE) == 1, code
        assert format_tensor(rule.autograd) not in latex(at) + " ".join(m.value for m in at.markdown), code
        assert r"\leftarrow" not in latex(at), code  # the SGD update with its numbers
    open_tab(at, "autograd", "optim")
    columns = at.dataframe[-1].value.columns.tolist()
    assert translate("autograd.optim.col_after_step", "en") not in columns
    assert translate("autograd.optim.col_grad_after", "en") not in columns
    assert translate("autograd.optim.col_value", "en") in columns  # the inputs stay visible
    assert at.number_input(key="ag_lr").value == 0.1 and at.session_state["ag_w1"] == 0.5


def test_reveal_shows_the_verdict_with_the_true_value(quiz_page):
    at = reveal(quiz_page, "ag_linear_loss", 5.0)
    loss = preset_graph(LinearInputs()).node("L").value.item()
    assert num(loss) in verdicts(at) and "5.1667" in verdicts(at)
    assert at.warning and not at.success  # 5.0 is off
    assert any("L = (" in c.value for c in at.caption)  # the reason, with the numbers
    at = reveal(at, "ag_linear_grad", -3.6667)
    assert any("-3.6667" in s.value for s in at.success)
    assert "w.grad" not in dot(at)  # three questions are still open


def test_after_revealing_everything_the_results_come_back(quiz_page):
    at = quiz_page
    trace = optimizer_trace(LinearInputs(), lr=0.1)
    for key, guess in [("yhat", -0.5), ("loss", 5.1667), ("grad", -3.6667), ("step", 0.8667), ("passes", 3)]:
        at = reveal(at, f"ag_linear_{key}", guess)
    assert len(at.success) >= 5
    assert HIDDEN_NOTE not in [i.value for i in at.info]
    assert "w.grad = [[-3.6667, -5.6667]]" in dot(at)
    open_tab(at, "autograd", "optim")
    assert r"\leftarrow" in latex(at)
    assert translate("autograd.optim.col_after_step", "en") in at.dataframe[-1].value.columns.tolist()
    assert format_tensor(trace.value_after_step[0]) in at.dataframe[-1].value.to_string()


@pytest.mark.parametrize(
    ("params", "key", "inputs"),
    [
        (
            {"ag_p": "chain", "ag_cx": "1.3", "ag_g": "tanh", "ag_f": "exp"},
            "ag_chain_grad",
            ChainInputs(1.3, "tanh", "exp"),
        ),
        ({"ag_p": "softmax_ce", "ag_z2": "3", "ag_t": "1"}, "ag_softmax_ce_grad", SoftmaxInputs((2.0, 3.0, 0.1), 1)),
    ],
)
def test_each_preset_asks_with_its_own_numbers(params, key, inputs):
    at = open_page(PAGE, params=QUIZ | params)
    assert not at.exception
    index = inputs.target if isinstance(inputs, SoftmaxInputs) else 0
    grad = chain_rule(inputs).autograd.reshape(-1)[index].item()
    at = reveal(at, key, 0.0)
    assert num(grad) in verdicts(at)
    assert ".grad" not in dot(at) and "∂" not in dot(at)


def test_a_lesson_link_hides_the_learning_rate_but_uses_its_value():
    at = open_page(PAGE, params=QUIZ | {"hide": "ag_lr", "ag_lr": "0.5"})
    assert not at.exception
    assert not [w for w in at.number_input if w.key == "ag_lr"]
    assert at.session_state["ag_lr"] == 0.5
    prompts = " ".join(m.value for m in at.markdown)
    assert "lr = 0.5" in prompts
    at = reveal(at, "ag_linear_step", 0.0)
    expected = optimizer_trace(LinearInputs(), lr=0.5).value_after_step[0][0, 0].item()
    assert num(expected) in verdicts(at)


def test_the_learning_rate_set_in_the_optimizer_tab_still_counts_once_that_tab_is_closed():
    at = open_page(PAGE, params={"tab": "optim"})
    at.number_input(key="ag_lr").set_value(0.5).run()
    open_tab(at, "autograd", "graph")
    at.toggle(key="quiz").set_value(True).run()  # asked while the optimizer tab is closed
    for _ in range(2):  # the run that leaves the widget out, and the ones after it
        assert not [w for w in at.number_input if w.key == "ag_lr"]
        assert "lr = 0.5" in " ".join(m.value for m in at.markdown)
        at.run()
    open_tab(at, "autograd", "optim")
    assert at.number_input(key="ag_lr").value == 0.5


def test_a_lesson_link_can_hide_a_parameter_and_the_preset():
    at = open_page(PAGE, params=QUIZ | {"hide": "ag_p,ag_w1", "ag_w1": "1.5"})
    assert not at.exception
    assert not [w for w in at.number_input if w.key == "ag_w1"]
    assert not [w for w in at.button_group if w.key == "ag_p"]
    assert any("w = [1.5, -0.5]" in m.value for m in at.markdown)


def test_bad_input_asks_nothing_and_does_not_crash():
    at = open_page(PAGE, params=QUIZ | {"ag_p": "chain", "ag_g": "exp", "ag_f": "exp", "ag_cx": "10"})
    assert not at.exception
    assert at.error  # the page's own error message
    assert not guess_keys(at) and not quiz_titles(at)
    assert HIDDEN_NOTE not in [i.value for i in at.info]


def test_quiz_off_leaves_the_page_unchanged():
    plain, off = open_page(PAGE), open_page(PAGE, params={"quiz": "false"})
    for at in (plain, off):
        assert not at.exception and not guess_keys(at) and not quiz_titles(at)
        assert HIDDEN_NOTE not in [i.value for i in at.info]
        assert "w.grad = [[-3.6667, -5.6667]]" in dot(at)
    assert dot(plain) == dot(off)
    assert latex(plain) == latex(off)
    assert [m.value for m in plain.markdown] == [m.value for m in off.markdown]
    assert not [b for b in off.get("download_button")]


def test_quiz_mode_offers_a_worksheet_of_the_current_state(quiz_page):
    assert quiz_page.get("download_button")


def test_quiz_in_chinese_asks_in_chinese():
    at = open_page(PAGE, params=QUIZ | {"lang": "zh"})
    assert not at.exception
    assert any(h.value == translate("classroom.quiz_title", "zh") for h in at.subheader)
    assert any("损失 L = mean((ŷ − y)²)" in m.value for m in at.markdown)


def test_switching_quiz_on_in_the_sidebar_hides_the_graphs_numbers():
    at = open_page(PAGE)
    assert "w.grad" in dot(at)
    at.toggle(key="quiz").set_value(True).run()
    assert not at.exception
    assert quiz_titles(at) and "w.grad" not in dot(at)
    at.toggle(key="quiz").set_value(False).run()
    assert not quiz_titles(at) and "w.grad" in dot(at)
