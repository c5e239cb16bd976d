"""Predict-then-reveal questions for the autograd page, built from its current state (pure, testable).

Every answer is read from the same core result the page displays: the loss and the intermediate value
from the graph's forward values, the gradient entry from the chain rule's `.grad`, the parameter after
one `optimizer.step()` from the optimizer trace, and the forward-mode pass count from the graph's leaves.
"""

from __future__ import annotations

import math
import re

import torch

from ui.autograd.compute import Results
from ui.autograd.inputs import Settings
from ui.classroom import Question
from ui.i18n import translate
from ui.numbers import factor, num

# y = f(g(x)) written as plain text, and each function's derivative, with `{u}` for the argument
PLAIN_FNS = {
    "square": "{u}²",
    "sin": "sin({u})",
    "exp": "exp({u})",
    "tanh": "tanh({u})",
    "sigmoid": "σ({u})",
}
PLAIN_DERIVATIVES = {
    "square": "2·{u}",
    "sin": "cos({u})",
    "exp": "exp({u})",
    "tanh": "1 − tanh²({u})",
    "sigmoid": "σ({u})·(1 − σ({u}))",
}
LOSS_NAME = {"linear": "L", "chain": "y", "softmax_ce": "L"}
_TOKEN = re.compile(r"^[\w.]+$")


def vector(values) -> str:
    return "[" + ", ".join(num(v) for v in values) + "]"


def plain_fn(code: str, u: str, *, table: dict[str, str] = PLAIN_FNS) -> str:
    """f(u) as plain text; a compound or negative argument is parenthesized under a square."""
    if code == "square" and (not _TOKEN.match(u) or u.startswith("-")):
        u = f"({u})"
    if code == "square" and table is PLAIN_FNS and u.endswith("²"):
        u = f"({u})"
    return table[code].format(u=u)


def _entry(x: torch.Tensor, index: int = 0) -> float:
    return float(x.detach().reshape(-1)[index].item())


def _shape(x: torch.Tensor, lang: str) -> str:
    return "×".join(str(s) for s in x.shape) if x.dim() else translate("autograd.quiz.scalar", lang)


def autograd_questions(results: Results, lang: str) -> list[Question]:
    """Five questions on the expression of `results`: its intermediate value, the loss, one gradient entry,
    that parameter after one SGD step, and how many forward-mode passes its gradient would take."""
    preset, inputs, lr = results.settings.preset, results.settings.inputs, results.settings.lr
    graph, rule, trace = results.graph, results.rule, results.trace
    root = next(n for n in graph.nodes if n.id == graph.root)
    loss_name = LOSS_NAME[preset]
    loss = float(root.value.item())
    middle = graph.node(rule.middle).value
    index = inputs.target if preset == "softmax_ce" else 0  # the entry asked about: target class or first
    grad = _entry(rule.autograd, index)
    param = trace.names.index(rule.wrt)
    before, after = _entry(trace.value_before[param], index), _entry(trace.value_after_step[param], index)
    leaves = sorted((n for n in graph.nodes if n.is_leaf), key=lambda n: trace.names.index(n.label))
    passes = sum(n.value.numel() for n in leaves)

    def tr(key: str, **kw) -> str:
        return translate(key, lang, **kw)

    key = f"ag_{preset}_"
    questions: list[Question] = []
    if preset == "linear":
        X, y, w, b = inputs.X, inputs.y, inputs.w, inputs.b
        y_hat = middle.reshape(-1).tolist()
        residual = [p - t for p, t in zip(y_hat, y, strict=True)]
        outer = rule.outer.reshape(-1).tolist()
        common = dict(w=vector(w), b=num(b))
        questions += [
            Question(
                key + "yhat",
                tr("autograd.quiz.lin_mid", x1=vector(X[0]), **common),
                y_hat[0],
                tr(
                    "autograd.quiz.lin_mid_reason",
                    terms=f"{num(X[0][0])}·{factor(w[0])} + {num(X[0][1])}·{factor(w[1])} + {factor(b)}",
                    answer=num(y_hat[0]),
                ),
            ),
            Question(
                key + "loss",
                tr("autograd.quiz.lin_loss", X="[" + ", ".join(vector(r) for r in X) + "]", y=vector(y), **common),
                loss,
                tr(
                    "autograd.quiz.lin_loss_reason",
                    y_hat="[" + ", ".join(num(v) for v in y_hat) + "]",
                    squares=" + ".join(f"{factor(r)}²" for r in residual),
                    n=len(y),
                    answer=num(loss),
                ),
            ),
            Question(
                key + "grad",
                tr("autograd.quiz.lin_grad", **common),
                grad,
                tr(
                    "autograd.quiz.lin_grad_reason",
                    terms=" + ".join(f"{factor(o)}·{num(row[0])}" for o, row in zip(outer, X, strict=True)),
                    n=len(y),
                    answer=num(grad),
                ),
            ),
        ]
        name, grad_name = "w[0, 0]", "w.grad[0, 0]"
    elif preset == "chain":
        x, g, f = inputs.x, inputs.g, inputs.f
        fx = plain_fn(f, plain_fn(g, "x"))
        g_value = float(middle.item())
        questions += [
            Question(
                key + "g",
                tr("autograd.quiz.ch_mid", x=num(x), g=plain_fn(g, "u")),
                g_value,
                tr("autograd.quiz.ch_mid_reason", g_at=plain_fn(g, num(x)), answer=num(g_value)),
            ),
            Question(
                key + "y",
                tr("autograd.quiz.ch_loss", x=num(x), fx=fx),
                loss,
                tr("autograd.quiz.ch_loss_reason", f_at=plain_fn(f, num(g_value)), answer=num(loss)),
            ),
            Question(
                key + "grad",
                tr("autograd.quiz.ch_grad", x=num(x), fx=fx),
                grad,
                tr(
                    "autograd.quiz.ch_grad_reason",
                    f_prime=plain_fn(f, num(g_value), table=PLAIN_DERIVATIVES),
                    g_prime=plain_fn(g, num(x), table=PLAIN_DERIVATIVES),
                    outer=factor(rule.outer.item()),
                    inner=factor(rule.inner.item()),
                    answer=num(grad),
                ),
            ),
        ]
        name, grad_name = "x", "x.grad"
    else:
        z, target = inputs.logits, index
        log_p = _entry(middle, target)
        common = dict(z=vector(z), t=target)
        questions += [
            Question(
                key + "logp",
                tr("autograd.quiz.sm_mid", **common),
                log_p,
                tr(
                    "autograd.quiz.sm_mid_reason",
                    t=target,
                    zt=num(z[target]),
                    lse=num(math.log(sum(math.exp(v) for v in z))),
                    answer=num(log_p),
                ),
            ),
            Question(
                key + "loss",
                tr("autograd.quiz.sm_loss", **common),
                loss,
                tr("autograd.quiz.sm_loss_reason", t=target, log_p=num(log_p), answer=num(loss)),
            ),
            Question(
                key + "grad",
                tr("autograd.quiz.sm_grad", **common),
                grad,
                tr("autograd.quiz.sm_grad_reason", t=target, p=num(math.exp(log_p)), answer=num(grad)),
            ),
        ]
        name, grad_name = f"z[0, {target}]", f"z.grad[0, {target}]"
    questions += [
        Question(
            key + "step",
            tr("autograd.quiz.step", lr=num(lr), name=name, before=num(before)),
            after,
            tr(
                "autograd.quiz.step_reason",
                name=name,
                grad_name=grad_name,
                before=num(before),
                lr=num(lr),
                grad=factor(grad),
                answer=num(after),
            ),
        ),
        Question(
            key + "passes",
            tr(
                "autograd.quiz.passes",
                loss=loss_name,
                params=tr("autograd.quiz.list_sep").join(f"{n.label} ({_shape(n.value, lang)})" for n in leaves),
            ),
            float(passes),
            tr("autograd.quiz.passes_reason", loss=loss_name, n=passes),
        ),
    ]
    return questions


def worksheet_inputs(settings: Settings, lang: str) -> dict[str, str]:
    """The page's inputs as readable strings, for the printable worksheet."""
    preset, inputs = settings.preset, settings.inputs
    shown = {translate("autograd.preset.label", lang): translate(f"autograd.preset.{preset}", lang)}
    if preset == "linear":
        shown |= {
            "X": "[" + ", ".join(vector(r) for r in inputs.X) + "]",
            "y": vector(inputs.y),
            "w": vector(inputs.w),
            "b": num(inputs.b),
        }
    elif preset == "chain":
        g, f = inputs.g, inputs.f
        shown |= {
            "x": num(inputs.x),
            translate("autograd.editor.inner_fn", lang): plain_fn(g, "u"),
            translate("autograd.editor.outer_fn", lang): plain_fn(f, "u"),
            "y = f(g(x))": plain_fn(f, plain_fn(g, "x")),
        }
    else:
        shown |= {
            "z = [z₀, z₁, z₂]": vector(inputs.logits),
            translate("autograd.editor.target", lang): str(inputs.target),
        }
    shown["lr"] = num(settings.lr)
    return shown
