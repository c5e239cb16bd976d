"""How every page writes a number: one module, so a table, a sentence and a formula agree.

Four decimals as the tutorials print them (12, 10.6667, -4.3333), but never a number that reads as
zero when it is not: below 1 the digits are significant ones (0.000123 stays 0.000123), and very
small or very large numbers are written in scientific notation (1.234e-07, 5.4e+13).
"""

from __future__ import annotations

import math

DIGITS = 4
SMALLEST_FIXED = 1e-4  # below this, scientific notation
LARGEST_FIXED = 1e7  # at or above this, scientific notation


def _strip(text: str) -> str:
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def num(value: float, digits: int = DIGITS) -> str:
    """`value` for text and tables: `digits` decimals at or above 1, `digits` significant digits
    below 1, scientific outside [1e-4, 1e7); never "0.0000" for a number that is not zero."""
    value = float(value)
    if not math.isfinite(value):
        return str(value)
    size = abs(value)
    if value == 0:
        return "0"
    if size < SMALLEST_FIXED or size >= LARGEST_FIXED:
        mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
        return f"{_strip(mantissa)}e{exponent}"
    if size >= 1:
        return _strip(f"{value:.{digits}f}")
    decimals = digits - 1 - math.floor(math.log10(size))
    return _strip(f"{value:.{decimals}f}")


def tex_num(value: float, digits: int = DIGITS) -> str:
    """`value` for LaTeX: as `num`, with scientific notation written 1.2 \\times 10^{-7}."""
    text = num(value, digits)
    if "e" in text and math.isfinite(float(value)):
        mantissa, exponent = text.split("e")
        return rf"{mantissa} \times 10^{{{int(exponent)}}}"
    return {"inf": r"\infty", "-inf": r"-\infty", "nan": r"\text{nan}"}.get(text, text)


def factor(value: float, digits: int = DIGITS, *, tex: bool = False) -> str:
    """`value` as the right operand of a product or a difference: negative ones in parentheses."""
    text = tex_num(value, digits) if tex else num(value, digits)
    return f"({text})" if text.startswith("-") else text


def count(value: int) -> str:
    """A whole number with thousands separators, the same in every sentence: 100,000."""
    return f"{int(value):,}"
