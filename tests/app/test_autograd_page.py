"""The autograd page under AppTest: each preset, edits good and bad, the URL round trip, the script."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from core.autograd_presets import ChainInputs, LinearInputs, chain_rule, pytorch_script
from tests.app.helpers import open_page, open_tab, url_param
from ui.autograd.graph import format_tensor
from ui.i18n import translate
from ui.nav import PAGES

PAGE = next(p for p in PAGES if p.url_path == "autograd")


def dot(at) -> str:
    return at.get("graphviz_chart")[0].proto.spec


def texts(at) -> str:
    parts = [*at.markdown, *at.caption, *at.latex, *at.code, *at.info, *at.success, *at.warning, *at.error]
    return "\n".join(str(e.value) for e in parts)


def open_editor(at):
    """Open "Edit the numbers" as a click does: closed, its inputs are not drawn."""
    at.session_state["ag_edit"] = True
    return at.run()


def python_code(at) -> str:
    return next(c.value for c in at.code if c.value.startswith("import torch"))


@pytest.fixture
def page():
    at = open_page(PAGE)
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_opens_on_the_linear_model_graph_with_pytorchs_node_names(page):
    graph = dot(page)
    for name in ("MseLossBackward0", "AddmmBackward0", "TBackward0", "AccumulateGrad"):
        assert name in graph
    assert "w.grad = [[-3.6667, -5.6667]]" in graph
    assert "b.grad = [-4]" in graph


@pytest.mark.parametrize(
    ("preset", "nodes"),
    [("chain", ["SinBackward0", "PowBackward0"]), ("softmax_ce", ["NllLossBackward0", "LogSoftmaxBackward0"])],
)
def test_each_preset_draws_its_own_graph_and_goes_into_the_url(page, preset, nodes):
    page.button_group(key="ag_p").set_value(preset).run()
    assert not page.exception and not page.error
    assert all(name in dot(page) for name in nodes)
    assert url_param(page, "ag_p") == preset


def test_softmax_preset_shows_p_minus_onehot(page):
    page.button_group(key="ag_p").set_value("softmax_ce").run()
    assert "z.grad = [[-0.341, 0.2424, 0.09857]]" in dot(page)  # softmax([2, 1, 0.1]) - onehot(0)


def test_editing_a_weight_updates_graph_chain_rule_and_url(page):
    open_editor(page).number_input(key="ag_w1").set_value(1.5).run()
    expected = chain_rule(LinearInputs(w=(1.5, -0.5)))
    assert f"w.grad = {format_tensor(expected.autograd)}" in dot(page)
    open_tab(page, "autograd", "chain")
    assert format_tensor(expected.product) in texts(page)
    assert url_param(page, "ag_w1") == "1.5"


def test_chain_rule_tab_writes_the_product_with_live_numbers(page):
    page.button_group(key="ag_p").set_value("chain").run()
    open_tab(page, "autograd", "chain")
    rule = chain_rule(ChainInputs())
    latex = " ".join(e.value for e in page.latex)
    assert r"f'(g)\, g'(x) = \cos(0.25)\cdot 2(0.5)" in latex
    assert f"{rule.product.item():.4g}" in latex
    assert any(translate("autograd.chain.check", "en", diff="").split("(")[0] in s.value for s in page.success)


def test_exploding_numbers_show_a_translated_error_and_the_rest_still_works():
    at = open_page(PAGE, params={"lang": "zh", "ag_p": "chain", "ag_g": "exp", "ag_f": "exp", "ag_cx": "10"})
    assert not at.exception
    assert at.error and "不是有限数" in at.error[0].value
    assert at.toggle(key="ag_bw").value and not at.get("graphviz_chart")  # the control stays, the graph goes
    open_tab(at, "autograd", "optim")
    assert at.error and at.number_input(key="ag_lr").value == 0.1
    open_tab(at, "autograd", "pitfalls")  # does not depend on the numbers
    assert not at.error and "Trying to backward through the graph a second time" in texts(at)


def test_bad_number_in_the_url_falls_back_with_a_warning():
    at = open_page(PAGE, params={"ag_w1": "abc", "ag_k": "1000", "tab": "modes"})
    assert not at.exception
    shown = " ".join(w.value for w in at.warning)
    assert "ag_w1" in shown and "ag_k" in shown
    assert at.number_input(key="ag_w1").value == LinearInputs().w[0]
    assert at.expander[0].proto.expanded  # the warning sits next to its input, so that input is shown


def test_a_plain_link_keeps_the_number_editor_folded_and_its_inputs_undrawn(page):
    assert not page.expander[0].proto.expanded
    assert not [w for w in page.number_input if w.key.startswith("ag_w")]
    assert "0.5" in " ".join(e.value for e in page.latex)  # the numbers are in the formula all the same
    assert open_editor(page).number_input(key="ag_w1").value == 0.5


def test_url_round_trip_reopens_the_same_view(page):
    page.button_group(key="ag_p").set_value("chain").run()
    open_editor(page).number_input(key="ag_cx").set_value(1.2).run()
    page.selectbox(key="ag_f").set_value("tanh").run()
    page.toggle(key="ag_bw").set_value(False).run()
    link = {k: url_param(page, k) for k in page.query_params}
    reopened = open_page(PAGE, params=link)
    assert reopened.number_input(key="ag_cx").value == 1.2
    assert reopened.selectbox(key="ag_f").value == "tanh"
    assert reopened.toggle(key="ag_bw").value is False
    assert dot(reopened) == dot(page)
    assert "TanhBackward0" in dot(reopened)


def test_switching_backward_off_hides_the_gradients_for_a_prediction(page):
    page.toggle(key="ag_bw").set_value(False).run()
    assert ".grad" not in dot(page) and "∂L/∂" not in dot(page)
    assert page.info


def test_optimizer_tab_shows_grad_none_before_backward_and_the_sgd_step(page):
    open_tab(page, "autograd", "optim")
    page.number_input(key="ag_lr").set_value(0.5).run()
    table = page.dataframe[-1].value
    assert list(table.iloc[:, 0]) == ["w", "b"]
    assert list(table.iloc[:, 3]) == ["None", "None"]
    assert list(table.iloc[:, 5]) == ["[[2.3333, 2.3333]]", "[2]"]  # w - 0.5 * [[-3.6667, -5.6667]], b - 0.5 * -4


def test_leaving_b_out_of_the_optimizer_keeps_b_but_not_its_grad(page):
    open_tab(page, "autograd", "optim")
    page.toggle(key="ag_ow").set_value(True).run()
    table = page.dataframe[-1].value
    assert list(table.iloc[:, 1]) == ["✓", "✗"]
    assert list(table.iloc[:, 4]) == ["[[-3.6667, -5.6667]]", "[-4]"]  # backward() filled both grads
    assert table.iloc[1, 5] == "[0]"  # step() did not touch b
    assert "torch.optim.SGD([w], lr=0.1)" in texts(page)
    assert url_param(page, "ag_ow") == "true"


def test_forward_vs_reverse_table_counts_passes(page):
    open_tab(page, "autograd", "modes")
    page.number_input(key="ag_k").set_value(10).run()
    table = page.dataframe[0].value
    assert table.iloc[:, 2].tolist() == [10, 1, 10]  # forward: one pass per input
    assert table.iloc[:, 3].tolist() == [1, 10, 10]  # reverse: one pass per output
    assert set(table.iloc[:, 6]) == {"✓"}


@pytest.mark.parametrize("preset", ["linear", "chain", "softmax_ce"])
def test_reproduce_script_prints_the_gradients_the_graph_shows(preset):
    at = open_page(PAGE, params={"ag_p": preset, "tab": "code"})
    code = python_code(at)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120).stdout
    printed = re.findall(r"^(\w+)\.grad = \[(.*)\]$", out, flags=re.MULTILINE)
    assert printed
    graph = dot(open_tab(at, "autograd", "graph"))
    for name, numbers in printed:
        shown = re.search(rf"{name}\.grad = ([^<]*)</font>", graph)[1]
        assert [float(v) for v in re.findall(r"-?[\d.e+-]+", shown)] == pytest.approx(
            [float(v) for v in numbers.split(",")], rel=1e-3
        )


def test_the_page_script_is_cores_script_for_the_current_inputs(page):
    assert python_code(open_tab(page, "autograd", "code")).strip() == pytorch_script(LinearInputs()).strip()


@pytest.mark.parametrize(
    ("preset", "present", "absent"),
    [
        ("linear", ["TBackward0", "AddmmBackward0", "MseLossBackward0", "AccumulateGrad"], ["LogSoftmaxBackward0"]),
        ("chain", ["PowBackward0", "SinBackward0", "AccumulateGrad"], ["TBackward0", "X·wᵀ"]),
        ("softmax_ce", ["LogSoftmaxBackward0", "NllLossBackward0"], ["TBackward0", "X·wᵀ", "AddmmBackward0"]),
    ],
)
def test_the_graph_caption_explains_exactly_the_nodes_in_the_graph(preset, present, absent):
    at = open_page(PAGE, params={"ag_p": preset})
    caption = " ".join(c.value for c in at.caption)
    assert all(name in caption for name in present)
    assert not any(text in caption for text in absent)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_numbers_count_from_0_and_each_input_names_its_url_key(lang):
    at = open_editor(open_page(PAGE, params={"ag_p": "softmax_ce", "lang": lang}))
    assert [at.number_input(key=f"ag_z{k + 1}").label for k in range(3)] == ["z₀", "z₁", "z₂"]
    assert "z[0, 0]" in at.number_input(key="ag_z1").help and "ag_z1" in at.number_input(key="ag_z1").help
    assert at.selectbox(key="ag_t").options == ["0", "1", "2"]
    at = open_editor(open_page(PAGE, params={"lang": lang}))
    assert [at.number_input(key=k).label for k in ("ag_x11", "ag_x32", "ag_y1", "ag_w1", "ag_w2")] == [
        "X₀₀",
        "X₂₁",
        "y₀",
        "w₀",
        "w₁",
    ]
    assert "w[0, 1]" in at.number_input(key="ag_w2").help


def test_an_old_link_with_1_based_keys_sets_the_0_based_logits():
    at = open_page(PAGE, params={"ag_p": "softmax_ce", "ag_z1": "4", "ag_t": "0"})
    assert r"z = \begin{bmatrix}4 & 1 & 0.1\end{bmatrix}" in " ".join(e.value for e in at.latex)


def test_the_no_zero_grad_story_is_built_from_the_live_loop():
    from core.autograd_pitfalls import grad_accumulation
    from ui.numbers import num

    at = open_page(PAGE, params={"tab": "pitfalls", "ag_plr": "0"})
    assert "2, 4, 6, 8" in texts(at) and "lr=0.0" in texts(at)
    at.number_input(key="ag_plr").set_value(0.3).run()
    trace = grad_accumulation(0.3)
    story = texts(at)
    assert "2, 4, 6, 8" not in story and "lr=0.3" in story
    assert ", ".join(num(g) for g in trace.grad[0]) in story
    assert num(trace.w_after[0][-1]) in story and num(trace.w_after[1][-1]) in story
    assert url_param(at, "ag_plr") == "0.3"


def test_small_numbers_are_never_written_as_zero():
    at = open_page(PAGE, params={"ag_p": "chain", "ag_cx": "0.001", "ag_g": "square", "ag_f": "sin"})
    graph = dot(at)
    assert "g = 1e-06" in graph
    shown = graph + texts(open_tab(at, "autograd", "chain"))
    assert not re.search(r"(?<![\d.e])-?0\.0+(?![\d.e])", shown)
    assert not re.search(r"(?<![\d.])0\.0000", shown)


def test_the_script_is_offered_as_a_download():
    at = open_page(PAGE, params={"ag_p": "chain", "tab": "code"})
    (button,) = at.get("download_button")
    assert "autograd_chain.py" in button.proto.label


def test_the_graph_in_words_follows_the_numbers(page):
    caption = translate("autograd.graph.text", "en", paths="")[:30]
    before = next(c.value for c in page.caption if caption in c.value)
    assert "L = 5.1667 ← MseLossBackward0" in before and "w.grad = [[-3.6667, -5.6667]]" in before
    open_editor(page).number_input(key="ag_w1").set_value(1.5).run()
    after = next(c.value for c in page.caption if caption in c.value)
    assert f"w.grad = {format_tensor(chain_rule(LinearInputs(w=(1.5, -0.5))).autograd)}" in after


def test_the_mode_charts_say_their_numbers_for_the_chosen_size(page):
    open_tab(page, "autograd", "modes")
    page.number_input(key="ag_k").set_value(10).run()
    assert any("10 → 1: 10 against 1; 1 → 10: 1 against 10; 10 → 10: 10 against 10" in c.value for c in page.caption)
    page.number_input(key="ag_k").set_value(5).run()
    assert any("5 → 1: 5 against 1" in c.value for c in page.caption)


def test_the_accumulation_chart_says_its_sums_for_the_chosen_lr():
    from core.autograd_pitfalls import grad_accumulation
    from ui.numbers import num

    at = open_page(PAGE, params={"tab": "pitfalls", "ag_plr": "0.3"})
    trace = grad_accumulation(0.3)
    without = ", ".join(num(g) for g in trace.grad[0])
    assert any(f"without zero_grad() {without};" in c.value for c in at.caption)


def test_a_bad_edit_keeps_the_last_graph_with_the_message():
    at = open_page(PAGE, params={"ag_p": "chain", "ag_g": "exp", "ag_f": "exp", "ag_cx": "1", "ag_bw": "false"})
    graph = dot(at)
    open_editor(at).number_input(key="ag_cx").set_value(10.0).run()  # exp(exp(10)) overflows
    assert not at.exception and at.error
    assert translate("error.kept_last", "en") in [c.value for c in at.caption]
    assert dot(at) == graph  # the last valid graph, not a blank tab
