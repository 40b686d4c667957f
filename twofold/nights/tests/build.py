"""Shared builders for the night planner tests: the Alex-and-Sam household, in London."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from twofold.insights.periods import Night, night_of
from twofold.nights.learn import NightPattern, empty_pattern
from twofold.nights.plans import Person, PlanRequest

LONDON = ZoneInfo("Europe/London")
ALEX, SAM, PAT = 1, 2, 3
TEN, SEVEN = dt.time(22, 0), dt.time(7, 0)
H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)


def night(year: int = 2026, month: int = 11, day: int = 16) -> Night:
    return night_of(dt.date(year, month, day), LONDON, TEN, SEVEN)


NIGHT = night()  # Mon 16 Nov 2026, 22:00 to 07:00 GMT


def local(moment: dt.datetime) -> str:
    return moment.astimezone(LONDON).strftime("%H:%M")


def alex(**kw) -> Person:
    return Person(ALEX, "Alex", **kw)


def sam(**kw) -> Person:
    return Person(SAM, "Sam", **kw)


def pat(**kw) -> Person:
    return Person(PAT, "Pat", role="helper", **kw)


def request(*people: Person, on: Night = NIGHT, **kw) -> PlanRequest:
    return PlanRequest(on, LONDON, people or (alex(), sam()), **kw)


def quiet() -> NightPattern:
    return empty_pattern(TEN, SEVEN)


def pattern(wakes: dict[dt.time, float], feeds: dict[dt.time, float] | None = None) -> NightPattern:
    """A pattern with wakings (and feeds) in the half hours starting at the given clock times."""
    base = quiet()
    slots = [0.0] * len(base.wakings)
    feed_slots = [0.0] * len(base.wakings)
    for clock, rate in wakes.items():
        slots[base.slot_of(clock) or 0] = rate
    for clock, rate in (feeds or {}).items():
        feed_slots[base.slot_of(clock) or 0] = rate
    return NightPattern(TEN, SEVEN, 14, tuple(slots), tuple(feed_slots), 20 * M, 1.0)
