"""The page "Linear regression by SGD" under AppTest: the seed example, the data sources, the controls, the URL."""

from __future__ import annotations

import pytest

from tests.app.helpers import PAGES, open_page, open_tab, url_param
from ui.i18n import translate

PAGE = next(p for p in PAGES if p.script == "pages/regression.py")


def _step_table(at):
    return next(df.value for df in at.dataframe if "b.grad" in df.value.columns)


def _result_table(at):
    return next(df.value for df in at.dataframe if translate("regression.result.col_optimum", "en") in df.value.columns)


def test_seed_example_first_row_reads_the_hand_computation():
    at = open_page(PAGE)
    row = _step_table(at).iloc[0]
    assert row[translate("regression.step.col_batch", "en")] == "5, 1, 0"
    # the table shows the numbers as the tutorial writes them (ui/numbers): 32/3 as 10.6667
    assert row[translate("regression.step.col_loss", "en")] == "12"
    assert [row["w.grad[0]"], row["w.grad[1]"], row["b.grad"]] == ["10.6667", "16", "6.6667"]
    assert [row["w[0]"], row["w[1]"], row["b"]] == ["-4.3333", "-6", "-3.3333"]


def test_seed_example_update_is_written_out_with_the_live_numbers():
    at = open_page(PAGE)
    formulas = " ".join(f.value for f in at.latex)
    col = r"\begin{{bmatrix}}{}\\{}\end{{bmatrix}}".format
    assert rf"&= {col(1, 2)} - 0.5\cdot{col(10.6667, 16)}\\&= {col(-4.3333, -6)}" in formulas
    assert r"&= 0 - 0.5\cdot6.6667\\&= -3.3333" in formulas


def test_synthetic_data_recovers_the_true_parameters_and_shows_them():
    params = {"data": "synthetic", "lr": "0.03", "batch": "10", "loss": "mean", "w0": "", "b0": "0", "tab": "result"}
    at = open_page(PAGE, params=params)
    assert not at.exception and not at.error
    table = _result_table(at)
    trained = table[translate("regression.result.col_final", "en")].astype(float).tolist()
    assert table[translate("regression.result.col_true", "en")].tolist() == ["2", "-3.4", "4.2"]
    assert trained == pytest.approx([2, -3.4, 4.2], abs=0.01)


def test_csv_source_asks_for_a_file_first():
    at = open_page(PAGE, params={"data": "csv"})
    assert not at.exception
    assert translate("regression.data.upload_first", "en") in [i.value for i in at.info]


def test_uploaded_csv_is_trained_on_and_its_bad_rows_are_reported():
    at = open_page(PAGE, params={"data": "csv", "w0": "", "lr": "0.01", "batch": "2"})
    csv = b"size,age,price\n1,2,3\n2,oops,5\n3,1,7\n4,0,9\n5,,11\n"
    at.file_uploader[0].set_value(("houses.csv", csv, "text/csv")).run()
    assert not at.exception and not at.error
    warnings = " ".join(w.value for w in at.warning)
    assert "**age**" in warnings and "2 `oops`" in warnings
    assert "(2 in all): 2, 5" in warnings
    assert _step_table(at).iloc[0][translate("regression.step.col_batch", "en")] != ""


def test_next_step_button_walks_one_step_and_puts_it_in_the_url():
    at = open_page(PAGE)
    at.button(key="step_next").click().run()
    table = _step_table(at)
    assert table.loc[table[""] == "▶", translate("regression.step.col_step", "en")].tolist() == ["2"]
    assert url_param(at, "step") == "2"
    at.button(key="step_last").click().run()
    assert url_param(at, "step") == "6"


def test_a_bad_learning_rate_in_the_link_falls_back_with_a_warning():
    at = open_page(PAGE, params={"lr": "-3"})
    assert not at.exception
    assert any("**lr**" in w.value for w in at.warning)
    assert at.number_input(key="lr").value == 0.5


def test_a_malformed_initial_w_typed_in_shows_an_error_and_no_traceback():
    at = open_page(PAGE)
    at.text_input(key="w0").set_value("1, two").run()
    assert not at.exception
    assert any("two" in e.value for e in at.error)
    assert translate("error.kept_last", "en") in [c.value for c in at.caption]
    assert _step_table(at).iloc[0][translate("regression.step.col_loss", "en")] == "12"


def test_initial_w_of_the_wrong_length_names_both_lengths():
    at = open_page(PAGE, params={"w0": "1, 2, 3"})
    assert not at.exception
    assert any("3" in e.value and "2" in e.value for e in at.error)


def test_divergence_is_reported_with_a_suggested_learning_rate():
    at = open_page(PAGE, params={"lr": "5", "loss": "sum", "epochs": "400"})
    assert not at.exception
    message = " ".join(e.value for e in at.error)
    assert "diverged at step" in message and "mini-batch bound" in message
    assert at.button(key="use_lr").label.startswith("Use the suggested learning rate")
    assert len(_step_table(at)) > 0


def test_the_regime_is_named_from_the_batch_size_and_the_shuffling():
    markdown = lambda at: " ".join(m.value for m in at.markdown)  # noqa: E731
    assert "SGD (shuffled)" in markdown(open_page(PAGE, params={"batch": "1"}))
    assert "incremental GD (fixed order)" in markdown(open_page(PAGE, params={"batch": "1", "shuffle": "false"}))
    assert "mini-batch SGD (shuffled)" in markdown(open_page(PAGE, params={"batch": "3"}))
    assert "cyclic mini-batch GD" in markdown(open_page(PAGE, params={"batch": "3", "shuffle": "false"}))
    assert "full-batch GD" in markdown(open_page(PAGE, params={"batch": "6"}))


def test_settings_go_into_the_url_and_a_link_reopens_them():
    at = open_page(PAGE)
    at.number_input(key="lr").set_value(0.01).run()
    at.number_input(key="batch").set_value(2).run()
    at.radio(key="loss").set_value("half_mean").run()
    at.toggle(key="shuffle").set_value(False).run()
    params = {key: url_param(at, key) for key in ("lr", "batch", "loss", "shuffle")}
    assert params == {"lr": "0.01", "batch": "2", "loss": "half_mean", "shuffle": "false"}
    again = open_page(PAGE, params=params)
    assert again.number_input(key="lr").value == 0.01
    assert again.number_input(key="batch").value == 2
    assert again.radio(key="loss").value == "half_mean"
    assert again.toggle(key="shuffle").value is False


def test_comparison_mode_trains_batch_1_k_and_n():
    at = open_page(PAGE, params={"lr": "0.02", "cmp": "true"})
    assert not at.exception and not at.error


def test_the_script_and_the_history_can_be_downloaded():
    at = open_page(PAGE, params={"tab": "result"})
    code = " ".join(c.value for c in at.code)
    assert "optim.SGD" in code and "DataLoader" in code
    assert len(at.get("download_button")) == 2


def test_chinese_page_shows_the_translated_step_table():
    at = open_page(PAGE, params={"lang": "zh"})
    assert translate("regression.step.col_batch", "zh") in _step_table(at).columns


def test_a_rerun_that_changes_nothing_trains_nothing(monkeypatch):
    import ui.regression.compute as compute

    calls = []
    real_train = compute.train
    monkeypatch.setattr(compute, "train", lambda *args, **kwargs: calls.append(1) or real_train(*args, **kwargs))
    at = open_page(PAGE, params={"seed": "4242"})  # a configuration no other test has cached
    at.button(key="step_next").click().run()
    at.run()
    assert len(calls) == 1


def test_a_malformed_list_in_the_link_falls_back_with_a_warning():
    at = open_page(PAGE, params={"data": "synthetic", "tw": "2, abc"})
    assert not at.exception and not at.error
    assert any("**tw**" in w.value for w in at.warning)
    assert at.text_input(key="tw").value == "2, -3.4"


def test_one_feature_data_draws_the_batch_on_a_scatter_of_x_and_y():
    at = open_page(PAGE, params={"data": "synthetic", "tw": "1.5", "w0": "", "n": "200", "batch": "20", "lr": "0.1"})
    assert not at.exception and not at.error
    (scatter,) = at.get("vega_lite_chart")
    assert '"field":"x"' in scatter.proto.spec.replace(" ", "") and '"field":"in_batch"' in scatter.proto.spec.replace(
        " ", ""
    )
    assert len(_result_table(open_tab(at, "regression", "result"))) == 2  # w[0] and b


def test_column_names_and_cells_of_an_upload_are_shown_as_text_not_markdown():
    at = open_page(PAGE, params={"data": "csv", "w0": ""})
    csv = b"![x](http://127.0.0.1:9/x.png),y\n1,2\n**bold**,3\n2,4\n"
    at.file_uploader[0].set_value(("evil.csv", csv, "text/csv")).run()
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert r"!\[x\]\(http" in warnings  # the column name is escaped: no image is fetched
    assert "`**bold**`" in warnings


def test_the_chosen_feature_columns_go_into_the_url_and_come_back():
    csv = ("houses.csv", b"size,age,rooms,price\n1,2,3,4\n2,1,3,5\n3,0,2,7\n", "text/csv")
    at = open_page(PAGE, params={"data": "csv", "w0": ""})
    at.file_uploader[0].set_value(csv).run()
    at.multiselect(key="feat").set_value(["size", "rooms"]).run()
    assert url_param(at, "feat") == "size|rooms"
    again = open_page(PAGE, params={"data": "csv", "w0": "", "feat": "size|rooms"})
    again.file_uploader[0].set_value(csv).run()
    assert again.multiselect(key="feat").value == ["size", "rooms"]
    assert not again.exception and not again.error
