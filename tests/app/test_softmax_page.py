"""The softmax page under AppTest: presets, temperature, target, bad input, URL state, the script."""

from __future__ import annotations

import math
import re
import subprocess
import sys

import pytest

from tests.app.helpers import PAGES, open_page, open_tab, url_param
from ui.i18n import translate

PAGE = next(p for p in PAGES if p.script == "pages/softmax.py")
SEED_001_P = [0.2471, 0.3832, 0.3697]
CLASSIC_P = [0.6590, 0.2424, 0.0986]


def _open(**params):
    at = open_page(PAGE, params=params)
    assert not at.exception, [e.value for e in at.exception]
    return at


def _probabilities(at) -> list[float]:
    return at.dataframe[0].value["softmax p"].tolist()


def _latex(at) -> str:
    return "\n".join(block.value for block in at.latex)


def _errors(at) -> str:
    return " ".join(e.value for e in at.error)


# what the page shows


def test_opens_on_seed_001_logits_without_errors():
    at = _open()
    assert not at.error and not at.warning
    assert _probabilities(at) == pytest.approx(SEED_001_P, abs=5e-5)


def test_jacobian_cases_are_written_with_seed_001_numbers():
    latex = _latex(_open(tab="jacobian"))
    assert r"\frac{0.2471 \times (1 - 0.2471)}{1} = 0.1860" in latex
    assert r"-\frac{0.2471 \times 0.3832}{1} = -0.0947" in latex


def test_jacobian_facts_all_hold_for_ordinary_logits():
    at = _open(tab="jacobian")
    facts = [m.value for m in at.markdown if m.value.startswith((":green[", ":orange["))]
    assert len(facts) == 4 and all(f.startswith(":green[:material/check_circle:]") for f in facts)


def test_underflowed_probability_is_flagged_on_the_jacobian_facts():
    at = _open(logits="1000, 999, -1000", tab="jacobian")
    warned = [m.value for m in at.markdown if m.value.startswith(":orange[:material/warning:]")]
    assert len(warned) == 2  # the diagonal has a 0 and the off-diagonal has zeros


def test_chinese_page_has_chinese_tabs():
    at = _open(lang="zh")
    assert [tab.label for tab in at.tabs][:2] == ["概率", "雅可比矩阵"]


# presets


def test_classic_preset_loads_its_logits_into_the_editor_and_the_url():
    at = _open()
    at.button(key="p_classic").click().run()
    assert at.text_input(key="logits").value == "2.0, 1.0, 0.1"
    assert url_param(at, "logits") == "2.0, 1.0, 0.1"
    assert _probabilities(at) == pytest.approx(CLASSIC_P, abs=5e-5)


def test_random_preset_keeps_the_number_of_logits():
    at = _open(logits="1, 2, 3, 4")
    at.button(key="p_random").click().run()
    values = re.split(r"[,\s]+", at.text_input(key="logits").value.strip())
    assert len(values) == 4 and not at.error


def test_overflow_preset_shows_nan_for_the_naive_softmax_only():
    at = _open(tab="stability")
    at.button(key="p_overflow").click().run()
    assert not at.exception
    stability = [df.value for df in at.dataframe if "exp(z − max z)" in df.value.columns and "exp(z)" in df.value]
    yours = stability[0]
    naive_column = next(c for c in yours.columns if c.startswith("naive"))
    assert yours[naive_column].tolist() == ["nan", "nan", "0"]
    stable = [float(v) for v in yours.iloc[:, -1]]
    assert stable == pytest.approx([1 / (1 + math.exp(-1)), 1 / (1 + math.e), 0.0], abs=1e-4)


# temperature and target


def test_temperature_goes_into_the_url_and_the_formulas():
    at = _open(logits="2, 1, 0.1")
    at.slider(key="T").set_value(0.5).run()
    assert url_param(at, "T") == "0.5"
    assert r"e^{(2.0000 - 1.0000)/0.5}" in _latex(at)
    ratio = _probabilities(at)[0] / _probabilities(at)[1]
    assert ratio == pytest.approx(math.exp(2), rel=1e-9)


def test_target_class_changes_the_loss_to_minus_log_p_target():
    at = _open(tab="ce")
    at.number_input(key="target").set_value(2).run()
    assert url_param(at, "target") == "2"
    loss = -math.log(0.369686)  # p_2 of seed 001's logits
    assert f"= {loss:.4f}" in _latex(at)


def test_vjp_of_ones_is_zero():
    at = _open(v="ones", tab="vjp")
    vjp = next(df.value for df in at.dataframe if "autograd.grad(p, a, grad_outputs=v)" in df.value.columns)
    assert vjp["autograd.grad(p, a, grad_outputs=v)"].abs().max() < 1e-12


def test_vjp_from_cross_entropy_equals_the_cross_entropy_gradient():
    at = _open(target="1", tab="vjp")
    vjp = next(df.value for df in at.dataframe if "autograd.grad(p, a, grad_outputs=v)" in df.value.columns)
    open_tab(at, "softmax", "ce")
    ce = next(df.value for df in at.dataframe if "a.grad (backward)" in df.value.columns)
    assert vjp["autograd.grad(p, a, grad_outputs=v)"].tolist() == pytest.approx(ce["a.grad (backward)"].tolist())


# bad input: a clear message, no traceback, the rest of the page keeps the last valid result


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("0.5, abc, 1", "`abc`"),
        ("1, nan", "not finite"),
        ("1, inf", "not finite"),
        ("1e400, 2", "not finite"),
        ("3", "between"),
        (", ".join(["1"] * 11), "between"),
    ],
)
def test_bad_logits_show_an_error_and_keep_the_last_valid_result(text, message):
    at = _open()
    at.text_input(key="logits").set_value(text).run()
    assert not at.exception
    assert message in _errors(at)
    assert translate("error.kept_last", "en") in " ".join(c.value for c in at.caption)
    assert _probabilities(at) == pytest.approx(SEED_001_P, abs=5e-5)


def test_bad_logits_error_is_translated():
    at = _open(lang="zh")
    at.text_input(key="logits").set_value("1, x").run()
    assert "不是数" in _errors(at)


def test_target_out_of_range_is_an_error_in_the_loss_tabs_only():
    at = _open(target="7", tab="ce")
    assert "Target class `7` is out of range" in _errors(at)
    open_tab(at, "softmax", "probs")
    assert not at.error
    assert _probabilities(at) == pytest.approx(SEED_001_P, abs=5e-5)
    open_tab(at, "softmax", "jacobian")
    assert not at.error
    assert r"J_{00}" in _latex(at)


def test_custom_upstream_of_the_wrong_length_is_an_error():
    at = _open(v="custom", vc="1, 2", tab="vjp")
    assert "v has `2` numbers; it needs `3`" in _errors(at)


@pytest.mark.parametrize(
    ("key", "value", "tab"),
    [("T", "0", "probs"), ("T", "-1", "probs"), ("T", "abc", "probs"), ("target", "1.5", "probs"), ("v", "x", "vjp")],
)
def test_malformed_url_values_fall_back_with_a_warning(key, value, tab):
    at = _open(**{key: value, "tab": tab})
    assert any(f"**{key}**" in w.value for w in at.warning)
    assert not at.error


# URL state


def test_a_copied_link_reopens_the_same_view():
    at = _open(logits="2, 1, 0.1", T="0.5", target="1", v="ones", lang="zh", tab="vjp")
    assert at.text_input(key="logits").value == "2, 1, 0.1"
    assert at.slider(key="T").value == 0.5
    assert at.number_input(key="target").value == 1
    assert at.radio(key="v").value == "ones"
    again = _open(**{key: url_param(at, key) for key in ("logits", "T", "target", "v", "lang", "tab")})
    assert [tab.label for tab in again.tabs if tab.children] == [translate("softmax.tab.vjp", "zh")]
    assert again.dataframe[0].value.equals(at.dataframe[0].value)


def test_defaults_keep_the_url_clean():
    at = _open()
    assert not {"logits", "T", "target", "v", "tab"} & set(at.query_params)


# the reproduce-in-PyTorch block


def test_script_prints_the_numbers_the_page_shows():
    at = _open(logits="2, 1, 0.1", T="0.7", target="2", tab="code")
    script = at.code[0].value
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    printed = dict(line.split(" = ", 1) for line in out.splitlines() if not line.startswith("max"))
    shown_p = [f"{x:.4f}" for x in _probabilities(open_tab(at, "softmax", "probs"))]
    assert printed["p"].split() == shown_p
    open_tab(at, "softmax", "ce")
    ce = next(df.value for df in at.dataframe if "a.grad (backward)" in df.value.columns)
    assert printed["grad"].split() == [f"{x:.4f}" for x in ce["(p − onehot) / T"]]
    assert f"= {float(printed['loss']):.4f}" in _latex(at)


def test_vjp_with_a_one_hot_v_is_the_row_of_the_jacobian_seed_001_asks_autograd_for():
    at = _open(v="row", target="1", tab="vjp")
    vjp = next(df.value for df in at.dataframe if "autograd.grad(p, a, grad_outputs=v)" in df.value.columns)
    assert vjp["autograd.grad(p, a, grad_outputs=v)"].tolist() == pytest.approx([-0.0947, 0.2364, -0.1417], abs=5e-5)
