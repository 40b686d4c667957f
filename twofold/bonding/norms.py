"""How much crying is typical for a baby's age: the band the crying chart draws beside each day.

Decisions (Crying) in EVIDENCE.md: weeks 1–6 use the verified range of study means (117–133 min a day, SD
66–70); weeks 10–12 the verified mean (68 min, SD 46.2); weeks 7–9 have no verified mean, so the band is a
straight line between the two, labelled as an interpolation; after week 12 there is no number, only the
sentence that crying usually keeps falling.

Weeks are weeks of life: days 0–6 are week 1, days 7–13 week 2, and so on. That is how the diary studies
count "1–2 weeks", and it puts the day of birth inside the first band.
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
    band: CryingBand | None  # None after week 12: no number, only KEEPS_FALLING
    interpolated: bool
    wording: str
    source: Source


def week_of_life(age_days: int) -> int:
    if age_days < 0:
        raise ValueError("A baby's age cannot be negative.")
    return age_days // 7 + 1


def crying_norm_for_days(age_days: int) -> CryingNorm:
    return crying_norm_for_week(week_of_life(age_days))


def crying_norm_for_week(week: int) -> CryingNorm:
    """The norm for a week of life (1 = the first seven days)."""
    if week < 1:
        raise ValueError("Weeks of life start at 1.")
    early_first, early_last = EARLY_WEEKS
    late_first, late_last = LATE_WEEKS
    if week <= early_last:
        low, high = EARLY_MEAN_RANGE_MIN
        sd_low, sd_high = EARLY_SD_RANGE_MIN
        return CryingNorm(week, CryingBand(low, high, sd_low, sd_high), False, FROM_STUDIES, WOLKE_2017)
    if week < late_first:
        # A straight line from the last verified early week (6) to the first verified late week (10).
        t = (week - early_last) / (late_first - early_last)
        band = CryingBand(
            mean_low=_between(EARLY_MEAN_RANGE_MIN[0], LATE_MEAN_MIN, t),
            mean_high=_between(EARLY_MEAN_RANGE_MIN[1], LATE_MEAN_MIN, t),
            sd_low=_between(EARLY_SD_RANGE_MIN[0], LATE_SD_MIN, t),
            sd_high=_between(EARLY_SD_RANGE_MIN[1], LATE_SD_MIN, t),
        )
        return CryingNorm(week, band, True, INTERPOLATED, WOLKE_2017)
    if week <= late_last:
        band = CryingBand(LATE_MEAN_MIN, LATE_MEAN_MIN, LATE_SD_MIN, LATE_SD_MIN)
        return CryingNorm(week, band, False, FROM_STUDIES, WOLKE_2017)
    return CryingNorm(week, None, False, KEEPS_FALLING, WOLKE_2017)


def _between(start: float, end: float, t: float) -> float:
    # Round half up in decimal, so 51.15 shows as 51.2 whatever binary floats make of it.
    value = Decimal(str(start)) + (Decimal(str(end)) - Decimal(str(start))) * Decimal(str(t))
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
