"""The summary for the health visitor or doctor: a child's log over a period, day by day, as pure functions
over plain facts (the view reads them in one query).

Per household-local day: feeds (count, bottle volume, breast minutes), wet and dirty nappies, sleep and its
longest stretch, and crying minutes beside the norm for the baby's age (EVIDENCE.md Decisions, Crying; §3);
then the period's temperatures, medicines and the notes the parent chose. Minutes are cut at midnight, so a
night's sleep counts on both sides of it; the longest stretch is one whole sleep, on the day it began.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from twofold.bonding.norms import CryingNorm, crying_norm_for_days
from twofold.care.day import local_day_bounds, minutes_within

DEFAULT_DAYS = 14
# A summary is for a visit: longer than a year is not one page per child, and not what a visit asks about.
LONGEST_DAYS = 366


@dataclass(slots=True)
class Fact:
    """One event of the period, with the detail fields the summary reads. Not frozen: a year of log is
    thousands of these a request, and a frozen dataclass takes five times as long to make."""

    id: int
    kind: str
    start: dt.datetime
    end: dt.datetime | None
    details: Mapping[str, Any] = field(default_factory=dict)
    note: str = ""
    by: str = ""


@dataclass
class SummaryDay:
    date: dt.date
    feeds: int = 0
    bottle_ml: Decimal = Decimal(0)
    breast_minutes: int = 0
    wet: int = 0
    dirty: int = 0
    sleep_minutes: int = 0
    longest_sleep_minutes: int = 0
    crying_minutes: int = 0
    norm: CryingNorm | None = None


def days_of(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def _add(day: SummaryDay, fact: Fact, lo: dt.datetime, hi: dt.datetime, now: dt.datetime) -> None:
    starts_here = lo <= fact.start < hi
    kind = fact.kind
    # Minutes only for the kinds that have them: most of a day's events are nappies and bottles.
    if kind == "feed":
        if starts_here:
            day.feeds += 1
            if fact.details.get("amount_ml") is not None:
                day.bottle_ml += Decimal(fact.details["amount_ml"])
        if fact.details.get("method") == "breast":
            day.breast_minutes += minutes_within(fact.start, fact.end, lo, hi, now)
    elif kind == "nappy":
        if starts_here:
            contents = fact.details.get("contents")
            day.wet += contents in ("wet", "both")
            day.dirty += contents in ("dirty", "both")
    elif kind == "sleep":
        day.sleep_minutes += minutes_within(fact.start, fact.end, lo, hi, now)
        if starts_here and fact.end is not None:
            whole = int((fact.end - fact.start).total_seconds() // 60)
            day.longest_sleep_minutes = max(day.longest_sleep_minutes, whole)
    elif kind == "settle":
        day.crying_minutes += minutes_within(fact.start, fact.end, lo, hi, now)


def summarise_days(
    facts: Sequence[Fact],
    *,
    first: dt.date,
    last: dt.date,
    zone: ZoneInfo,
    birth_date: dt.date,
    now: dt.datetime,
) -> list[SummaryDay]:
    """One row per household-local day from `first` to `last`, both included, with its crying norm."""
    dates = days_of(first, last)
    rows = [SummaryDay(date, norm=_norm(date, birth_date)) for date in dates]
    bounds = [local_day_bounds(date, zone) for date in dates]
    starts = [lo for lo, _ in bounds]
    for fact in facts:
        # Each fact goes to the days it touches only, found by bisecting the days' starts (UTC, as the
        # facts are), so a year of log is read once, not once a day.
        index = max(bisect_right(starts, fact.start) - 1, 0)
        end = fact.end or fact.start
        while index < len(rows) and starts[index] <= end:
            lo, hi = bounds[index]
            if fact.start < hi:  # not a fact after the period
                _add(rows[index], fact, lo, hi, now)
            index += 1
    return rows


def _norm(date: dt.date, birth_date: dt.date) -> CryingNorm | None:
    age = (date - birth_date).days
    return crying_norm_for_days(age) if age >= 0 else None


def hours_and_minutes(minutes: int) -> str:
    """“7 h 05 min”, “45 min”."""
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d} min" if hours else f"{rest} min"
