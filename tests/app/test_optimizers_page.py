"""The optimizers page under AppTest: every lesson in both languages, live sentences, bad hyperparameters,
URL state and hostile links, and a cache that re-trains only the optimizer whose setting changed."""

from __future__ import annotations

import pytest

from tests.app.helpers import HOSTILE_VALUES, open_page, open_tab, url_param
from ui.i18n import translate
from ui.nav import page_info
from ui.optimizers import compute
from ui.optimizers.inputs import LESSONS, RACERS

PAGE = page_info("optimizers")
CJK = range(0x4E00, 0xA000)


def _text(at) -> str:
    parts = [*at.markdown, *at.caption, *at.info, *at.title, *at.subheader]
    return " ".join(element.value for element in parts)


def _lesson_sentence(at) -> str:
    return " ".join(info.value for info in at.info)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("lesson", LESSONS)
def test_every_lesson_opens_from_its_link_in_both_languages(lesson, lang):
    at = open_page(PAGE, params={"lesson": lesson, "lang": lang})
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error and not at.warning, ([e.value for e in at.error], [w.value for w in at.warning])
    if lesson != "free":
        assert _lesson_sentence(at), "a lesson says what its numbers show"
    if lang == "zh":
        assert any(ord(ch) in CJK for ch in _lesson_sentence(at) + _text(at))
    for code, _ in PAGE.tabs:
        open_tab(at, "optimizers", code)
        assert not at.exception, (code, [e.value for e in at.exception])


def test_the_ill_conditioned_lesson_names_the_live_condition_number_and_steps():
    at = open_page(PAGE, params={"lesson": "ill"})
    first = _lesson_sentence(at)
    at.number_input(key="x0scale").set_value(3.0).run()
    second = _lesson_sentence(at)
    assert "multiplied by 10" in first and "multiplied by 3" in second
    assert first != second
    assert "SGD has not reached 1%" in first and "Adam reaches 1% of the optimum's loss at step" in first


def test_the_learning_rate_lesson_follows_the_learning_rate():
    at = open_page(PAGE, params={"lesson": "lr"})
    assert "SGD (lr 1.5) is diverging" in _lesson_sentence(at)
    at.number_input(key="sgd_lr").set_value(0.02).run()
    assert "SGD (lr 0.02) stays finite" in _lesson_sentence(at)


def test_the_scale_lesson_compares_first_steps_with_and_without_the_factor():
    sentence = _lesson_sentence(open_page(PAGE, params={"lesson": "scale"}))
    assert "SGD 0.01596, Adam 0.1" in sentence and "SGD 0.001596, Adam 0.1" in sentence


def test_a_lesson_that_needs_two_optimizers_says_which_when_one_is_missing():
    at = open_page(PAGE, params={"lesson": "decay", "opts": "adam,momentum"})
    assert "Adam + AdamW" in _lesson_sentence(at)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("mom_mu", 1.0, "momentum must be in `[0, 1)`, got `1.0`"),
        ("adam_b2", 1.0, "betas[1] must be in `[0, 1)`, got `1.0`"),
        ("adam_eps", 0.0, "eps must be in `(0, 1.0]`, got `0.0`"),
    ],
)
def test_a_bad_hyperparameter_is_named_next_to_its_widget_and_the_last_runs_stay(key, value, message):
    at = open_page(PAGE)
    table = at.dataframe[0].value
    at.number_input(key=key).set_value(value).run()
    assert not at.exception
    assert [message in error.value for error in at.error] == [True], [e.value for e in at.error]  # shown once
    assert translate("error.kept_last", "en") in _text(at)
    assert at.dataframe[0].value.equals(table)


def test_one_optimizer_is_not_a_race():
    at = open_page(PAGE)
    at.button_group(key="_opts_widget").set_value(["adam"]).run()
    assert any("at least two optimizers" in error.value for error in at.error)
    assert not at.exception


@pytest.mark.parametrize("value", [*HOSTILE_VALUES, "adam", "adam,adam", "adam,lbfgs"])
def test_a_hostile_optimizer_list_falls_back_to_the_default_with_a_warning(value):
    at = open_page(PAGE, params={"opts": value})
    assert not at.exception
    assert any("opts" in warning.value for warning in at.warning)
    assert url_param(at, "opts") is None  # back at the default


def test_settings_live_in_the_url_and_a_link_restores_them():
    at = open_page(PAGE)
    at.button_group(key="_opts_widget").set_value(["rmsprop", "adamw"]).run()
    at.number_input(key="rms_alpha").set_value(0.9).run()
    assert url_param(at, "opts") == "rmsprop,adamw" and url_param(at, "rms_alpha") == "0.9"
    again = open_page(PAGE, params={"opts": "rmsprop,adamw", "rms_alpha": "0.9"})
    assert (
        "torch.optim.RMSprop(params, lr=0.05, alpha=0.9, eps=1e-08, weight_decay=0.0)"
        in again.dataframe[0].value.to_string()
    )


def test_pytorchs_defaults_button_sets_torch_optims_own_defaults():
    at = open_page(PAGE, params={"opts": "torch_sgd,adamw"})
    at.button(key="_defaults_adamw").click().run()
    assert url_param(at, "adamw_lr") == "0.001"  # the page's own default is 0.1
    assert url_param(at, "adamw_wd") is None  # 0.01, AdamW's default, is the page's default too
    assert (
        "AdamW(params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.01)" in at.dataframe[0].value.to_string()
    )


@pytest.fixture
def trained(monkeypatch) -> list[str]:
    """The optimizers trained from here on (the run cache starts empty), one name per training run."""
    names: list[str] = []
    original = compute.train

    def counting(X, y, config, progress=None):
        names.append(config.optimizer)
        return original(X, y, config, progress=progress)

    monkeypatch.setattr(compute, "train", counting)
    compute.optimizer_run.clear()
    return names


def test_changing_one_learning_rate_retrains_only_that_optimizer(trained):
    at = open_page(PAGE, params={"opts": ",".join(RACERS)})
    assert sorted(trained) == sorted(RACERS)
    trained.clear()
    at.number_input(key="adam_lr").set_value(0.05).run()
    assert trained == ["adam"]
    at.number_input(key="step").set_value(3).run()  # another step: nothing to train
    assert trained == ["adam"]


def test_the_update_tab_writes_out_every_optimizer_and_agrees_with_the_hand_written_one():
    at = open_page(PAGE, params={"opts": ",".join(RACERS), "tab": "update", "step": "2"})
    assert not at.exception
    latex = " ".join(element.value for element in at.latex)
    for symbol in (r"\mu b_{1}", r"\alpha v_{1}", r"\hat m_{2}", r"1-\beta_2^{2}"):
        assert symbol in latex
    agree = [c.value for c in at.caption if "hand-written update" in c.value]
    assert len(agree) == len(RACERS)


def test_quiz_mode_asks_and_hides_the_race_until_revealed():
    at = open_page(PAGE, params={"quiz": "true", "opts": "momentum,rmsprop,adam"})
    prompts = [m.value for m in at.markdown if m.value.startswith("**") and "?" in m.value]
    assert len(prompts) == 4
    assert not at.dataframe  # the race table would give the last question away


def test_switching_the_language_retrains_nothing(trained):
    open_page(PAGE, params={"lesson": "nesterov"})
    assert len(trained) == 2
    open_page(PAGE, params={"lesson": "nesterov", "lang": "zh"})
    assert len(trained) == 2


def test_quiz_mode_hides_the_lessons_sentence_too():
    at = open_page(PAGE, params={"quiz": "true", "lesson": "ill"})
    assert not any("condition number" in info.value for info in at.info)


def test_a_run_that_overflows_is_named_with_its_step_and_the_others_go_on():
    at = open_page(PAGE, params={"sgd_lr": "50", "tab": "update", "step": "200"})
    assert not at.exception
    warning = next(w.value for w in at.warning if w.value.startswith("SGD diverged at step"))
    assert "inf or nan" in warning
    assert any("SGD diverged at step" in info.value and "before this step" in info.value for info in at.info)
    assert len([c for c in at.caption if "hand-written update" in c.value]) == 2  # momentum and Adam
