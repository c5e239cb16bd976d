"""The regression page's classroom kit under AppTest: quiz mode hides the step's numbers until revealed,
the verdict shows the true value, lesson links hide controls and keep their values, quiz off changes nothing."""

from __future__ import annotations

import pytest

from tests.app.helpers import PAGES, open_page, open_tab
from ui.i18n import translate

PAGE = next(p for p in PAGES if p.script == "pages/regression.py")
QUESTIONS = ("regression_loss", "regression_grad_w0", "regression_grad_b", "regression_next_w0", "regression_next_b")
SEED_ANSWERS = (12.0, 32 / 3, 20 / 3, -13 / 3, -10 / 3)


def _guess_key(at, question: str) -> str:
    keys = [n.key for n in at.number_input if n.key and n.key.startswith(f"_guess_{question}_")]
    assert len(keys) == 1, keys
    return keys[0]


def _has_step_table(at) -> bool:
    return any("b.grad" in df.value.columns for df in at.dataframe)


def _formulas(at) -> str:
    return " ".join(f.value for f in at.latex)


def _hidden_notes(at) -> list[str]:
    note = translate("classroom.hidden_until_answered", "en")
    return [i.value for i in at.info if i.value == note]


def _reveal(at, question: str, guess: float):
    key = _guess_key(at, question)
    at.number_input(key=key).set_value(guess).run()
    at.button(key=key.replace("_guess_", "_reveal_")).click().run()
    return at


def test_quiz_on_asks_about_the_step_and_hides_its_numbers():
    at = open_page(PAGE, params={"quiz": "true"})
    assert not at.exception and not at.error
    prompts = " ".join(m.value for m in at.markdown)
    assert "I = {5, 1, 0}" in prompts and "w = [1, 2]" in prompts and "η = 0.5" in prompts
    for question in QUESTIONS:
        _guess_key(at, question)
    assert not _has_step_table(at)
    formulas = _formulas(at)
    assert "= 12" not in formulas and "10.6667" not in formulas and "-4.3333" not in formulas
    assert r"\begin{bmatrix}1\\2\end{bmatrix} - 0.5\cdot\nabla_w \ell" in formulas  # the inputs stay
    assert len(_hidden_notes(at)) == 1  # one note, not one per hidden result
    assert any(b.label == translate("classroom.worksheet", "en") for b in at.get("download_button"))


def test_quiz_on_hides_the_loss_curve_the_trajectory_and_the_history_in_the_other_tabs():
    at = open_page(PAGE, params={"tab": "curves"})
    assert len(at.get("vega_lite_chart")) == 3  # loss curve, loss surface with the path, distance
    history = translate("regression.result.history_download", "en", steps="6 steps")
    assert history in [b.label for b in open_tab(at, "regression", "result").get("download_button")]
    at = open_page(PAGE, params={"quiz": "true", "tab": "curves"})
    assert not at.exception and len(_hidden_notes(at)) == 1
    assert len(at.get("vega_lite_chart")) == 1  # the distance to the optimum only
    open_tab(at, "regression", "result")
    assert len(_hidden_notes(at)) == 1
    assert history not in [b.label for b in at.get("download_button")]


def test_a_wrong_guess_is_told_the_true_value_and_why():
    at = _reveal(open_page(PAGE, params={"quiz": "true"}), "regression_loss", 10)
    assert not at.exception
    verdict = " ".join(w.value for w in at.warning if w.icon == ":material/my_location:")
    assert translate("classroom.off_by", "en", answer="12", guess="10", error="-2") in verdict
    assert "1/3·36 = 12" in " ".join(c.value for c in at.caption)
    assert not _has_step_table(at)  # four questions still open


def test_a_right_guess_is_confirmed():
    at = _reveal(open_page(PAGE, params={"quiz": "true"}), "regression_grad_w0", 10.6667)
    assert translate("classroom.right", "en", answer="10.6667", guess="10.6667") in [s.value for s in at.success]


def test_revealing_every_question_shows_the_results():
    at = open_page(PAGE, params={"quiz": "true"})
    for question, answer in zip(QUESTIONS, SEED_ANSWERS, strict=True):
        at = _reveal(at, question, round(answer, 4))
    assert not at.exception
    assert len(at.success) == len(QUESTIONS)
    assert not _hidden_notes(at)
    assert _has_step_table(at)
    formulas = _formulas(at)
    col = r"\begin{{bmatrix}}{}\\{}\end{{bmatrix}}".format
    assert rf"&= {col(1, 2)} - 0.5\cdot{col(10.6667, 16)}\\&= {col(-4.3333, -6)}" in formulas


def test_another_step_asks_afresh():
    at = _reveal(open_page(PAGE, params={"quiz": "true"}), "regression_loss", 12)
    at.button(key="step_next").click().run()
    assert not at.success and not [
        w for w in at.warning if w.icon == ":material/my_location:"
    ]  # no verdict carried over
    assert "Step 2 trains on the batch" in " ".join(m.value for m in at.markdown)
    assert not _has_step_table(at)


def test_a_lesson_link_hides_the_control_and_keeps_its_value():
    at = open_page(PAGE, params={"quiz": "true", "hide": "lr,batch", "lr": "0.1", "batch": "2"})
    assert not at.exception and not at.error
    keys = [n.key for n in at.number_input]
    assert "lr" not in keys and "batch" not in keys and "epochs" in keys
    prompts = " ".join(m.value for m in at.markdown)
    assert "η = 0.1" in prompts and "I = {5, 1}" in prompts  # the hidden values are the ones used
    at = _reveal(at, "regression_next_b", 0)
    assert "0 − 0.1·" in " ".join(c.value for c in at.caption)


def test_quiz_off_leaves_the_page_unchanged():
    plain = open_page(PAGE)
    off = open_page(PAGE, params={"quiz": "false"})
    for at in (plain, off):
        assert not at.exception
        assert not [n for n in at.number_input if n.key and n.key.startswith("_guess_")]
        assert not _hidden_notes(at)
        assert _has_step_table(at)
    assert _formulas(off) == _formulas(plain)
    assert [m.value for m in off.markdown] == [m.value for m in plain.markdown]
    assert len(off.dataframe) == len(plain.dataframe)
    assert not any(b.label == translate("classroom.worksheet", "en") for b in off.get("download_button"))


def test_bad_input_asks_nothing_and_does_not_crash():
    at = open_page(PAGE, params={"quiz": "true"})
    at.text_input(key="w0").set_value("1, oops").run()
    assert not at.exception
    assert at.error  # the input error is shown
    assert not [n for n in at.number_input if n.key and n.key.startswith("_guess_")]
    assert not _hidden_notes(at)


@pytest.mark.parametrize("lang", ["zh"])
def test_quiz_in_chinese(lang):
    at = open_page(PAGE, params={"quiz": "true", "lang": lang})
    assert not at.exception
    prompts = " ".join(m.value for m in at.markdown)
    assert "第 1 步在批次 I = {5, 1, 0}" in prompts
    at = _reveal(at, "regression_loss", 12)
    assert translate("classroom.right", lang, answer="12", guess="12") in [s.value for s in at.success]


@pytest.mark.parametrize(
    "params",
    [
        {
            "data": "synthetic",
            "tw": "2",
            "n": "50",
            "lr": "0.05",
            "batch": "5",
            "loss": "half_mean",
            "step": "4",
            "w0": "0.5",
        },
        {"lr": "90", "epochs": "40", "step": "80"},  # diverges: only finite answers are asked for
    ],
)
def test_quiz_on_other_data_and_a_diverged_run(params):
    at = open_page(PAGE, params={"quiz": "true", **params})
    assert not at.exception
    guesses = [n for n in at.number_input if n.key and n.key.startswith("_guess_")]
    assert guesses
    for n in guesses:
        at = _reveal(at, n.key.removeprefix("_guess_").rsplit("_", 1)[0], 0)
    assert not at.exception and not _hidden_notes(at)
