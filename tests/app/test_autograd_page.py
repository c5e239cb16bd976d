"""The autograd page under AppTest: each preset, edits good and bad, the URL round trip, the script."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from core.autograd_presets import ChainInputs, LinearInputs, chain_rule, pytorch_script
from tests.app.helpers import open_page, open_tab, url_param
from ui.graph import format_tensor
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
    assert "w.grad = [[-3.667, -5.667]]" in graph
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
    assert any(translate("autograd.chain_check", "en", diff="").split("(")[0] in s.value for s in page.success)


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
    assert list(table.iloc[:, 5]) == ["[[2.333, 2.333]]", "[2]"]  # w - 0.5 * [[-3.667, -5.667]], b - 0.5 * -4


def test_leaving_b_out_of_the_optimizer_keeps_b_but_not_its_grad(page):
    open_tab(page, "autograd", "optim")
    page.toggle(key="ag_ow").set_value(True).run()
    table = page.dataframe[-1].value
    assert list(table.iloc[:, 1]) == ["✓", "✗"]
    assert list(table.iloc[:, 4]) == ["[[-3.667, -5.667]]", "[-4]"]  # backward() filled both grads
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
