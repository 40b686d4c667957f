"""Percentages as parents read them: whole numbers, halves rounded up, and a set that adds up to 100.

Rounding each share on its own can show 17 and 23 of 40 as 42 % + 57 %, or three equal thirds as 99 %. A set
of shares shown together is rounded as a whole instead (the largest-remainder method): every share is cut
down to a whole percent, and the points still missing go to the shares that lost the most (between two
equal losses, to the larger share).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from fractions import Fraction
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def half_up(share: Fraction) -> int:
    """One share as a whole percent, 12.5 % up to 13 % (Python's round() would take it to 12)."""
    return math.floor(share * 100 + Fraction(1, 2))


def whole_percents(shares: Mapping[K, Fraction]) -> dict[K, int]:
    """Each share as a whole percent; together they add up to the total's own percent, 100 for a whole."""
    hundredths = {key: share * 100 for key, share in shares.items()}
    floors = {key: math.floor(value) for key, value in hundredths.items()}
    missing = half_up(sum(shares.values(), Fraction(0))) - sum(floors.values())
    # Ties go to the larger share, so whoever did more is never understated; equal shares keep their order.
    order = sorted(hundredths, key=lambda key: (-(hundredths[key] - floors[key]), -hundredths[key]))
    for key in order[: max(missing, 0)]:
        floors[key] += 1
    return floors


def shown(points: int) -> str:
    """“50 %”, with the space the pages use."""
    return f"{points} %"
