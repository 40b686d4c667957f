"""The care log's rules as plain functions: which kinds time, which carry a response, what is plausible."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from twofold.care.kinds import DETAILED, REGISTRY

# Kinds a parent can start now and stop later.
TIMER_KINDS: frozenset[str] = frozenset(d.key for d in REGISTRY if d.timed)

# Kinds that involve the baby's mood, so can carry the baby's response.
RESPONSE_KINDS: frozenset[str] = frozenset(d.key for d in REGISTRY if d.response)

# Kinds with their own detail table; the others (bath, skin-to-skin, note) need none.
DETAIL_KINDS: frozenset[str] = frozenset(d.key for d in DETAILED)

# Phones and servers disagree by a little; more than this in the future is a mistake.
CLOCK_SKEW = dt.timedelta(minutes=5)

# Longer than these is almost certainly a forgotten timer or a typo; a nappy has no usual length.
LONGEST: dict[str, dt.timedelta] = {d.key: d.longest for d in REGISTRY if d.longest is not None}

LONGEST_EVENT = max(LONGEST.values())

# Care logged from further back than this is a typo in the year; it also keeps every date the readings
# compute from a start (its night, its week) far from the calendar's ends, where datetime overflows.
OLDEST_START = dt.timedelta(days=10 * 366)
TOO_OLD = "The start is more than ten years ago. Check the year."


def human_duration(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return f"{hours} h {minutes} min"
    if hours:
        return f"{hours} h"
    return f"{minutes} min"


def time_errors(
    *, kind: str, start: dt.datetime, end: dt.datetime | None, now: dt.datetime
) -> dict[str, str]:
    """Field messages for times that cannot be right; empty when they are plausible."""
    errors: dict[str, str] = {}
    if start > now + CLOCK_SKEW:
        errors["start"] = "The start is in the future. Check the time and the day."
    elif start < now - OLDEST_START:
        errors["start"] = TOO_OLD
    if end is None:
        return errors
    if end < start:
        errors["end"] = "The end is before the start. Swap them or correct one."
    elif end > now + CLOCK_SKEW:
        errors["end"] = "The end is in the future. Stop the timer later, or check the time."
    elif kind in LONGEST and end - start > LONGEST[kind]:  # a nappy has no usual length
        errors["end"] = (
            f"That is longer than {human_duration(LONGEST[kind])}, which is unlikely for this. "
            "Check the start and end times."
        )
    return errors


# A parent may express milk before the birth (colostrum); everything else in the log is done for the baby.
BEFORE_BIRTH_KINDS = frozenset({"pumping"})


def birth_errors(
    *, kind: str, start: dt.datetime, zone: ZoneInfo, name: str, born: dt.date
) -> dict[str, str]:
    """Care for a child cannot begin before the day they were born, in the household's own calendar."""
    if kind in BEFORE_BIRTH_KINDS or start.astimezone(zone).date() >= born:
        return {}
    return {
        "start": f"That is before {name} was born ({born.day} {born:%B %Y}). Check the date, or {name}'s "
        "birth date on the household page."
    }


def response_errors(*, kind: str, response: str, settled_after_minutes: int | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if response and kind not in RESPONSE_KINDS:
        errors["response"] = "The baby's response is recorded only for care that involves the baby."
    if settled_after_minutes is not None and response != "settled":
        errors["settled_after_minutes"] = "Minutes to settle go with the response “Settled”."
    return errors
