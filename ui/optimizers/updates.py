"""One optimizer step of one parameter written out in the symbols of PyTorch's algorithm boxes, with the run's
numbers substituted (pure: LaTeX lines from a run), and the hand-written update checked against the run."""

from __future__ import annotations

import math

import numpy as np
import torch

from core.optimizers import hand_step, state_names
from core.regression import TrainConfig
from ui.numbers import factor, tex_num
from ui.optimizers.compute import Run


def _n(value: float) -> str:
    return tex_num(value)


def _f(value: float) -> str:
    return factor(value, tex=True)


def state_before(run: Run, i: int, name: str, j: int) -> float | None:
    """State `name` of parameter j before step i (0-based): None before the first step."""
    return None if i == 0 else float(run.state[name][i - 1, j])


def update_lines(config: TrainConfig, run: Run, i: int, j: int, symbol: str) -> list[str]:
    """The LaTeX lines of step i (0-based) for parameter j (written `symbol`, e.g. w_{0})."""
    c, kind = config, config.optimizer
    theta, new, g = float(run.theta[i, j]), float(run.theta[i + 1, j]), float(run.grad[i, j])
    t = i + 1
    lines = [rf"g_{{{t}}} = \nabla_{{{symbol}}}\ell = {_n(g)}"]
    if c.weight_decay and kind != "adamw":
        decayed = g + c.weight_decay * theta
        lines.append(
            rf"g_{{{t}}} \leftarrow g_{{{t}}} + \lambda\theta_{{{t - 1}}} = {_n(g)} + {_f(c.weight_decay)}"
            rf"\cdot {_f(theta)} = {_n(decayed)}"
        )
        g = decayed
    step = rf"\theta_{{{t}}} = \theta_{{{t - 1}}} - \gamma"
    if kind in ("torch_sgd", "manual") or (kind in ("momentum", "nesterov") and not c.momentum):
        lines.append(rf"{step} g_{{{t}}} = {_n(theta)} - {_f(c.lr)}\cdot {_f(g)} = {_n(new)}")
    elif kind in ("momentum", "nesterov"):
        buffer, before = float(run.state["momentum_buffer"][i, j]), state_before(run, i, "momentum_buffer", j)
        if before is None:
            lines.append(rf"b_{{1}} = g_{{1}} = {_n(buffer)}")
        else:
            lines.append(
                rf"b_{{{t}}} = \mu b_{{{t - 1}}} + g_{{{t}}} = {_f(c.momentum)}\cdot {_f(before)} + {_f(g)}"
                rf" = {_n(buffer)}"
            )
        if kind == "nesterov":
            ahead = g + c.momentum * buffer
            lines.append(
                rf"g_{{{t}}} \leftarrow g_{{{t}}} + \mu b_{{{t}}} = {_n(g)} + {_f(c.momentum)}\cdot "
                rf"{_f(buffer)} = {_n(ahead)}"
            )
            lines.append(rf"{step} g_{{{t}}} = {_n(theta)} - {_f(c.lr)}\cdot {_f(ahead)} = {_n(new)}")
        else:
            lines.append(rf"{step} b_{{{t}}} = {_n(theta)} - {_f(c.lr)}\cdot {_f(buffer)} = {_n(new)}")
    elif kind == "rmsprop":
        v, before = float(run.state["square_avg"][i, j]), state_before(run, i, "square_avg", j) or 0.0
        lines.append(
            rf"v_{{{t}}} = \alpha v_{{{t - 1}}} + (1-\alpha) g_{{{t}}}^2 = {_f(c.alpha)}\cdot {_f(before)}"
            rf" + {_f(1 - c.alpha)}\cdot {_f(g)}^2 = {_n(v)}"
        )
        lines.append(
            rf"{step} \frac{{g_{{{t}}}}}{{\sqrt{{v_{{{t}}}}} + \epsilon}} = {_n(theta)} - {_f(c.lr)}\cdot"
            rf" \frac{{{_n(g)}}}{{\sqrt{{{_n(v)}}} + {_n(c.eps)}}} = {_n(new)}"
        )
    else:
        lines += _adam_lines(c, run, i, j, theta, new, g)
    return lines


def _adam_lines(c: TrainConfig, run: Run, i: int, j: int, theta: float, new: float, g: float) -> list[str]:
    t, (beta1, beta2) = i + 1, c.betas
    lines = []
    if c.optimizer == "adamw" and c.weight_decay:
        shrunk = theta * (1 - c.lr * c.weight_decay)
        lines.append(
            rf"\theta_{{{t - 1}}} \leftarrow \theta_{{{t - 1}}}(1 - \gamma\lambda) = {_f(theta)}\cdot"
            rf"(1 - {_f(c.lr)}\cdot {_f(c.weight_decay)}) = {_n(shrunk)}"
        )
        theta = shrunk
    m, v = float(run.state["exp_avg"][i, j]), float(run.state["exp_avg_sq"][i, j])
    m0, v0 = state_before(run, i, "exp_avg", j) or 0.0, state_before(run, i, "exp_avg_sq", j) or 0.0
    c1, c2 = 1 - beta1**t, 1 - beta2**t
    m_hat, v_hat = m / c1, v / c2
    return [
        *lines,
        rf"m_{{{t}}} = \beta_1 m_{{{t - 1}}} + (1-\beta_1) g_{{{t}}} = {_f(beta1)}\cdot {_f(m0)} + {_f(1 - beta1)}"
        rf"\cdot {_f(g)} = {_n(m)}",
        rf"v_{{{t}}} = \beta_2 v_{{{t - 1}}} + (1-\beta_2) g_{{{t}}}^2 = {_f(beta2)}\cdot {_f(v0)} + "
        rf"{_f(1 - beta2)}\cdot {_f(g)}^2 = {_n(v)}",
        rf"\hat m_{{{t}}} = \frac{{m_{{{t}}}}}{{1-\beta_1^{{{t}}}}} = \frac{{{_n(m)}}}{{{_n(c1)}}} = {_n(m_hat)},"
        rf"\quad \hat v_{{{t}}} = \frac{{v_{{{t}}}}}{{1-\beta_2^{{{t}}}}} = \frac{{{_n(v)}}}{{{_n(c2)}}} = {_n(v_hat)}",
        rf"\theta_{{{t}}} = \theta_{{{t - 1}}} - \gamma \frac{{\hat m_{{{t}}}}}{{\sqrt{{\hat v_{{{t}}}}} + \epsilon}}"
        rf" = {_n(theta)} - {_f(c.lr)}\cdot \frac{{{_n(m_hat)}}}{{\sqrt{{{_n(v_hat)}}} + {_n(c.eps)}}} = {_n(new)}",
    ]


def hand_written_gap(config: TrainConfig, run: Run, i: int) -> float:
    """The largest |difference| between the run's θ and state after step i and core/optimizers.py's hand-written
    update from θ, the gradient and the state before it (all parameters)."""
    names = state_names(config)
    before = {name: torch.from_numpy(np.array(run.state[name][i - 1])) for name in names} if i else {}
    if i and config.optimizer in ("rmsprop", "adam", "adamw"):
        before["step"] = torch.tensor(float(i))
    theta, state = hand_step(
        config, torch.from_numpy(np.array(run.theta[i])), torch.from_numpy(np.array(run.grad[i])), before
    )
    gaps = [np.abs(theta.numpy() - run.theta[i + 1]).max()]
    gaps += [np.abs(state[name].numpy() - run.state[name][i]).max() for name in names]
    gap = float(max(gaps))
    return gap if math.isfinite(gap) else math.inf
