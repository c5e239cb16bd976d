"""Numbers and formulas of the MSE page, written out with the live values (pure functions, no streamlit)."""

from __future__ import annotations

from fractions import Fraction

from ui.i18n import translate
from ui.numbers import num, tex_num

MAX_TERMS = 9  # terms written out in a sum before "+ ⋯" (a 3×3 example is written out in full)
MAX_TEX_MATRIX = 8  # larger matrices are not written out in LaTeX


def mse_question(n: int, d: int, lang: str) -> str:
    """The page's question with its live factor n·d (a 1×1 input has no factor to explain)."""
    if n * d == 1:
        return translate("mse.page.question_one", lang)
    return translate("mse.page.question", lang, n=n, d=d, nd=n * d)


def focus_entry(values: list[list[float]]) -> tuple[int, int]:
    """The (row, column), 0-based, of the entry largest in size (the first on ties): for X − Y, the hottest
    cell of the squared-error heatmap."""
    best = (0, 0)
    for i, row in enumerate(values):
        for j, value in enumerate(row):
            if abs(value) > abs(values[best[0]][best[1]]):
                best = (i, j)
    return best


def exact(value: float, max_denominator: int = 1000) -> Fraction | None:
    """`value` as a fraction with a small denominator, when it is one (17/6 for 2.8333…)."""
    fraction = Fraction(value).limit_denominator(max_denominator)
    return fraction if abs(float(fraction) - value) <= 1e-12 * max(1.0, abs(value)) else None


def num_with_fraction(value: float) -> str:
    """'17/6 = 2.8333' when the value is a simple fraction, else the decimal."""
    fraction = exact(value)
    if fraction is None or fraction.denominator == 1:
        return num(value)
    return f"{fraction} = {num(value)}"


def tex_exact(value: float) -> str:
    """A number for LaTeX: a fraction where exact ("\\tfrac{1}{3}"), else as ui.numbers writes it."""
    fraction = exact(value)
    if fraction is not None and fraction.denominator != 1 and fraction.denominator <= 100:
        sign = "-" if fraction < 0 else ""
        return f"{sign}\\tfrac{{{abs(fraction.numerator)}}}{{{fraction.denominator}}}"
    return tex_num(value)


def tex_matrix(values: list[list[float]]) -> str:
    """A bmatrix of `values` (rows × columns), or a placeholder naming the shape when too large."""
    rows, cols = len(values), len(values[0])
    if rows > MAX_TEX_MATRIX or cols > MAX_TEX_MATRIX:
        return f"[\\,{rows}\\times{cols}\\,]"
    body = r" \\ ".join(" & ".join(tex_exact(v) for v in row) for row in values)
    return rf"\begin{{bmatrix}} {body} \end{{bmatrix}}"


def _square(value: float) -> str:
    text = tex_num(value)
    return f"({text})^2" if value < 0 else f"{text}^2"


def equals(value: float, *, tex: bool = True) -> str:
    """An equals sign when the number as written is the value, an approx sign when it is rounded."""
    if float(num(value)) == value:
        return " = "
    return r" \approx " if tex else " ≈ "


def loss_tex(diff: list[list[float]], reduction: str, loss: float | list[list[float]]) -> str:
    """The loss written out: "loss = 1/(3·2)(1² + (−1)² + …) = 17/6 = 2.8333" for 'mean'."""
    if reduction == "none":
        return rf"\text{{loss}} = (X - Y)^{{\circ 2}} = {tex_matrix(loss)}"  # type: ignore[arg-type]
    flat = [v for row in diff for v in row]
    terms = " + ".join(_square(v) for v in flat[:MAX_TERMS])
    if len(flat) > MAX_TERMS:
        terms += r" + \cdots"
    rows, cols = len(diff), len(diff[0])
    prefix = rf"\frac{{1}}{{{rows}\cdot {cols}}}" if reduction == "mean" else ""
    total = sum(v * v for v in flat)
    value = float(loss)  # type: ignore[arg-type]
    middle = ""
    if reduction == "mean":
        middle = equals(total) + rf"\frac{{{tex_num(total)}}}{{{rows * cols}}}"
    return rf"\text{{loss}} = {prefix}\left({terms}\right){middle}{equals(value)}{tex_num(value)}"


def grad_tex(diff: list[list[float]], reduction: str) -> str:
    """The closed-form gradient written out: 2/(n·d)(X − Y) for 'mean', 2(X − Y) for 'sum'; for 'none'
    the gradient of loss.sum() (what backward(gradient=ones) computes), 2(X − Y) as well."""
    rows, cols = len(diff), len(diff[0])
    if reduction == "mean":
        scale = rf"\frac{{2}}{{{rows}\cdot {cols}}}"
        factor = 2 / (rows * cols)
    else:
        scale, factor = "2", 2.0
    of = r"\textstyle\sum_{i,j}\text{loss}_{ij}" if reduction == "none" else r"\text{loss}"
    result = [[factor * v for v in row] for row in diff]
    return (
        rf"\begin{{aligned}} X.\text{{grad}} = \frac{{\partial\,({of})}}{{\partial X}} &= {scale}\,(X - Y)"
        rf" = {scale}{tex_matrix(diff)} \\ &= {tex_matrix(result)} \end{{aligned}}"
    )
