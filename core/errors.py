"""The one exception type `core/` raises for bad input, and the checks that raise it."""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch


class InputError(ValueError):
    """Input a learner can fix: the message names the bad value and what is allowed.

    `code` and `details` let the app show the same message in another language
    (`ui/errors.py` looks up "err.<code>"); the English message is always complete on its own.
    """

    def __init__(self, message: str, *, code: str | None = None, **details: object) -> None:
        super().__init__(message)
        self.code = code
        self.details = details


def check_finite(name: str, x: torch.Tensor) -> None:
    """Raise `InputError` naming the first NaN or inf entry of `x`."""
    bad = ~torch.isfinite(x)
    if bool(bad.any()):
        index = tuple(int(i) for i in bad.nonzero()[0])
        value = x[index].item()
        raise InputError(
            f"{name} has a non-finite value {value} at index {index}; only finite numbers are allowed",
            code="not_finite",
            name=name,
            value=value,
            index=index,
        )


def check_shape(name: str, x: torch.Tensor, expected: Sequence[int]) -> None:
    """Raise `InputError` unless `x.shape` equals `expected`."""
    if tuple(x.shape) != tuple(expected):
        raise InputError(
            f"{name} has shape {tuple(x.shape)}, expected {tuple(expected)}",
            code="shape",
            name=name,
            shape=tuple(x.shape),
            expected=tuple(expected),
        )


def check_number(
    name: str,
    value: object,
    *,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    high_open: bool = False,
    integer: bool = False,
) -> float:
    """`value` as a float (or int), or `InputError` if it is not a finite number in range.

    `low_open=True` excludes `low` itself (a learning rate must be > 0); `high_open=True` excludes `high`
    (a momentum must be < 1).
    """
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a number, got {value!r}", code="not_number", name=name, value=value) from None
    if not math.isfinite(v):
        raise InputError(f"{name} must be finite, got {v}", code="not_number", name=name, value=v)
    if integer and not v.is_integer():
        raise InputError(f"{name} must be a whole number, got {v}", code="not_integer", name=name, value=v)
    too_low = low is not None and (v <= low if low_open else v < low)
    too_high = high is not None and (v >= high if high_open else v > high)
    if too_low or too_high:
        lo = "-∞" if low is None else f"{low}"
        hi = "∞" if high is None else f"{high}"
        interval = f"{'(' if low_open else '['}{lo}, {hi}{')' if high_open else ']'}"
        raise InputError(
            f"{name} must be in {interval}, got {v:g}", code="out_of_range", name=name, value=v, interval=interval
        )
    return int(v) if integer else v


def check_choice(name: str, value: object, allowed: Sequence[str]) -> str:
    """`value` if it is one of `allowed`, else `InputError` listing the choices."""
    if value not in allowed:
        raise InputError(
            f"{name} must be one of {tuple(allowed)}, got {value!r}",
            code="unknown_option",
            name=name,
            value=value,
            allowed=", ".join(allowed),
        )
    return value  # type: ignore[return-value]
