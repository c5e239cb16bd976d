"""The classification page under AppTest: every tab and lesson in both languages, hostile links, bad input,
sentences built from the live numbers, the quiz, a CSV upload, and the decision-region data."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from core.classification import ClassifierConfig, blobs, train_classifier
from core.logit_gradients import sample_gradients
from tests.app.helpers import HOSTILE_VALUES, open_page, open_tab, url_param
from ui.classification import lessons
from ui.classification.compute import GRID, grid_bounds, point_frame, region_frame
from ui.i18n import translate
from ui.nav import page_info
from ui.numbers import num

PAGE = page_info("classification")
TABS = [code for code, _ in PAGE.tabs]
URL_KEYS = ["data", "k", "m", "spread", "dseed", "lr", "batch", "epochs", "seed", "shuffle", "red", "ls", "opt",
            "mom", "b1", "b2", "eps", "alpha", "wd", "step", "i", "tab"]  # fmt: skip


def _texts(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [x.value for x in at.latex]
    return "\n".join(parts)


def _clean(at) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_tab_renders_in_both_languages(lang):
    at = open_page(PAGE, params={"lang": lang})
    _clean(at)
    assert at.title[0].value == translate("nav.classification", lang)
    for code in TABS[1:]:
        at = open_tab(at, "classification", code)
        _clean(at)
        assert url_param(at, "tab") == code


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("lesson", lessons.LESSONS)
def test_every_lesson_link_opens_its_preset(lesson, lang):
    params, _ = lessons.build(lesson, "cpu")  # needs no Streamlit session: cached functions run bare
    at = open_page(PAGE, params={**params, "lang": lang})
    _clean(at)
    assert not at.warning, [w.value for w in at.warning]  # every value of the link is allowed
    for key, value in params.items():
        assert url_param(at, key) in (value, None)  # kept, or dropped because it is the default
    assert at.slider(key="ls").value == float(params["ls"])


def test_lesson_sentences_come_from_their_runs():
    at = open_page(PAGE, params={"tab": "lessons"})
    _clean(at)
    text = _texts(at)
    _, run = lessons.lesson_run(lessons.SEPARABLE, lessons.FULL_BATCH, "cpu")
    assert translate("classification.lessons.falls", "en") in text
    norm = float(np.linalg.norm(run.W[-1]))
    assert num(norm) in text and num(run.epoch_loss[-1]) in text
    assert "ls=0.2" in text and "red=sum" in text and "tab=sample" in text


@pytest.mark.parametrize("key", URL_KEYS)
def test_hostile_url_values_fall_back_with_a_warning(key):
    for value in HOSTILE_VALUES:
        at = open_page(PAGE, params={"tab": "sample", key: value})
        assert not at.exception, (key, value, [e.value for e in at.exception])
        if value in ("nan", "1e309", "<script>alert(1)</script>", "' OR 1=1 --", "x" * 5000):  # allowed nowhere
            assert any(key in w.value for w in at.warning), (key, value)


def test_a_bad_batch_size_keeps_the_last_valid_result():
    at = open_page(PAGE, params={"tab": "curves"})
    before = [c.value for c in at.caption]
    at.number_input(key="batch").set_value(301).run()
    assert "300" in at.error[0].value and "batch size" in at.error[0].value
    assert translate("error.kept_last", "en") in [c.value for c in at.caption]
    assert [c for c in before if "full-data loss" in c] == [c.value for c in at.caption if "full-data loss" in c.value]
    assert not at.exception


def test_region_summary_follows_the_replayed_step():
    at = open_page(PAGE, params={"step": "0"})
    start = _texts(at)
    assert "After step 0, 200 of 300 points are misclassified" in start  # W = 0: every point gets class 0
    at.slider(key="step").set_value(300).run()
    assert "After step 300" in _texts(at) and _texts(at) != start


def test_curve_summaries_follow_the_learning_rate():
    at = open_page(PAGE, params={"tab": "curves"})
    first = [c.value for c in at.caption if "full-data loss" in c.value]
    at.number_input(key="lr").set_value(0.05).run()
    second = [c.value for c in at.caption if "full-data loss" in c.value]
    assert first and second and first != second


def test_sample_tab_numbers_are_cores_and_follow_the_sample():
    at = open_page(PAGE, params={"tab": "sample", "step": "0", "i": "4"})
    _clean(at)
    # W = 0, b = 0: p = 1/3 each; sample 4 has label 1, B = 30: ∂ℓ/∂z = (1/30)(1/3, −2/3, 1/3)
    text = _texts(at)
    assert "0.3333" in text and "-0.02222" in text and r"\ell = -\log p_{1} = -\log 0.3333 = 1.0986" in text
    at.number_input(key="i").set_value(5).run()
    assert r"\ell = -\log p_{2}" in _texts(at)


def test_label_smoothing_and_sum_change_the_walk_through():
    at = open_page(PAGE, params={"tab": "sample", "step": "0", "ls": "0.3", "red": "sum"})
    text = _texts(at)
    # q = 0.7·onehot + 0.1; p − q at W = 0 for label 0: (1/3 − 0.8, 1/3 − 0.1, 1/3 − 0.1), not divided
    assert "0.8" in text and "-0.4667" in text and r"\frac{1}{30}" not in text


def test_quiz_asks_four_questions_with_cores_answers_and_hides_the_results():
    at = open_page(PAGE, params={"quiz": "true", "tab": "sample", "i": "7"})
    prompts = [m.value for m in at.markdown if m.value.startswith("**")]
    assert len([p for p in prompts if p[2].isdigit()]) == 4
    assert r"\ell = -\log" not in _texts(at)  # hidden until revealed
    X, y = blobs(300, 3, 1.0, 0)
    history = train_classifier(X, y, ClassifierConfig(lr=0.5, batch_size=30, epochs=30))
    s = sample_gradients(history.W[-1], history.b[-1], X[7], int(y[7]), batch_size=30)
    answers = {"cls_p": float(s.p[y[7]]), "cls_loss": float(s.loss), "cls_grad": float(s.grad_z[y[7]])}
    for key, answer in answers.items():
        at.number_input(key=f"_guess_{key}").set_value(round(answer, 6)).run()
        at.button(key=f"_reveal_{key}").click().run()
    at.number_input(key="_guess_cls_class").set_value(int(np.argmax(s.z.numpy()))).run()
    at.button(key="_reveal_cls_class").click().run()
    assert len(at.success) >= 4
    assert r"\ell = -\log" in _texts(at)


def test_csv_upload_is_classified_and_bad_labels_are_reported():
    at = open_page(PAGE, params={"data": "csv", "batch": "2"})
    assert translate("classification.data.upload_first", "en") in [i.value for i in at.info]
    csv = b"a,b,cls\n0,1,0\n1,0,1\n2,2,2\n3,x,1\n-1,-1,0\n"
    at.file_uploader[0].set_value(("points.csv", csv, "text/csv")).run()
    _clean(at)
    assert any("4" in w.value for w in at.warning)  # row 4 has no number in column b
    assert "4 points in 3 classes." in [c.value for c in at.caption]
    at.file_uploader[0].set_value(("points.csv", b"a,b,cls\n0,1,0\n1,0,1.5\n", "text/csv")).run()
    assert "1.5" in at.error[0].value and not at.exception


def test_exported_script_reproduces_the_page():
    at = open_page(PAGE, params={"tab": "code", "opt": "adam", "lr": "0.05", "epochs": "3"})
    source = at.code[0].value
    call = "net.parameters(), lr=0.05, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.0"
    assert f"torch.optim.Adam(\n    {call},\n)" in source
    namespace: dict = {}
    exec(compile(source, "script", "exec"), namespace)
    X, y = blobs(300, 3, 1.0, 0)
    history = train_classifier(X, y, ClassifierConfig(lr=0.05, batch_size=30, epochs=3, optimizer="adam"))
    torch.testing.assert_close(namespace["net"].weight.detach(), history.W[-1], atol=1e-5, rtol=0)


def test_region_frame_is_the_argmax_of_the_logits_on_a_grid():
    W = np.array([[1.0, 0.0], [-1.0, 0.0]])  # class 0 where x > 0, class 1 where x < 0
    cells = region_frame(W, np.zeros(2), (-2.0, 2.0, -1.0, 1.0))
    assert len(cells) == GRID * GRID
    centre = (cells["x"] + cells["x2"]) / 2
    assert ((centre > 0) == (cells["predicted"] == 0)).all()
    assert cells["x"].min() == -2.0 and cells["x2"].max() == 2.0 and cells["y2"].max() == 1.0
    points = point_frame(np.array([[1.0, 0.0], [-1.0, 0.0]]), np.array([0, 0]), W, np.zeros(2))
    assert points["predicted"].tolist() == [0, 1] and points["wrong"].tolist() == [False, True]
    low_x, high_x, low_y, high_y = grid_bounds(np.array([[0.0, 0.0], [20.0, 1.0]]))
    assert (low_x, high_x) == (-2.0, 22.0) and (low_y, high_y) == (-1.0, 2.0)  # margin: a tenth, at least 1
    assert math.isclose(high_y - low_y, 3.0)
