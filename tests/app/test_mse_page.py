"""The MSE page under AppTest: each reduction, each preset, edits good and bad, the URL round trip."""

from __future__ import annotations

import pytest

from tests.app.helpers import open_page, open_tab, url_param
from ui.i18n import translate
from ui.nav import PAGES

MSE_PAGE = next(p for p in PAGES if p.url_path == "mse")


def texts(at) -> str:
    parts = [*at.markdown, *at.caption, *at.latex, *at.code, *at.info, *at.success, *at.warning, *at.error]
    return "\n".join(str(e.value) for e in parts)


def metric(at, label_key: str, **values) -> str:
    label = translate(label_key, "en", **values)
    return next(m.value for m in at.metric if m.label == label)


def edit(at, matrix: str, row: int, col: int, value: str):
    """Type `value` into a cell of the X or Y editor (row and column counted from 0, as the editor labels them)."""
    editor = next(e for e in at.data_editor if e.key.startswith(f"mse_{matrix}_v"))
    at.session_state[editor.key] = {"edited_rows": {row: {str(col): value}}, "added_rows": [], "deleted_rows": []}
    return at.run()


@pytest.fixture
def page():
    at = open_page(MSE_PAGE)
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_opens_on_the_seed_000_example_with_the_mean_loss(page):
    assert metric(page, "mse.result.loss", reduction="mean") == "17/6 = 2.8333"
    assert r"\frac{1}{3\cdot 2}\left(1^2 + (-1)^2 + 3^2 + (-2)^2 + (-1)^2 + 1^2\right)" in texts(page)


def test_sum_reduction_shows_17_and_twice_the_difference(page):
    page.button_group(key="reduction").set_value("sum").run()
    assert metric(page, "mse.result.loss", reduction="sum") == "17"
    open_tab(page, "mse", "grad")
    assert r"\begin{bmatrix} 2 & -2 \\ 6 & -4 \\ -2 & 2 \end{bmatrix}" in texts(page)
    assert url_param(page, "reduction") == "sum"


def test_none_reduction_shows_pytorchs_backward_error_and_the_way_out(page):
    page.button_group(key="reduction").set_value("none").run()
    open_tab(page, "mse", "grad")
    code = "\n".join(c.value for c in page.code)
    assert "grad can be implicitly created only for scalar outputs" in code
    assert "loss.backward(gradient=torch.ones_like(loss))" in code
    assert not page.error


def test_gradient_tab_shows_autograd_and_closed_form_agree(page):
    open_tab(page, "mse", "grad")
    assert float(metric(page, "mse.grad.max_diff")) < 1e-12


@pytest.mark.parametrize(
    ("preset", "shape", "loss"),
    [
        ("seed000", (3, 2), "17/6 = 2.8333"),
        ("seed002", (3, 3), "37/9 = 4.1111"),
        ("toy_regression", (6, 1), "449/6 = 74.8333"),  # (4² + 2² + 8² + 5² + 18² + 4²) / 6
    ],
)
def test_each_fixed_preset_loads_its_matrices(page, preset, shape, loss):
    page.selectbox(key="preset").set_value(preset).run()
    assert page.data_editor[0].value.shape == shape
    assert (page.number_input(key="mse_rows").value, page.number_input(key="mse_cols").value) == shape
    assert metric(page, "mse.result.loss", reduction="mean") == loss


def test_random_preset_is_reproducible_from_its_seed(page):
    page.selectbox(key="preset").set_value("random").run()
    page.number_input(key="seed").set_value(7).run()
    first = page.data_editor[0].value
    again = open_page(MSE_PAGE, params={"preset": "random", "seed": "7"})
    assert first.equals(again.data_editor[0].value)
    assert not first.equals(open_page(MSE_PAGE, params={"preset": "random", "seed": "8"}).data_editor[0].value)


def test_editing_a_cell_recomputes_the_loss_and_goes_into_the_url(page):
    at = edit(page, "X", 0, 0, "2")  # X[0, 0]: 3 -> 2, so its squared error 1 becomes 0
    assert metric(at, "mse.result.loss", reduction="mean") == "8/3 = 2.6667"
    assert url_param(at, "X") == "2,1;4,2;5,3"


@pytest.mark.parametrize(
    ("value", "fragment"),
    [("", "is empty"), ("abc", "is not a number"), ("nan", "only finite numbers"), ("1e999", "only finite numbers")],
)
def test_a_bad_cell_is_named_and_the_last_result_stays(page, value, fragment):
    at = edit(page, "Y", 1, 1, value)
    assert not at.exception
    (error,) = at.error
    assert "Y" in error.value and "row `1`, column `1` (counted from 0)" in error.value and fragment in error.value
    assert translate("error.kept_last", "en") in texts(at)
    assert metric(at, "mse.result.loss", reduction="mean") == "17/6 = 2.8333"


def test_bad_cell_message_is_translated(page):
    page.button_group(key="lang").set_value("zh").run()
    at = edit(page, "X", 0, 0, "abc")
    assert "第 `0` 行第 `0` 列（从 0 数起）" in at.error[0].value


def test_resizing_keeps_the_entries_that_fit(page):
    page.number_input(key="mse_rows").set_value(4).run()
    page.number_input(key="mse_cols").set_value(1).run()
    assert page.data_editor[0].value.iloc[:, 0].tolist() == ["3", "4", "5", "0"]
    assert url_param(page, "X") == "3;4;5;0"


def test_shape_mismatch_from_a_link_names_both_shapes():
    at = open_page(MSE_PAGE, params={"X": "1,2;3,4;5,6", "Y": "1,2;3,4"})
    assert not at.exception
    assert "(2, 2)" in at.error[0].value and "(3, 2)" in at.error[0].value
    assert translate("mse.input.no_result", "en") in texts(at)


def test_a_link_reopens_the_same_view():
    at = open_page(MSE_PAGE, params={"preset": "seed002", "reduction": "sum", "X": "1,0,0;0,1,0;0,0,3"})
    assert metric(at, "mse.result.loss", reduction="sum") == "4"
    assert at.button_group(key="reduction").value == "sum"
    assert url_param(at, "X") == "1,0,0;0,1,0;0,0,3" and url_param(at, "preset") == "seed002"


def test_malformed_matrix_in_a_link_falls_back_with_a_warning():
    at = open_page(MSE_PAGE, params={"X": "1,2;3"})
    assert not at.exception and at.warning
    assert metric(at, "mse.result.loss", reduction="mean") == "17/6 = 2.8333"


def test_oversized_matrix_in_a_link_falls_back_with_a_warning():
    at = open_page(MSE_PAGE, params={"X": ";".join(["1"] * 21)})
    assert "`1;1;1" in at.warning[0].value
    assert page_shape(at) == (3, 2)


def page_shape(at) -> tuple[int, int]:
    return at.data_editor[0].value.shape


def test_sum_over_batch_size_equals_mean_only_when_d_is_1(page):
    open_tab(page, "mse", "switch")
    assert translate("mse.switch.batch_differs", "en", d=2) in texts(page)
    page.selectbox(key="preset").set_value("toy_regression").run()
    assert translate("mse.switch.batch_equal", "en") in texts(page)


def test_sgd_steps_under_mean_and_sum_match_with_the_scaled_learning_rate(page):
    open_tab(page, "mse", "switch")
    assert float(metric(page, "mse.switch.step_diff")) < 1e-12
    assert r"= \frac{0.1}{3\cdot 2} \approx 0.01667" in texts(page)


@pytest.mark.parametrize(("size_average", "reduce", "mapped"), [("False", "None", "sum"), ("True", "False", "none")])
def test_legacy_flags_show_the_mapping_and_pytorchs_warning(page, size_average, reduce, mapped):
    open_tab(page, "mse", "legacy")
    page.button_group(key="size_average").set_value(size_average).run()
    page.button_group(key="reduce").set_value(reduce).run()
    assert f"→ `reduction='{mapped}'`" in texts(page)
    assert f"please use reduction='{mapped}' instead" in texts(page)


def test_reproduce_script_embeds_the_current_data(page):
    open_tab(page, "mse", "code")
    code = "\n".join(c.value for c in page.code)
    assert "torch.tensor([[3.0, 1.0], [4.0, 2.0], [5.0, 3.0]]" in code
    assert "MSELoss(reduction='mean')" in code


def run_script(code: str) -> tuple[list[float], list[float]]:
    """Run a generated script in a fresh interpreter; the numbers it prints for the loss and for X.grad."""
    import re
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120).stdout
    loss_text, grad_text = out.split("X.grad =")
    numbers = re.compile(r"-?\d+\.\d*(?:e[-+]\d+)?")
    return [float(v) for v in numbers.findall(loss_text)], [float(v) for v in numbers.findall(grad_text)]


@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_the_reproduce_script_prints_the_loss_and_gradient_the_page_shows(page, reduction):
    page.button_group(key="reduction").set_value(reduction).run()
    at = edit(page, "Y", 2, 0, "7.5")
    shown_loss = metric(at, "mse.result.loss", reduction=reduction)
    (script,) = [c.value for c in open_tab(at, "mse", "code").code if "print(" in c.value]
    loss, grad = run_script(script)
    assert loss == pytest.approx([float(shown_loss.split("=")[-1])], abs=1e-4)
    open_tab(at, "mse", "autograd")  # X.grad as tables
    shown_tables = [
        df.value.to_numpy(dtype=float).flatten().tolist() for df in at.dataframe if df.value.shape == (3, 2)
    ]
    assert any(table == pytest.approx(grad, abs=1e-4) for table in shown_tables)


def test_one_by_one_none_loss_explains_that_backward_works():
    at = open_page(MSE_PAGE, params={"X": "0", "Y": "1", "reduction": "none", "tab": "grad"})
    assert not at.exception and not at.error
    assert translate("mse.grad.none_one_element", "en") in texts(at)


def codes(at) -> str:
    return "\n".join(c.value for c in at.code)


def test_the_question_is_built_from_the_live_shape(page):
    assert translate("mse.page.question", "en", n=3, d=2, nd=6) in texts(page)
    page.number_input(key="mse_rows").set_value(4).run()
    page.number_input(key="mse_cols").set_value(1).run()
    assert translate("mse.page.question", "en", n=4, d=1, nd=4) in texts(page)
    assert "6×" not in texts(page)
    one = open_page(MSE_PAGE, params={"X": "2", "Y": "1"})
    assert translate("mse.page.question_one", "en") in texts(one)


def test_the_old_residuals_preset_link_opens_the_renamed_preset_with_a_warning():
    at = open_page(MSE_PAGE, params={"preset": "residuals"})
    assert not at.exception
    assert translate("mse.input.preset_renamed", "en", old="residuals", new="toy_regression") in texts(at)
    assert at.selectbox(key="preset").value == "toy_regression"
    assert url_param(at, "preset") == "toy_regression"
    assert metric(at, "mse.result.loss", reduction="mean") == "449/6 = 74.8333"


def test_the_first_block_defines_torch_x_and_y_from_the_editors(page):
    first = page.code[0].value
    assert first.startswith("import torch")
    assert "X = torch.tensor([[3.0, 1.0], [4.0, 2.0], [5.0, 3.0]], dtype=torch.float64, requires_grad=True)" in first
    assert first.endswith("loss = torch.nn.MSELoss(reduction='mean')(X, Y)")


def test_none_gradient_is_labelled_as_the_gradient_of_the_sum(page):
    page.button_group(key="reduction").set_value("none").run()
    open_tab(page, "mse", "grad")
    shown = texts(page)
    assert translate("mse.grad.autograd_none", "en") in shown and translate("mse.grad.closed_none", "en") in shown
    assert r"\partial\,(\textstyle\sum_{i,j}\text{loss}_{ij})" in shown
    assert "∂loss/∂X" not in shown.replace("∂(loss.sum())/∂X", "")


def test_autograd_tab_on_none_shows_that_autograd_grad_raises_too(page):
    page.button_group(key="reduction").set_value("none").run()
    shown = codes(open_tab(page, "mse", "autograd"))
    assert (
        "torch.autograd.grad(loss, [X])  # raises RuntimeError: grad can be implicitly created only for scalar" in shown
    )
    assert "retain_graph=True" in shown
    assert "# raises RuntimeError: Trying to backward through the graph a second time" in shown


def test_norms_tab_names_the_frobenius_and_the_spectral_norm(page):
    open_tab(page, "mse", "norms")
    (table,) = [d.value for d in page.dataframe if not d.key]
    values = dict(zip(table.iloc[:, 0], table.iloc[:, 2], strict=True))
    assert values["torch.norm(X - Y, 2)"] == "4.1231"  # √17: the Frobenius norm
    assert values["torch.linalg.matrix_norm(X - Y, ord=2) ** 2"] == "16.8815"  # σ₁², not 17
    assert translate("mse.norms.rank_more", "en") in texts(page)
    page.selectbox(key="preset").set_value("toy_regression").run()
    assert translate("mse.norms.rank_one", "en") in texts(page)  # one column: rank 1, the norms agree


def test_legacy_tab_shows_the_flags_overriding_reduction_live(page):
    shown = codes(open_tab(page, "mse", "legacy"))
    assert "loss_fn = torch.nn.MSELoss(size_average=False, reduction='mean')" in shown
    assert (
        "# UserWarning: size_average and reduce args will be deprecated, please use reduction='sum' instead." in shown
    )
    assert "loss_fn.reduction  # 'sum'" in shown and "loss_fn(X, Y)  # 17" in shown


def test_small_values_are_written_in_scientific_notation_not_as_zero():
    at = open_page(MSE_PAGE, params={"X": "0.00001", "Y": "0"})
    assert metric(at, "mse.result.loss", reduction="mean") == "1e-10"
    open_tab(at, "mse", "grad")
    assert r"2 \times 10^{-5}" in texts(at)
    for code in ("result", "grad", "switch", "norms", "numpy"):
        assert "0.0000" not in texts(open_tab(at, "mse", code)), code


def test_the_reproduce_script_is_offered_as_a_download(page):
    open_tab(page, "mse", "code")
    (button,) = page.get("download_button")
    assert "mse_mean.py" in button.proto.label


def test_a_one_element_none_gradient_is_labelled_as_the_plain_backward_it_shows():
    at = open_page(MSE_PAGE, params={"X": "0", "Y": "1", "reduction": "none", "tab": "grad"})
    assert translate("mse.grad.autograd_one", "en") in texts(at)
    assert "gradient=torch.ones_like" not in codes(at)


def test_both_heatmaps_say_in_words_what_they_show_and_follow_an_edit(page):
    en = "The largest squared error is 9, in row 1, column 0 (counted from 0, as X[1, 0]): x = 4, y = 1."
    assert en in texts(page)
    assert [t.value.shape for t in page.table] == [(6, 4)]  # the entries behind it: row index, column, x, y, (x − y)²
    at = edit(page, "Y", 0, 1, "12")  # (1 − 12)² = 121: the largest now, at X[0, 1]
    assert "The largest squared error is 121, in row 0, column 1" in texts(at)
    open_tab(at, "mse", "grad")
    assert "The largest entry of X.grad in size is -3.6667, in row 0, column 1" in texts(at)  # 2/6 · (1 − 12)
    assert "negative because x = 1 is below y = 12" in texts(at)
