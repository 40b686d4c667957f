"""A fortnight's log of every kind Baby Buddy's lists read, for the tests that hold those reads to an index:
on a log this size the right index is plainly the cheapest, whatever an empty table's costs would say."""

from __future__ import annotations

import datetime as dt
from typing import Any

from twofold.care.services import log_care_event
from twofold.conftest import World

# One day's care, as (kind, hour, minutes long, details): feeds and nappies most, a little of everything else.
A_DAY: list[tuple[str, int, int, dict[str, Any]]] = [
    *(("feed", hour, 25, {"method": "formula", "amount_ml": 90}) for hour in range(0, 24, 3)),
    *(("nappy", hour + 1, 0, {"contents": "wet"}) for hour in range(0, 24, 4)),
    *(("sleep", hour, 90, {"place": "cot"}) for hour in (1, 10, 14, 20)),
    ("pumping", 7, 20, {"amount_ml": 110}),
    ("play", 11, 10, {"activity": "tummy_time"}),
    ("play", 16, 15, {"activity": "reading"}),
    ("note", 12, 0, {}),
]
WEEKLY: list[tuple[str, dict[str, Any]]] = [
    ("weight", {"grams": 4350}),
    ("length", {"mm": 545}),
    ("head", {"mm": 382}),
    ("temperature", {"celsius": 37.1, "method": "armpit"}),
]


def log_a_fortnight(world: World, until: dt.datetime) -> None:
    """Fourteen days of Ada's care up to `until`, with a week's measurements on each Monday of it."""
    first = until - dt.timedelta(days=14)
    for day in range(14):
        midnight = first + dt.timedelta(days=day)
        for kind, hour, minutes, details in A_DAY:
            start = midnight + dt.timedelta(hours=hour)
            end = start + dt.timedelta(minutes=minutes) if minutes else None
            log_care_event(
                member=world.alex, child=world.ada, kind=kind, start=start, end=end, details=details
            )
        if day % 7 == 0:
            for kind, details in WEEKLY:
                log_care_event(member=world.alex, child=world.ada, kind=kind, start=midnight, details=details)
