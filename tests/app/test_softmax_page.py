"""The softmax page under AppTest: presets, temperature, target, bad input, URL state, the script."""

from __future__ import annotations

import math
import re
import subprocess
import sys

import pandas as pd
import pyarrow as pa
import pytest

from core import softmax as sm
from tests.app.helpers import PAGES, open_page, open_tab, url_param
from ui.i18n import translate
from ui.numbers import num

PAGE = next(p for p in PAGES if p.script == "pages/softmax.py")
SEED_001_P = [0.2471, 0.3832, 0.3697]
CLASSIC_P = [0.6590, 0.2424, 0.0986]


def _open(**params):
    at = open_page(PAGE, params=params)
    assert not at.exception, [e.value for e in at.exception]
    return at


def _column(at, name: str) -> list[float]:
    """The numbers of column `name` of the first table that has it (tables hold numbers as written text)."""
    frame = next(df.value for df in at.dataframe if name in df.value.columns)
    return [float(x) for x in frame[name]]


def _probabilities(at) -> list[float]:
    return _column(at, "softmax p")


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
    assert r"\frac{0.2471 \times (1 - 0.2471)}{1} = 0.186" in latex  # 0.18604: 4 significant digits
    assert r"-\frac{0.2471 \times 0.3832}{1} = -0.09469" in latex


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
    assert r"e^{(2 - 1)/0.5}" in _latex(at)
    assert r"e^{(2 - 1)/0.5} = 7.3891" in _latex(at)  # p_0 / p_1 = e^2
    ratio = _probabilities(at)[0] / _probabilities(at)[1]
    assert ratio == pytest.approx(math.exp(2), rel=1e-3)  # from the table's 4 significant digits


def test_target_class_changes_the_loss_to_minus_log_p_target():
    at = _open(tab="ce")
    at.number_input(key="target").set_value(2).run()
    assert url_param(at, "target") == "2"
    loss = -math.log(0.369686)  # p_2 of seed 001's logits
    assert f"= {loss:.4f}" in _latex(at)


def test_vjp_of_ones_is_zero():
    at = _open(v="ones", tab="vjp")
    assert max(map(abs, _column(at, "autograd.grad(p, a, grad_outputs=v)"))) < 1e-12


def test_vjp_from_cross_entropy_equals_the_cross_entropy_gradient():
    at = _open(target="1", tab="vjp")
    vjp = _column(at, "autograd.grad(p, a, grad_outputs=v)")
    open_tab(at, "softmax", "ce")
    assert vjp == pytest.approx(_column(at, "a.grad (backward)"), rel=1e-3)  # both written to 4 digits


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


def _printed(script: str) -> dict[str, list[float]]:
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    pairs = (line.split(" = ", 1) for line in out.splitlines() if not line.startswith("max"))
    return {name: [float(x) for x in values.split()] for name, values in pairs}


def test_script_prints_the_numbers_the_page_shows():
    at = _open(logits="2, 1, 0.1", T="0.7", target="2", tab="code")
    printed = _printed(at.code[0].value)
    assert printed["p"] == pytest.approx(_probabilities(open_tab(at, "softmax", "probs")), rel=5e-4)
    open_tab(at, "softmax", "ce")
    assert printed["grad"] == pytest.approx(_column(at, "(p − onehot) / T"), rel=5e-4)
    assert f"= {num(printed['loss'][0])}" in _latex(at)


def test_script_is_offered_as_a_download_and_fits_the_page():
    at = _open(logits=", ".join(["-123.456789"] * 10), T="0.3", target="9", v="custom", tab="code")
    source = at.code[0].value
    assert max(len(line) for line in source.splitlines()) <= 79
    (button,) = at.get("download_button")
    assert button.proto.label == translate("code.download", "en", file="softmax_cross_entropy.py")
    assert _printed(source)["vJ"]  # the custom v, fitted to 10 logits, reaches the script


def test_vjp_with_a_one_hot_v_is_the_row_of_the_jacobian_seed_001_asks_autograd_for():
    at = _open(v="row", target="1", tab="vjp")
    vjp = _column(at, "autograd.grad(p, a, grad_outputs=v)")
    assert vjp == pytest.approx([-0.0947, 0.2364, -0.1417], abs=5e-5)


# sentences built from the live numbers


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_gap_sentence_says_narrows_for_seed_001_and_widens_for_the_classic_logits():
    at = _open()
    assert "**narrows**" in _markdown(at) and "**widens**" not in _markdown(at)
    assert "ratio is 1.0567 and the probabilities' ratio only 1.0366" in _markdown(at)  # e^(0.6693 - 0.6334)
    at.text_input(key="logits").set_value("2.0, 1.0, 0.1").run()
    assert "**widens**" in _markdown(at) and "**narrows**" not in _markdown(at)
    assert "ratio is 2 and the probabilities' ratio 2.7183" in _markdown(at)


def test_gap_sentence_follows_the_temperature():
    at = _open(logits="2.0, 1.0, 0.1", T="2")
    assert "**narrows**" in _markdown(at)  # e^(1/2) = 1.6487 < 2
    assert "1.6487" in _markdown(at) and "at T = 1 this ratio would be squared, 2.7183" in _markdown(at)
    at.slider(key="T").set_value(0.5).run()
    assert "**widens**" in _markdown(at) and "7.3891" in _markdown(at)


@pytest.mark.parametrize(
    ("logits", "expected"),
    [("1, 1, 0", "have the same logit"), ("-1, -2, -3", "means nothing"), ("3, 0, -1", "means nothing")],
)
def test_gap_sentence_for_ties_and_logits_without_a_ratio(logits, expected):
    at = _open(logits=logits)
    assert expected in _markdown(at)
    assert "**widens**" not in _markdown(at) and "**narrows**" not in _markdown(at)


def test_gap_sentence_writes_ratios_beyond_float64():
    at = _open(logits="1000, -1000", T="0.1")  # e^(2000 / 0.1) is far beyond float64's 1.8e308
    assert r"= 7.756 \times 10^{8685}" in _latex(at)
    assert "inf" not in _markdown(at)


@pytest.mark.parametrize(("T", "verdict"), [("1", "overflow"), ("1.4", "overflow"), ("1.5", "fine")])
def test_overflow_example_says_what_happens_at_this_temperature(T, verdict):
    at = _open(T=T, tab="stability")
    classic = _markdown(at).split(translate("softmax.stable.classic", "en"))[1]
    assert ("nothing overflows in float64" in classic) == (verdict == "fine")
    assert ("its exp(z) is inf in float64" in classic) == (verdict == "overflow")
    assert ("In float32 it would overflow" in classic) == (verdict == "fine")  # 1000 / 1.5 > 88.72
    naive = next(df.value for df in at.dataframe[1:] if "exp(z)" in df.value.columns).iloc[:, 3].tolist()
    assert ("nan" in naive) == (verdict == "overflow")


def test_underflow_of_every_exp_is_named():
    at = _open(logits="-1000, -1001", tab="stability")
    assert "underflows to 0 in float64" in _markdown(at)
    assert _column(at, "stable (max subtracted)") == pytest.approx([0.7311, 0.2689], abs=5e-5)


def test_stability_text_is_translated():
    at = _open(lang="zh", T="1.5", tab="stability")
    assert "float64 中没有溢出" in _markdown(at) and "在 float32 中它会溢出" in _markdown(at)


def test_underflowed_target_probability_explains_what_cross_entropy_computes():
    at = _open(logits="1000, 0, -1000", target="2", tab="vjp")  # p_2 = e^-2000 = 0 in float64
    assert "log-sum-exp" in _errors(at) and "never takes log p" in _errors(at)
    open_tab(at, "softmax", "ce")
    assert not at.error and "inf" not in " ".join(_latex(at).split("\\infty"))


def test_jacobian_facts_name_rows_and_columns():
    at = _open(tab="jacobian")
    assert "Every row and every column sums to 0" in _markdown(at)
    at = _open(tab="jacobian", lang="zh")
    assert "每一行、每一列之和都为 0" in _markdown(at)


# numbers: never a 0.0000 for a number that is not zero


def _chart_data(at) -> list[pd.DataFrame]:
    """The data of every chart on the page, as the browser receives it (Arrow datasets)."""
    return [
        pa.ipc.open_stream(dataset.data.data).read_all().to_pandas()
        for element in at.get("vega_lite_chart")
        for dataset in element.proto.datasets
    ]


def _everything_written(at) -> str:
    """Every text a student can read: markdown, formulas, tables, and the labels and tooltips of the charts."""
    tables = [df.value.to_string() for df in at.dataframe]
    charts = [frame.to_string() for frame in _chart_data(at)]
    return "\n".join([_markdown(at), _latex(at), *tables, *charts])


@pytest.mark.parametrize("tab", ["probs", "jacobian", "vjp", "ce", "stability"])
def test_tiny_numbers_are_written_with_significant_digits_not_as_zeros(tab):
    at = _open(logits="1, 2, 3, 4, 5, 6, 7, 8, 9, 10", T="0.4", target="9", tab=tab)
    written = _everything_written(at)
    assert not re.search(r"-?0\.0000(?!\d)", written), tab
    assert "e-" in written or "10^{-" in written, tab  # p_0 = 1.553e-10 and friends


def test_jacobian_at_low_temperature_writes_its_checklist_and_formulas_in_significant_digits():
    at = _open(logits="1, 2, 3, 4, 5, 6, 7, 8, 9, 10", T="0.4", target="4", tab="jacobian")
    latex, facts = _latex(at), _markdown(at)
    assert (
        r"J_{44} = \frac{p_4(1 - p_4)}{T} = \frac{3.421 \times 10^{-6} \times (1 - 3.421 \times 10^{-6})}{0.4}" in latex
    )
    assert "(smallest 3.883e-10)" in facts  # p_0 (1 - p_0) / 0.4
    assert "(largest -7.346e-19)" in facts  # -p_0 p_1 / 0.4
    labels = _chart_data(at)[0]["label"].tolist()  # what the heat map writes in its cells and tooltips
    assert labels[:2] == ["3.883e-10", "-7.346e-19"]


def test_ten_logits_stack_the_two_heat_maps():
    def chart_columns(at):
        return [c for c in at.columns if c.get("vega_lite_chart")]

    assert len(chart_columns(_open(tab="jacobian"))) == 2  # 3 logits: side by side
    at = _open(logits="1, 2, 3, 4, 5, 6, 7, 8, 9, 10", tab="jacobian")
    assert not chart_columns(at) and len(at.get("vega_lite_chart")) == 2
    assert translate("softmax.jac.intro_stacked", "en") in _markdown(at)


# the custom upstream gradient v


def test_custom_v_starts_with_one_number_per_logit():
    at = _open(logits="1, 2, 3, 4, 5, 6, 7, 8, 9, 10", v="custom", tab="vjp")
    assert not at.error
    assert at.text_input(key="vc").value == "1, " + ", ".join(["0"] * 9)
    assert _column(at, "v") == [1.0] + [0.0] * 9
    at.text_input(key="logits").set_value("1, 2").run()
    assert not at.error and at.text_input(key="vc").value == "1, 0"


def test_a_typed_custom_v_is_kept_when_the_logits_change():
    at = _open(v="custom", tab="vjp")
    at.text_input(key="vc").set_value("0.5, 2, -1").run()
    at.text_input(key="logits").set_value("1, 2, 3, 4").run()
    assert at.text_input(key="vc").value == "0.5, 2, -1"
    assert "v has `3` numbers; it needs `4`" in _errors(at)


def test_bad_logits_in_a_link_fall_back_to_the_default_logits():
    at = _open(logits="1, abc")
    assert "`abc`" in _errors(at)
    captions = " ".join(c.value for c in at.caption)
    assert translate("error.kept_last", "en") in captions and "Using logits [0.2306, 0.6693, 0.6334]" in captions
    assert _probabilities(at) == pytest.approx(SEED_001_P, abs=5e-5)


# every chart: a caption from the live numbers and the table behind it (issue 20)


def _captions(at) -> list[str]:
    return [c.value for c in at.caption]


def test_every_chart_of_the_probabilities_tab_has_a_caption_that_follows_the_input():
    at = _open(logits="2.0, 1.0, 0.1")
    before = _captions(at)
    assert len(at.get("vega_lite_chart")) == 3
    assert "3 logits: the largest is 2 (class 0), the smallest 0.1 (class 2)." in before
    assert any(c.startswith("The largest probability is 0.659 (class 0)") for c in before)
    assert any(c.startswith("Class 0, the largest logit, has the tallest bar of both: softmax 0.659") for c in before)
    at.slider(key="T").set_value(0.5).run()
    after = _captions(at)
    assert before[0] in after  # the logits do not depend on T
    assert len(set(before) - set(after)) == 2  # the probabilities and the sigmoid captions do


def test_every_chart_has_its_numbers_in_a_table_with_translated_column_names():
    at = _open(lang="zh")
    tables = [expander.table[0].value for expander in at.expander if expander.table]
    assert len(tables) == 3
    assert tables[0].index.name == "类别" and list(tables[0].columns) == ["logit a"]
    assert list(tables[1].columns) == ["概率 p"] and list(tables[1]["概率 p"]) == ["0.2471", "0.3832", "0.3697"]
    assert list(tables[2].columns) == ["softmax", "sigmoid"]


def test_each_jacobian_heat_map_has_its_caption_and_its_matrix_as_a_table():
    at = _open(tab="jacobian", T="0.5")
    captions = [c for c in _captions(at) if "3 × 3" in c]
    assert len(captions) == 2
    assert captions[0].startswith(translate("softmax.jac.analytic", "en"))
    at.slider(key="T").set_value(2.0).run()
    assert not set(captions) & set(_captions(at))
    table = next(expander.table[0].value for expander in at.expander if expander.table)
    assert table.index.name == translate("softmax.jac.row", "en") and list(table.columns) == ["j = 0", "j = 1", "j = 2"]
    J = sm.softmax_jacobian([0.2306, 0.6693, 0.6334], 2.0).tolist()
    assert table.values.tolist() == [[num(v) for v in row] for row in J]
