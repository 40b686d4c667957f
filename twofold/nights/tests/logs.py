"""Database helpers for the nights tests: a fixed 'now' and care logged at London times."""

from __future__ import annotations

import datetime as dt
from typing import Any

from twofold.care.services import log_care_event

from .build import LONDON

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)  # Monday noon; tonight is the night of 23 November
TONIGHT = dt.date(2026, 11, 23)
LAST_NIGHT = dt.date(2026, 11, 22)

DETAILS: dict[str, dict[str, Any]] = {
    "feed": {"method": "formula", "amount_ml": 90},
    "nappy": {"contents": "wet"},
}


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=LONDON)


def log(world, member, kind: str, start: dt.datetime, minutes: int | None = None) -> None:
    log_care_event(
        member=member,
        child=world.ada,
        kind=kind,
        start=start,
        end=None if minutes is None else start + dt.timedelta(minutes=minutes),
        details=DETAILS.get(kind),
        now=NOW,
    )


def log_two_weeks(world) -> None:
    """14 nights with a feed at 23:00 and 03:00 (Alex) and a nappy at 05:00 (Sam)."""
    for back in range(1, 15):
        day = 23 - back
        log(world, world.alex, "feed", at(day, 23), 20)
        log(world, world.alex, "feed", at(day + 1, 3), 20)
        log(world, world.sam, "nappy", at(day + 1, 5))
