"""The softmax page's sentences built from the live numbers: the gap between the two likeliest classes, the
facts a student can check on J, what the naive formula does, and the caption of every chart.

Every number is written by ui/numbers.py: significant digits below 1, scientific notation for the tiny
probabilities a low temperature gives, never a "0.0000" for a number that is not zero.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch

from core import softmax as sm
from ui.i18n import t
from ui.numbers import factor, num, tex_num
from ui.softmax.compute import f64

_LN10 = math.log(10)


def exp_text(x: float, *, tex: bool = False) -> str:
    """e**x written like `num`, also where e**x is beyond float64 (e**2000 = 3.882 × 10^868)."""
    if x < 700:
        return tex_num(math.exp(x)) if tex else num(math.exp(x))
    exponent, fraction = divmod(x / _LN10, 1)
    mantissa = f"{10**fraction:.3f}"  # 4 significant digits, as `num` writes numbers from 1e7 up
    if mantissa == "10.000":
        mantissa, exponent = "1", exponent + 1
    mantissa = mantissa.rstrip("0").rstrip(".")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}" if tex else f"{mantissa}e+{int(exponent)}"


def gap_sentences(logits: Sequence[float], T: float) -> tuple[str, str]:
    """The ratio of the two likeliest classes' probabilities as a formula, and what it says about these
    logits (kept order; a gap widened or narrowed; what T does to it), all from the live numbers."""
    n = len(logits)
    i, j = sorted(range(n), key=lambda c: (-logits[c], c))[:2]  # the two largest p, so a_i ≥ a_j
    d = logits[i] - logits[j]
    formula = (
        rf"\frac{{p_{i}}}{{p_{j}}} = e^{{(a_{i} - a_{j})/T}} = e^{{({tex_num(logits[i])} - "
        rf"{factor(logits[j], tex=True)})/{tex_num(T)}}} = {exp_text(d / T, tex=True)}"
    )
    both_positive = logits[j] > 0
    if both_positive and d > 0:
        formula += rf"\qquad \frac{{a_{i}}}{{a_{j}}} = {tex_num(logits[i] / logits[j])}"
    text = [t("softmax.gap.body", i=i, j=j)]
    if d == 0:
        text.append(t("softmax.gap.tie", i=i, j=j))
    else:
        if not both_positive:
            text.append(t("softmax.gap.no_ratio", d=num(d)))
        else:
            ratio, logit_ratio = d / T, math.log(logits[i] / logits[j])  # both as logarithms, so e**2000 compares
            verdict = "wider" if ratio > logit_ratio else "narrower" if ratio < logit_ratio else "same"
            text.append(t(f"softmax.gap.{verdict}", r=num(logits[i] / logits[j]), R=exp_text(d / T), i=i, j=j))
        text.append(
            t(
                "softmax.gap.temperature",
                half=num(T / 2),
                double=num(2 * T),
                squared=exp_text(2 * d / T),
                root=exp_text(d / (2 * T)),
                n=n,
                uniform=num(1 / n),
            )
        )
    return formula, " ".join(text)


def jacobian_facts(J: list[list[float]]) -> list[tuple[str, bool, str]]:
    """(string key, holds, the number that shows it) for each fact a student can check on J."""
    Jt = f64(J)
    off = Jt[~torch.eye(len(J), dtype=torch.bool)]
    sums = float(torch.cat([Jt.sum(dim=0), Jt.sum(dim=1)]).abs().max())
    return [
        ("softmax.fact.sums", sums < 1e-12, num(sums)),
        ("softmax.fact.symmetric", bool(torch.equal(Jt, Jt.T)), num(float((Jt - Jt.T).abs().max()))),
        ("softmax.fact.diagonal", bool((Jt.diagonal() > 0).all()), num(float(Jt.diagonal().min()))),
        ("softmax.fact.off", bool((off < 0).all()), num(float(off.max()))),
    ]


def dtype_name(dtype: torch.dtype) -> str:
    return str(dtype).removeprefix("torch.")


def stability_verdict(values: Sequence[float], T: float, dtype: torch.dtype) -> str:
    """What the naive formula does with these logits at this T in `dtype` (the table's), and where that is
    float64, in float32 (PyTorch's default dtype) too, from the live numbers."""
    here = sm.naive_failure(list(values), T, dtype=dtype)
    text = t(
        f"softmax.stable.{here or 'fine'}",
        z_max=num(max(values) / T),
        limit=num(sm.exp_limit(dtype)),
        dtype=dtype_name(dtype),
    )
    if here is None and dtype != torch.float32:
        float32 = sm.naive_failure(list(values), T, dtype=torch.float32)
        text += " " + t(f"softmax.stable.float32_{float32 or 'fine'}", limit32=num(sm.exp_limit(torch.float32)))
    return text


# The captions under the charts: what a sighted student reads off each one (ui.chart.described).


def _first_extremes(values: Sequence[float]) -> tuple[int, int]:
    """The classes of the largest and the smallest value (the first one where several tie)."""
    classes = range(len(values))
    return max(classes, key=lambda i: (values[i], -i)), min(classes, key=lambda i: (values[i], i))


def logits_summary(logits: Sequence[float]) -> str:
    high, low = _first_extremes(logits)
    return t("softmax.chart.logits_summary", n=len(logits), high=num(logits[high]), i=high, low=num(logits[low]), j=low)


def probabilities_summary(p: Sequence[float]) -> str:
    high, low = _first_extremes(p)
    return t("softmax.chart.probs_summary", high=num(p[high]), i=high, low=num(p[low]), j=low, total=num(sum(p)))


def sigmoid_summary(logits: Sequence[float], p: Sequence[float], sigmoid: Sequence[float]) -> str:
    """Both functions grow with the logit, so the class of the largest logit has the largest bar of each."""
    k, _ = _first_extremes(logits)
    return t(
        "softmax.chart.sigmoid_summary",
        k=k,
        p=num(p[k]),
        s=num(sigmoid[k]),
        sum_softmax=num(sum(p)),
        sum_sigmoid=num(sum(sigmoid)),
    )


def jacobian_summary(title: str, J: list[list[float]]) -> str:
    Jt = f64(J)
    diagonal, off = Jt.diagonal(), Jt[~torch.eye(len(J), dtype=torch.bool)]
    return t(
        "softmax.jac.summary",
        title=title,
        n=len(J),
        diag_low=num(float(diagonal.min())),
        diag_high=num(float(diagonal.max())),
        off_low=num(float(off.min())),
        off_high=num(float(off.max())),
    )
