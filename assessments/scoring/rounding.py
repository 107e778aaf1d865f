"""Rounding as a manager rounds by hand, and exact arithmetic on the figures a report shows.

A float is taken at its shortest decimal form (0.1 is one tenth, 6.25 is six and a quarter),
so rounding works on the number as it is written, not on its binary approximation:
6.25 -> 6.3 and 1.005 -> 1.01, where Python's round() gives 6.2 and 1.0.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from fractions import Fraction

Number = float | int | Decimal | Fraction


def exact(value: Number) -> Fraction:
    """The number as written, as an exact fraction (a float at its shortest decimal form)."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float):
        return _exact_float(value)
    return Fraction(value)


@functools.lru_cache(maxsize=4096)
def _exact_float(value: float) -> Fraction:
    # The appraisal meets the same few figures many times over: remember them.
    return Fraction(*_ratio(value))


def _ratio(value: Number) -> tuple[int, int]:
    if isinstance(value, float):
        return Decimal(repr(value)).as_integer_ratio()
    if isinstance(value, int | Fraction):
        return value.numerator, value.denominator
    return value.as_integer_ratio()


def round_half_up(value: Number, places: int) -> float:
    """Round half away from zero to `places` decimal places (6.25 -> 6.3, -0.125 -> -0.13)."""
    numerator, denominator = _ratio(value)
    scale = 10**places
    # floor(|n| x scale / d + 1/2) in whole numbers; int / int is correctly rounded.
    whole = (2 * abs(numerator) * scale + denominator) // (2 * denominator)
    return (whole if numerator >= 0 else -whole) / scale
