"""The age a measurement is read at on the charts: corrected for prematurity while the reference says so.

UK-WHO (EVIDENCE.md §9.2): correct for babies born before 37 weeks, until 1 year for those born at 32–36
weeks and until 2 years for those born before 32 weeks. Corrected age is age since birth less the weeks
born early (a 40-week pregnancy is term).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PRETERM_BEFORE_WEEKS = 37  # §9.2
VERY_PRETERM_BEFORE_WEEKS = 32  # §9.2
TERM_DAYS = 40 * 7
DAYS_PER_YEAR = 365.25  # the charts' decimal age


@dataclass(frozen=True)
class Gestation:
    weeks: int
    days: int = 0

    @property
    def total_days(self) -> int:
        return self.weeks * 7 + self.days

    def __str__(self) -> str:
        return f"{self.weeks}+{self.days} weeks"


@dataclass(frozen=True)
class ChartAge:
    """Days from birth, or from the due date when `corrected`; negative before a preterm baby's due date."""

    days: int
    corrected: bool

    @property
    def years(self) -> float:
        return self.days / DAYS_PER_YEAR


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # born on 29 February
        return day.replace(year=day.year + years, day=28)


def corrected_until(birth: dt.date, gestation: Gestation | None) -> dt.date | None:
    """The day correction stops (exclusive), or None for a baby born at 37 weeks or later (or not said)."""
    if gestation is None or gestation.weeks >= PRETERM_BEFORE_WEEKS:
        return None
    return _add_years(birth, 2 if gestation.weeks < VERY_PRETERM_BEFORE_WEEKS else 1)


def chart_age(birth: dt.date, gestation: Gestation | None, on: dt.date) -> ChartAge:
    since_birth = (on - birth).days
    until = corrected_until(birth, gestation)
    if gestation is not None and until is not None and on < until:
        return ChartAge(since_birth - (TERM_DAYS - gestation.total_days), corrected=True)
    return ChartAge(since_birth, corrected=False)


def weeks_and_days(days: int) -> str:
    """“6 weeks 3 days”, “3 days”, “2 weeks before the due date”."""
    if days < 0:
        return f"{weeks_and_days(-days)} before the due date"
    weeks, rest = divmod(days, 7)
    parts = ([f"{weeks} week{'s' if weeks != 1 else ''}"] if weeks else []) + (
        [f"{rest} day{'s' if rest != 1 else ''}"] if rest or not weeks else []
    )
    return " ".join(parts)
