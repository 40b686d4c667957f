"""How much crying is typical for a baby's age: the band the crying chart draws beside each day.

Decisions (Crying) in EVIDENCE.md: weeks 1–6 use the verified range of study means (117–133 min a day, SD
66–70); weeks 10–12 the verified mean (68 min, SD 46.2); weeks 7–9 have no verified mean, so the band is a
straight line between the two, labelled as an interpolation; after 12 weeks there is no number, only the
sentence that crying usually keeps falling.

The bands are read as the baby's age with both ends included, as parents say it: a baby of exactly 12 weeks
(day 84) has not yet passed 12 weeks and still gets the 10–12-week figure; the day of birth is in the first
band. `CryingNorm.week` is the week of life (days 0–6 are week 1), which the crying table shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from twofold.bonding.evidence import (
    EARLY_MEAN_RANGE_MIN,
    EARLY_SD_RANGE_MIN,
    EARLY_WEEKS,
    LATE_MEAN_MIN,
    LATE_SD_MIN,
    LATE_WEEKS,
    WOLKE_2017,
    Source,
)
from twofold.bonding.rounding import whole_minutes

KEEPS_FALLING = (
    "After 12 weeks, crying usually keeps falling. The studies we rely on give no typical figure beyond "
    "this age, so Twofold shows none."
)
INTERPOLATED = (
    "No published average is verified for weeks 7 to 9. This band is a straight line drawn between the "
    "weeks 1–6 range and the weeks 10–12 average: an estimate, not a measurement."
)
FROM_STUDIES = (
    "Typical crying and fussing for this age, from diary studies of thousands of babies. Babies vary a lot "
    "around these averages."
)


@dataclass(frozen=True)
class CryingBand:
    """Typical minutes of fussing and crying per 24 h: the study means lie between mean_low and mean_high
    (equal where one mean is published); the standard deviation lies between sd_low and sd_high."""

    mean_low: float
    mean_high: float
    sd_low: float
    sd_high: float

    @property
    def text(self) -> str:
        """The band in whole minutes: a straight-line estimate is no more precise than a minute."""
        low, high = whole_minutes(self.mean_low), whole_minutes(self.mean_high)
        return f"{low} min" if low == high else f"{low}–{high} min"


@dataclass(frozen=True)
class CryingNorm:
    week: int
    band: CryingBand | None  # None past 12 weeks old: no number, only KEEPS_FALLING
    interpolated: bool
    wording: str
    source: Source


def week_of_life(age_days: int) -> int:
    if age_days < 0:
        raise ValueError("A baby's age cannot be negative.")
    return age_days // 7 + 1


def crying_norm_for_days(age_days: int) -> CryingNorm:
    """The norm for a baby `age_days` old. The studies' bands are ages in weeks, ends included: up to 6
    weeks old (day 42) the early range, from 10 weeks to 12 weeks old (days 70 to 84) the late mean, a
    straight line by day between them, and past 12 weeks no number."""
    week = week_of_life(age_days)
    early_last, late_first, late_last = (7 * w for w in (EARLY_WEEKS[1], LATE_WEEKS[0], LATE_WEEKS[1]))
    if age_days <= early_last:
        low, high = EARLY_MEAN_RANGE_MIN
        sd_low, sd_high = EARLY_SD_RANGE_MIN
        return CryingNorm(week, CryingBand(low, high, sd_low, sd_high), False, FROM_STUDIES, WOLKE_2017)
    if age_days < late_first:
        t = (age_days - early_last) / (late_first - early_last)
        band = CryingBand(
            mean_low=_between(EARLY_MEAN_RANGE_MIN[0], LATE_MEAN_MIN, t),
            mean_high=_between(EARLY_MEAN_RANGE_MIN[1], LATE_MEAN_MIN, t),
            sd_low=_between(EARLY_SD_RANGE_MIN[0], LATE_SD_MIN, t),
            sd_high=_between(EARLY_SD_RANGE_MIN[1], LATE_SD_MIN, t),
        )
        return CryingNorm(week, band, True, INTERPOLATED, WOLKE_2017)
    if age_days <= late_last:
        band = CryingBand(LATE_MEAN_MIN, LATE_MEAN_MIN, LATE_SD_MIN, LATE_SD_MIN)
        return CryingNorm(week, band, False, FROM_STUDIES, WOLKE_2017)
    return CryingNorm(week, None, False, KEEPS_FALLING, WOLKE_2017)


def _between(start: float, end: float, t: float) -> float:
    # Round half up in decimal, so 51.15 shows as 51.2 whatever binary floats make of it.
    value = Decimal(str(start)) + (Decimal(str(end)) - Decimal(str(start))) * Decimal(str(t))
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
