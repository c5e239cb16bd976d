"""Number lists typed as text ("1, 2", "5 1 0"), as the regression page's w0, true w and batch order."""

from __future__ import annotations

import re

from core.errors import InputError, check_number

_SEPARATORS = re.compile(r"[,;\s]+")


def parse_number_list(
    text: str,
    *,
    name: str,
    integer: bool = False,
    low: float | None = None,
    high: float | None = None,
    max_len: int = 20,
) -> tuple[float, ...] | tuple[int, ...]:
    """The numbers in `text`, separated by commas, semicolons or spaces; `InputError` for anything else.

    >>> parse_number_list("1, 2", name="w0")
    (1.0, 2.0)
    """
    parts = [p for p in _SEPARATORS.split(text.strip()) if p]
    if len(parts) > max_len:
        raise InputError(
            f"{name} has {len(parts)} values; at most {max_len} are allowed",
            code="list_too_long",
            name=name,
            got=len(parts),
            limit=max_len,
        )
    values = []
    for part in parts:
        try:
            value = float(part)
        except ValueError:
            raise InputError(f"{name}: {part!r} is not a number", code="not_number", name=name, value=part) from None
        values.append(check_number(name, value, low=low, high=high, integer=integer))
    return tuple(values)
