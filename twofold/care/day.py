"""What a day looks like: totals per kind and who did what, from plain event facts."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class EventFact:
    kind: str
    child_id: int
    by_id: int
    start: dt.datetime
    end: dt.datetime | None
    amount_ml: Decimal | None = None
    running: bool = False


@dataclass
class KindTotal:
    count: int = 0
    minutes: int = 0
    amount_ml: Decimal = Decimal(0)


@dataclass
class DaySummary:
    totals: dict[str, KindTotal] = field(default_factory=dict)
    by_member: dict[int, dict[str, int]] = field(default_factory=dict)


def local_day_bounds(day: dt.date, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of a household-local day in UTC; 23 or 25 hours long on clock-change days."""
    start = dt.datetime.combine(day, dt.time.min, tzinfo=zone)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


def minutes_within(
    start: dt.datetime,
    end: dt.datetime | None,
    lo: dt.datetime,
    hi: dt.datetime,
    now: dt.datetime,
    running: bool = False,
) -> int:
    """Minutes of [start, end) inside [lo, hi); a running timer counts up to now, a moment counts none."""
    if end is None:
        end = now if running else start
    finish = min(end, hi)
    begin = max(start, lo)
    return max(0, int((finish - begin).total_seconds() // 60))


def summarise_day(facts: list[EventFact], lo: dt.datetime, hi: dt.datetime, now: dt.datetime) -> DaySummary:
    summary = DaySummary()
    members: dict[int, Counter[str]] = defaultdict(Counter)
    for fact in facts:
        total = summary.totals.setdefault(fact.kind, KindTotal())
        total.count += 1
        total.minutes += minutes_within(fact.start, fact.end, lo, hi, now, fact.running)
        if fact.amount_ml is not None:
            total.amount_ml += fact.amount_ml
        members[fact.by_id][fact.kind] += 1
    # Plain dicts: templates look keys up first, and a Counter answers 0 for any name.
    summary.by_member = {member: dict(counts) for member, counts in members.items()}
    return summary


def ago(then: dt.datetime | None, now: dt.datetime) -> str:
    """“2 h 10 min ago”, or an em dash when nothing is logged yet."""
    if then is None:
        return "—"
    minutes = max(0, int((now - then).total_seconds() // 60))
    if minutes < 1:
        return "just now"
    hours, minutes = divmod(minutes, 60)
    if hours >= 48:
        return f"{hours // 24} days ago"
    if hours:
        return f"{hours} h {minutes} min ago" if minutes else f"{hours} h ago"
    return f"{minutes} min ago"


def clock_on_day(then: dt.datetime, now: dt.datetime, zone: dt.tzinfo) -> str:
    """A time as a parent reads it beside today's: "07:56" today, "yesterday 07:56", "tomorrow 01:10", else
    with its day ("Fri 4 Dec 07:56"). A bare 07:56 said of yesterday reads as this morning's, and a medicine's
    last dose or next allowed time must never be misread."""
    local, today = then.astimezone(zone), now.astimezone(zone).date()
    clock = f"{local:%H:%M}"
    days = (local.date() - today).days
    if days == 0:
        return clock
    if days in (-1, 1):
        return f"{'yesterday' if days < 0 else 'tomorrow'} {clock}"
    return f"{local:%a} {local.day} {local:%b} {clock}"
