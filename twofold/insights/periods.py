"""Household-local periods: nights and ISO weeks, as half-open UTC intervals."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")

# The years a week may be asked for: no household's log is older, and a week far from the calendar's ends
# leaves room for the days and nights around it (year 1 or 9999 would overflow datetime).
FIRST_WEEK_YEAR = 2000
LAST_WEEK_YEAR = 2999


@dataclass(frozen=True)
class Night:
    """The night that starts on the evening of `of` (local), as [start, end) in UTC."""

    of: dt.date
    start: dt.datetime
    end: dt.datetime

    @property
    def length(self) -> dt.timedelta:
        return self.end - self.start


def _at(day: dt.date, clock: dt.time, zone: ZoneInfo) -> dt.datetime:
    # Convert each local edge to UTC on its own: adding a timedelta to a local time across a clock
    # change would be an hour out, so a DST night comes out 8 or 10 hours long, as lived.
    return dt.datetime.combine(day, clock, tzinfo=zone).astimezone(dt.UTC)


def night_of(day: dt.date, zone: ZoneInfo, night_start: dt.time, night_end: dt.time) -> Night:
    end_day = day + dt.timedelta(days=1) if night_start >= night_end else day
    return Night(day, _at(day, night_start, zone), _at(end_day, night_end, zone))


def nights_between(
    first: dt.date, last: dt.date, zone: ZoneInfo, night_start: dt.time, night_end: dt.time
) -> list[Night]:
    """Every night starting on a day from first to last, inclusive."""
    days = (last - first).days
    return [night_of(first + dt.timedelta(days=i), zone, night_start, night_end) for i in range(days + 1)]


def in_night(local: dt.time, night_start: dt.time, night_end: dt.time) -> bool:
    """Whether a local clock time falls inside a night window that may wrap past midnight."""
    if night_start < night_end:
        return night_start <= local < night_end
    return local >= night_start or local < night_end


def parse_iso_week(text: str) -> dt.date:
    """The Monday of an ISO week written like 2026-W47; ValueError with a helpful message otherwise."""
    match = _ISO_WEEK.match(text.strip())
    if not match:
        raise ValueError(f"“{text}” is not a week. Write it like 2026-W47.")
    year, week = int(match.group(1)), int(match.group(2))
    if not FIRST_WEEK_YEAR <= year <= LAST_WEEK_YEAR:
        raise ValueError(
            f"There is no log for {year}. Ask for a week between {FIRST_WEEK_YEAR} and {LAST_WEEK_YEAR}."
        )
    try:
        return dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        raise ValueError(f"{year} has no week {week}. Weeks run from 1 to 52 or 53.") from None


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class Week:
    monday: dt.date
    start: dt.datetime  # Monday 00:00 local, in UTC
    end: dt.datetime  # the next Monday 00:00 local, in UTC
    nights: tuple[Night, ...]

    @property
    def label(self) -> str:
        return iso_week(self.monday)

    @property
    def reach(self) -> tuple[dt.datetime, dt.datetime]:
        """From the earliest moment to the latest this week's days and nights touch."""
        return min(self.start, self.nights[0].start), max(self.end, self.nights[-1].end)


def week_of(monday: dt.date, zone: ZoneInfo, night_start: dt.time, night_end: dt.time) -> Week:
    sunday = monday + dt.timedelta(days=6)
    nights = nights_between(monday, sunday, zone, night_start, night_end)
    return Week(
        monday,
        _at(monday, dt.time.min, zone),
        _at(monday + dt.timedelta(days=7), dt.time.min, zone),
        tuple(nights),
    )
