"""core/autograd*.py: the grad_fn graph, the chain rule, forward vs reverse mode, the pitfalls, the script."""

from __future__ import annotations

import contextlib
import io
import itertools
import re
import subprocess
import sys

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from core.autograd import compare_modes, jacobian_by_mode, layer_function, trace_graph
from core.autograd_pitfalls import (
    FIXES,
    PITFALLS,
    SETUP,
    SNIPPETS,
    accumulation_snippet,
    grad_accumulation,
    run_pitfall,
)
from core.autograd_presets import (
    SCALAR_FNS,
    ChainInputs,
    LinearInputs,
    SoftmaxInputs,
    build_expression,
    chain_rule,
    forward_code,
    graph_code,
    optimizer_trace,
    preset_graph,
    pytorch_script,
)
from core.errors import InputError

PRESETS = [LinearInputs(), ChainInputs(), SoftmaxInputs()]


def test_linear_graph_has_the_nodes_and_edges_of_nn_linear_with_mse():
    graph = preset_graph(LinearInputs())
    assert graph.names() == ["MseLossBackward0", "AddmmBackward0", "AccumulateGrad", "TBackward0", "AccumulateGrad"]
    assert graph.named_edges() == {
        ("AddmmBackward0", "MseLossBackward0"),
        ("AccumulateGrad", "AddmmBackward0"),  # bias
        ("TBackward0", "AddmmBackward0"),  # weight, transposed as in X @ w.T
        ("AccumulateGrad", "TBackward0"),
    }
    assert graph.nodes[0].id == graph.root


def test_chain_and_softmax_graphs_name_their_operations():
    assert preset_graph(ChainInputs(g="square", f="sin")).names() == ["SinBackward0", "PowBackward0", "AccumulateGrad"]
    assert preset_graph(SoftmaxInputs()).names() == ["NllLossBackward0", "LogSoftmaxBackward0", "AccumulateGrad"]


def test_graph_nodes_carry_forward_values_and_backward_grads():
    inputs = LinearInputs()
    graph = preset_graph(inputs)
    X = torch.tensor(inputs.X, dtype=torch.float64)
    y = torch.tensor(inputs.y, dtype=torch.float64).reshape(-1, 1)
    w = torch.tensor([inputs.w], dtype=torch.float64, requires_grad=True)
    b = torch.tensor([inputs.b], dtype=torch.float64, requires_grad=True)
    y_hat = X @ w.T + b
    y_hat.retain_grad()
    loss = ((y_hat - y) ** 2).mean()
    loss.backward()
    torch.testing.assert_close(graph.node("L").value, loss.detach())
    torch.testing.assert_close(graph.node("L").grad, torch.tensor(1.0, dtype=torch.float64))
    torch.testing.assert_close(graph.node("ŷ").value, y_hat.detach())
    torch.testing.assert_close(graph.node("ŷ").grad, y_hat.grad)
    torch.testing.assert_close(graph.node("w").grad, w.grad)
    torch.testing.assert_close(graph.node("b").grad, b.grad)


def test_graph_before_backward_has_values_but_no_grads():
    graph = preset_graph(LinearInputs(), backward=False)
    assert all(n.grad is None for n in graph.nodes)
    assert graph.node("w").value is not None


def test_trace_graph_reuses_a_node_that_two_paths_reach():
    x = torch.tensor(3.0, dtype=torch.float64, requires_grad=True)
    s = x.sin()
    loss = s * s
    graph = trace_graph(loss, {"x": x, "s": s})
    assert graph.names() == ["MulBackward0", "SinBackward0", "AccumulateGrad"]
    assert len(graph.edges) == 3  # sin feeds both inputs of the product
    torch.testing.assert_close(graph.node("x").grad, 2 * torch.sin(x) * torch.cos(x))


@pytest.mark.parametrize("inputs", PRESETS, ids=["linear", "chain", "softmax_ce"])
def test_chain_rule_product_equals_autograd(inputs):
    rule = chain_rule(inputs)
    torch.testing.assert_close(rule.product, rule.autograd)


small = st.floats(min_value=-10, max_value=10, allow_nan=False)


@settings(max_examples=25, deadline=None)
@given(st.lists(small, min_size=12, max_size=12))
def test_chain_rule_product_equals_autograd_for_any_linear_numbers(v):
    inputs = LinearInputs(X=(tuple(v[0:2]), tuple(v[2:4]), tuple(v[4:6])), y=tuple(v[6:9]), w=tuple(v[9:11]), b=v[11])
    rule = chain_rule(inputs)
    torch.testing.assert_close(rule.product, rule.autograd)


def test_linear_chain_rule_factors_are_the_textbook_ones():
    inputs = LinearInputs()
    rule = chain_rule(inputs)
    X = torch.tensor(inputs.X, dtype=torch.float64)
    y_hat = X @ torch.tensor(inputs.w, dtype=torch.float64) + inputs.b
    residual = y_hat - torch.tensor(inputs.y, dtype=torch.float64)
    torch.testing.assert_close(rule.outer.reshape(-1), 2 * residual / 3)  # ∂L/∂ŷ of a mean over 3 samples
    torch.testing.assert_close(rule.inner, X)  # ∂ŷ_i/∂w_j = X_ij


def test_softmax_cross_entropy_gradient_is_p_minus_onehot():
    inputs = SoftmaxInputs(logits=(0.2306, 0.6693, 0.6334), target=1)
    z = torch.tensor(inputs.logits, dtype=torch.float64)
    expected = torch.softmax(z, 0) - F.one_hot(torch.tensor(1), 3)
    torch.testing.assert_close(chain_rule(inputs).autograd.reshape(-1), expected)


@pytest.mark.parametrize("fn", list(SCALAR_FNS))
def test_hand_written_derivatives_match_autograd(fn):
    forward, derivative, _, _ = SCALAR_FNS[fn]
    u = torch.tensor(0.7, dtype=torch.float64, requires_grad=True)
    (grad,) = torch.autograd.grad(forward(u), u)
    torch.testing.assert_close(derivative(u.detach()), grad)


def test_exploding_chain_is_an_input_error():
    with pytest.raises(InputError, match="non-finite"):
        build_expression(ChainInputs(x=50.0, g="exp", f="exp"))


def test_unknown_scalar_function_is_an_input_error():
    with pytest.raises(InputError, match="unknown function"):
        build_expression(ChainInputs(f="cosh"))  # type: ignore[arg-type]


def test_target_class_out_of_range_is_an_input_error():
    with pytest.raises(InputError, match="target"):
        build_expression(SoftmaxInputs(target=3))


@pytest.mark.parametrize("mode", ["forward", "reverse"])
@pytest.mark.parametrize(("n", "m"), [(1, 1), (5, 1), (1, 4), (3, 7)])
def test_both_modes_give_torch_jacobian(mode, n, m):
    fn, x = layer_function(n, m)
    result = jacobian_by_mode(fn, x, mode=mode)
    torch.testing.assert_close(result.jacobian, torch.autograd.functional.jacobian(fn, x))


def test_forward_mode_needs_one_pass_per_input_and_reverse_one_per_output():
    fn, x = layer_function(6, 2)
    assert jacobian_by_mode(fn, x, mode="forward").passes == 6
    assert jacobian_by_mode(fn, x, mode="reverse").passes == 2


def test_compare_modes_reports_pass_counts_for_each_shape():
    rows = compare_modes(((8, 1), (1, 8)), repeats=1)
    assert [(r.forward_passes, r.reverse_passes) for r in rows] == [(8, 1), (1, 8)]
    assert all(r.agree for r in rows)


def run_shown(*blocks: str) -> str:
    """Run code blocks as the page shows them, one after another in one namespace; what they print."""
    namespace: dict = {"__name__": "__main__"}
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        for block in blocks:
            exec(block, namespace)
    return output.getvalue()


def test_with_lr_0_forgetting_zero_grad_adds_the_same_gradient_up():
    trace = grad_accumulation(0.0)
    assert trace.grad == ((2.0, 4.0, 6.0, 8.0), (2.0, 2.0, 2.0, 2.0))  # dL/dw = 2(w·x - y)·x = 2 at w = 2
    assert trace.w_after == ((2.0,) * 4, (2.0,) * 4)


def test_with_lr_above_0_grad_is_the_running_sum_of_gradients_that_change_with_w():
    trace = grad_accumulation(0.1)
    without, with_ = 0, 1
    # by hand, with zero_grad: w = 2 -> 1.8 -> 1.64 -> 1.512, gradients 2(w - 1) = 2, 1.6, 1.28, 1.024
    assert trace.grad[with_] == pytest.approx((2.0, 1.6, 1.28, 1.024), abs=1e-6)
    # without: w.grad = 2, 2 + 1.6, 3.6 + 2(1.44 - 1), ... and w = 2 - 0.1 * w.grad each step
    assert trace.step_grad[without] == pytest.approx((2.0, 1.6, 0.88, -0.016), abs=1e-6)
    assert trace.grad[without] == pytest.approx(tuple(itertools.accumulate(trace.step_grad[without])), abs=1e-6)
    assert trace.w_after[without] == pytest.approx((1.8, 1.44, 0.992, 0.5456), abs=1e-6)


@pytest.mark.parametrize("lr", [0.0, 0.05, 0.3, 1.0])
def test_without_zero_grad_the_steps_are_those_of_sgd_with_momentum_1(lr):
    trace = grad_accumulation(lr)
    w = torch.tensor(2.0, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=lr, momentum=1.0)
    seen = []
    for _ in range(len(trace.grad[0])):
        optimizer.zero_grad()
        ((w * 1.0 - 1.0) ** 2).backward()
        optimizer.step()
        seen.append(w.item())
    assert trace.w_after[0] == pytest.approx(tuple(seen))


@pytest.mark.parametrize("lr", [0.0, 0.1, 0.75])
def test_the_loop_shown_prints_what_grad_accumulation_reports(lr):
    printed = run_shown(SETUP, accumulation_snippet(lr)).split("\n")
    grads = [float(line.split()[1]) for line in printed if line]
    assert grads == pytest.approx(grad_accumulation(lr).grad[0], abs=1e-4)


def _raised(fn) -> str:
    with pytest.raises(RuntimeError) as info:
        fn()
    return str(info.value)


@pytest.mark.parametrize("name", PITFALLS)
def test_each_snippet_as_shown_raises_the_error_its_runner_reports(name):
    result = run_pitfall(name)
    assert result.snippet == SNIPPETS[name]
    assert result.error_type == "RuntimeError"
    assert _raised(lambda: run_shown(SETUP, SNIPPETS[name])) == result.error
    assert result.error.startswith(result.message_start) and len(result.message_start) > 20


@pytest.mark.parametrize("name", PITFALLS)
def test_each_fix_runs_and_prints_what_the_page_says(name):
    fixed, printed = FIXES[name]
    assert run_shown(SETUP, fixed).strip() == printed


def test_backward_twice_message_mentions_the_second_time():
    assert run_pitfall("backward_twice").message_start == "Trying to backward through the graph a second time"


def test_optimizer_step_reads_grad_and_subtracts_lr_times_it():
    trace = optimizer_trace(LinearInputs(), lr=0.1)
    assert trace.names == ("w", "b")
    assert trace.grad_before == (None, None)
    for before, grad, after in zip(trace.value_before, trace.grad_after_backward, trace.value_after_step, strict=True):
        torch.testing.assert_close(after, before - 0.1 * grad)


def test_a_parameter_not_given_to_the_optimizer_gets_a_grad_but_no_update():
    trace = optimizer_trace(LinearInputs(), lr=0.1, given=("w",))
    assert trace.given == ("w",)
    torch.testing.assert_close(trace.grad_after_backward[1], torch.tensor([-4.0], dtype=torch.float64))
    torch.testing.assert_close(trace.value_after_step[1], trace.value_before[1])


@pytest.mark.parametrize("given", [("w", "b"), ("w",)])
def test_the_optimizer_code_shown_makes_the_step_of_the_trace(given):
    trace = optimizer_trace(LinearInputs(), lr=0.25, given=given)
    printed = dict(re.findall(r"^([\w.]+) = \[(.*)\]$", run_shown(forward_code(LinearInputs()), trace.code), re.M))
    assert run_shown(forward_code(LinearInputs()), trace.code).startswith("None None\n")
    for name, grad, after in zip(trace.names, trace.grad_after_backward, trace.value_after_step, strict=True):
        for key, expected in ((f"{name}.grad", grad), (name, after)):
            values = [float(v) for v in printed[key].split(",")]
            assert values == pytest.approx(expected.reshape(-1).tolist(), abs=1e-6)


GRAPH_CASES = [LinearInputs(), *(ChainInputs(g=g, f=f) for g in SCALAR_FNS for f in SCALAR_FNS), SoftmaxInputs()]


@pytest.mark.parametrize("inputs", GRAPH_CASES)
def test_the_graph_code_prints_the_node_names_its_comments_and_the_graph_show(inputs):
    graph = preset_graph(inputs, backward=False)
    shown = graph_code(inputs, graph, backward=False)
    printed = run_shown(shown).splitlines()
    commented = [line[2:] for line in shown.splitlines() if line.startswith("# ")]
    assert printed == commented
    assert sorted(line.strip().rsplit("::", 1)[-1] for line in printed) == sorted(graph.names())


def test_optimizer_rejects_a_parameter_the_expression_does_not_have():
    with pytest.raises(InputError, match="optimizer needs"):
        optimizer_trace(LinearInputs(), given=("v",))


def test_optimizer_rejects_a_non_positive_learning_rate():
    with pytest.raises(InputError, match="lr"):
        optimizer_trace(LinearInputs(), lr=0)


@pytest.mark.parametrize("inputs", PRESETS, ids=["linear", "chain", "softmax_ce"])
def test_reproduce_script_prints_the_same_gradients(inputs):
    out = subprocess.run([sys.executable, "-c", pytorch_script(inputs)], capture_output=True, text=True, check=True)
    printed = dict(re.findall(r"^(\w+)\.grad = \[(.*)\]$", out.stdout, flags=re.MULTILINE))
    graph = preset_graph(inputs)
    expr = build_expression(inputs)
    assert set(printed) == set(expr.params)
    for name, numbers in printed.items():
        values = torch.tensor([float(v) for v in numbers.split(",")], dtype=torch.float64)
        torch.testing.assert_close(values, graph.node(name).grad.reshape(-1), atol=1e-6, rtol=0)
