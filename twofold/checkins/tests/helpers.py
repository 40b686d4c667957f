"""A known week of care for the check-in tests: 2026-W47, with its check-in open on Sunday 22 November."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from twofold.care.services import log_care_event
from twofold.conftest import page_text

# The check-in tests read a page's text through this name.
text = page_text

LONDON = ZoneInfo("Europe/London")
W47 = dt.date(2026, 11, 16)
# Sunday of 2026-W47, midday: W47's check-in has just opened (the household's day is Sunday by default).
NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=LONDON)
# Sunday of W48, midday: W47's check-in has closed and W48's is open.
NEXT_WEEK = NOW + dt.timedelta(weeks=1)

ALEX_ANSWERS = {
    "care_share": 60,
    "night_share": 50,
    "fairness": 2,
    "sleep": 3,
    "mood": 6,
    "connection": 5,
    "appreciated": "  Alex-appreciates-the-bath-routine  ",
    "needed": "Alex-needs-one-lie-in",
}
SAM_ANSWERS = {
    "care_share": 50,
    "night_share": 70,
    "fairness": 8,
    "sleep": 7,
    "mood": 7,
    "connection": 6,
    "appreciated": "Sam-appreciates-the-night-feeds",
    "needed": "Sam-needs-to-learn-the-sling",
}


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=LONDON)


def feed(world, member, start, minutes=20):
    log_care_event(
        member=member,
        child=world.ada,
        kind="feed",
        start=start,
        end=start + dt.timedelta(minutes=minutes),
        details={"method": "formula", "amount_ml": 100},
        now=NOW,
    )


def known_week(world) -> None:
    """Night wakings: Alex 3, Sam 1 (75 % and 25 %). Care events: Alex 3, Sam 2, Pat 1 (50 %, 33 %, 17 %)."""
    feed(world, world.alex, at(17, 0, 0))
    feed(world, world.alex, at(17, 3, 0))
    feed(world, world.sam, at(17, 5, 0))
    feed(world, world.alex, at(18, 2, 0))
    feed(world, world.sam, at(18, 12, 0))
    log_care_event(
        member=world.pat,
        child=world.ada,
        kind="nappy",
        start=at(19, 15),
        details={"contents": "wet"},
        now=NOW,
    )
