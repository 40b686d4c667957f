"""Centile and SDS of a measurement, and the centile lines of a chart, from the `rcpchgrowth` library
(EVIDENCE.md §9.2): Twofold copies no table by hand. Plain values in and out, no database.

rcpchgrowth is loaded on first use, and without SciPy (rcpch.py): a worker carries no SciPy or NumPy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from twofold.growth.rcpch import library

if TYPE_CHECKING:
    from collections.abc import Sequence

# Twofold's kinds as the library names its measurement methods, and the factor from the stored unit (grams,
# millimetres) to the library's (kg, cm).
METHODS = {"weight": "weight", "length": "height", "head": "ofc"}
TO_REFERENCE_UNIT = {"weight": 1000, "length": 10, "head": 10}
KINDS = tuple(METHODS)

# The nine UK-WHO centile lines, two-thirds of a standard deviation apart (§9.2), as SDS and as the chart
# names them. Every reference's chart is drawn with the same nine.
LINE_SDS: tuple[float, ...] = tuple(k * 2 / 3 for k in range(-4, 5))
LINE_NAMES: tuple[str, ...] = ("0.4th", "2nd", "9th", "25th", "50th", "75th", "91st", "98th", "99.6th")
# Two centile spaces (§9.2: a line crossing two deserves a professional's look).
TWO_SPACES_SDS = 4 / 3


@dataclass(frozen=True)
class Placing:
    sds: float
    centile: float


def reference_value(kind: str, stored: int) -> float:
    """A stored measurement (grams, millimetres) in the reference's unit (kg, cm)."""
    return stored / TO_REFERENCE_UNIT[kind]


def place(*, reference: str, kind: str, stored: int, sex: str, age_years: float) -> Placing | None:
    """The measurement's SDS and centile; None where the reference has no data at that age (the WHO
    standards start at term, so a preterm baby before their due date has no place on them)."""
    return _place(reference, kind, stored, sex, age_years)


# A page shows the same measurements again and again: each is worked out once per worker.
@lru_cache(maxsize=4096)
def _place(reference: str, kind: str, stored: int, sex: str, age_years: float) -> Placing | None:
    try:
        sds = library().sds_for_measurement(
            reference=reference,
            age=age_years,
            measurement_method=METHODS[kind],
            observation_value=reference_value(kind, stored),
            sex=sex,
        )
    except (LookupError, ValueError):
        return None
    if sds is None or not math.isfinite(sds):
        return None
    return Placing(sds=float(sds), centile=float(library().centile(sds)))


@lru_cache(maxsize=256)
def lines(
    reference: str, kind: str, sex: str, ages: tuple[float, ...]
) -> tuple[tuple[tuple[float, float], ...], ...]:
    """Each centile line as (age in years, value in kg or cm) points, skipping ages the reference lacks."""
    measurement_from_sds = library().measurement_from_sds
    drawn = []
    for sds in LINE_SDS:
        points = []
        for age in ages:
            try:
                value = measurement_from_sds(
                    reference=reference, requested_sds=sds, measurement_method=METHODS[kind], sex=sex, age=age
                )
            except (LookupError, ValueError):
                continue
            if value is not None and math.isfinite(value):
                points.append((age, float(value)))
        drawn.append(tuple(points))
    return tuple(drawn)


def centile_words(centile: float) -> str:
    """“73rd”, “below the 0.4th”, “above the 99.6th”: a figure, never a judgement."""
    if centile < 0.4:
        return "below the 0.4th"
    if centile > 99.6:
        return "above the 99.6th"
    if centile < 1:
        return f"{centile:.1f}th"
    whole = round(centile)
    suffix = "th" if 10 <= whole % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(whole % 10, "th")
    return f"{whole}{suffix}"


def crossed_two_spaces(sds_in_time_order: Sequence[float]) -> bool:
    """True when a later measurement sits two centile spaces or more above or below an earlier one."""
    lowest = highest = None
    for sds in sds_in_time_order:
        if (lowest is not None and highest is not None) and (
            sds - lowest >= TWO_SPACES_SDS or highest - sds >= TWO_SPACES_SDS
        ):
            return True
        lowest = sds if lowest is None else min(lowest, sds)
        highest = sds if highest is None else max(highest, sds)
    return False
