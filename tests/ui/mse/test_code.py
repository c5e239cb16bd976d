"""The MSE page's code blocks as text: exact literals, announced errors, the legacy override, both languages.
(tests/app/test_code_blocks.py runs every block of every view; these pin what the blocks say.)"""

from __future__ import annotations

import pytest
import torch

from core.mse import backward_demo, legacy_call
from ui.code import raised_error
from ui.mse.code import autograd_intro, backward_freed, gradient, legacy, norms, per_row, setup, tensor_literal
from ui.mse.strings import STRINGS


def test_tensor_literals_read_back_exactly():
    values = [[0.1, 1 / 3], [-2.0, 1e-7]]
    assert eval(tensor_literal(values)) == values
    big = [[float(i * j) for j in range(20)] for i in range(20)]
    literal = tensor_literal(big)
    assert literal.count("\n") == 21 and eval(literal) == big


def test_setup_creates_torch_x_and_y_then_the_loss(seed000):
    x, y = seed000
    namespace: dict = {}
    exec(setup(x, y, "sum"), namespace)
    assert namespace["loss"].item() == 17 and namespace["X"].requires_grad


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_matrix_none_loss_announces_the_error_backward_raises(lang):
    message = "grad can be implicitly created only for scalar outputs"
    first, second = gradient("none", message, lang)
    assert raised_error(first) == ("RuntimeError", message)
    assert "gradient=torch.ones_like(loss)" in second and raised_error(second) is None
    assert raised_error(autograd_intro(message, lang)[0]) == ("RuntimeError", message)
    assert autograd_intro(None, lang)[0].startswith("loss = torch.nn.MSELoss(reduction='mean')")


def test_the_freed_graph_error_is_announced_by_its_first_sentence(seed000):
    x, y = seed000
    block = backward_freed(backward_demo(x, y), "zh")
    assert block.startswith("loss.backward()  # 抛出 RuntimeError: ")
    assert raised_error(block) == ("RuntimeError", "Trying to backward through the graph a second time")


def test_the_legacy_block_shows_what_pytorch_really_does():
    block = legacy("False", "None", "mean", legacy_call(False, None, "mean"), "17", "en")
    assert block.splitlines() == [
        "loss_fn = torch.nn.MSELoss(size_average=False, reduction='mean')",
        "# UserWarning: size_average and reduce args will be deprecated, please use reduction='sum' instead.",
        "loss_fn.reduction  # 'sum': the flags override reduction='mean'",
        "loss_fn(X, Y)  # 17",
    ]
    assert legacy("None", "None", "sum", legacy_call(None, None, "sum"), None, "en").endswith("loss_fn(X, Y)")


def test_quiz_mode_blocks_carry_no_values():
    assert "#  " not in per_row(None, "en") and "17" not in norms(None, "en")
    assert per_row(17 / 3, "en").endswith("# 5.6667: divides by the n rows only")


def test_the_norm_comments_name_each_norm():
    text = norms((17.0, 17**0.5, 4.1087), "en")
    assert "torch.linalg.matrix_norm(D, ord=2)  # 4.1087: the spectral norm" in text
    assert "torch.linalg.vector_norm(D)  # 4.1231" in text
    namespace = {"torch": torch, "X": torch.tensor([[3.0, 1.0]]), "Y": torch.tensor([[2.0, 2.0]])}
    exec(text, namespace)


def test_chinese_uses_one_term_per_concept():
    chinese = [zh for _, zh in STRINGS.values()]
    assert not any("批量大小" in text for text in chinese)
    assert not any("本页用" in text or "本页改用" in text for text in chinese)  # a tab is 本标签页
    assert STRINGS["mse.page.title"][1].count("均方误差（MSE）") == 1  # introduced in the title, its first use
    assert "本标签页" in STRINGS["mse.autograd.uses_mean"][1]
