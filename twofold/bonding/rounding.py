"""One rounding for every minute figure a bonding page prints, so a reading and its table never disagree."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def whole_minutes(value: float) -> int:
    """Minutes rounded half up (Python's round() takes 24.5 to 24, a template's floatformat to 25)."""
    return int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
