"""Each reminder in plain words, as pure functions: what a lock screen, the list and email say."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from twofold.reminders.feeds import Interval
from twofold.reminders.topics import Topic


@dataclass(frozen=True)
class Reminder:
    """An occasion worth a reminder, before routing. `key` names it, so it is made once per member; `only`
    limits it to some members (a shift: the person coming on)."""

    household_id: int
    topic: Topic
    key: str
    title: str
    body: str
    url: str
    tag: str
    actions: tuple[dict[str, str], ...] = ()
    only: frozenset[int] | None = field(default=None)


def clock(at: dt.datetime, zone: ZoneInfo) -> str:
    return at.astimezone(zone).strftime("%H:%M")


def length(span: dt.timedelta) -> str:
    """“2 h 50 min”, “45 min”: rounded down to the minute."""
    minutes = int(span.total_seconds() // 60)
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def feed_due(child: str, last: dt.datetime, interval: Interval, zone: ZoneInfo) -> tuple[str, str]:
    how = (
        f"about every {length(interval.every)}, learned from the last 14 days"
        if interval.learned
        else f"every {length(interval.every)}, the interval your household set"
    )
    return (
        f"A feed is due for {child}",
        f"The last feed started at {clock(last, zone)}. Feeds have been {how}.",
    )


def dose_allowed(
    child: str, medicine: str, allowed: dt.datetime, full: bool, zone: ZoneInfo
) -> tuple[str, str]:
    """Never “due”, never a dose (EVIDENCE.md §9.3): only from when, by the gap the parent entered."""
    title = f"{medicine} for {child}: the next dose is allowed from {clock(allowed, zone)}"
    body = "From the shortest gap between doses you copied from the label or prescription."
    if full:
        body = (
            "That is the most doses in 24 hours you entered: the next is allowed 24 hours after the earliest."
        )
    return title, body


def timer_long(child: str, noun: str, question: str, ran: dt.timedelta) -> tuple[str, str]:
    return (f"{child}'s {noun} timer has been running for {length(ran)}", question.format(name=child))


def shift_starts(start: dt.datetime, zone: ZoneInfo, handover: Sequence[str]) -> tuple[str, str]:
    body = " ".join(handover) if handover else "Nothing logged in the last day to hand over."
    return f"Your night shift starts at {clock(start, zone)}", body


def shift_ends(end: dt.datetime, zone: ZoneInfo, next_name: str | None) -> tuple[str, str]:
    then = f"{next_name} is on now." if next_name else "That is the end of the night's plan."
    return f"Your night shift ends at {clock(end, zone)}", f"Thank you. {then}"


# Whatever a screening offer is about, a lock screen and an inbox see only this.
SCREENING_TITLE = "Twofold has something for you"
SCREENING_BODY = "Open Twofold to see it."
