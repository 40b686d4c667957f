"""A member's night shifts as an iCalendar feed, for the calendar app on their phone.

Only that member's shifts, in UTC (right across clock changes whatever the reader's time zone), each with
a UID that stays the same while the plan is edited, so a calendar moves the event rather than adding one.
No health data: every event says only "On duty for the baby".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import icalendar

SUMMARY = "On duty for the baby"
CALENDAR_NAME = "Twofold: my night shifts"
# Twofold's own choice: a month of past shifts is enough to look back on; every planned one ahead is sent.
PAST = dt.timedelta(days=31)


@dataclass(frozen=True)
class FeedShift:
    plan_id: int
    member_id: int
    ordinal: int  # this member's nth shift in the plan, from 0
    start: dt.datetime
    end: dt.datetime
    updated: dt.datetime


def feed(shifts: Sequence[FeedShift], *, household_name: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Twofold//Night shifts//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    for shift in shifts:
        event = icalendar.Event()
        event.add("uid", f"night-{shift.plan_id}-{shift.member_id}-{shift.ordinal}@twofold")
        event.add("dtstamp", shift.updated.astimezone(dt.UTC))
        event.add("last-modified", shift.updated.astimezone(dt.UTC))
        event.add("dtstart", shift.start.astimezone(dt.UTC))
        event.add("dtend", shift.end.astimezone(dt.UTC))
        event.add("summary", SUMMARY)
        event.add("description", f"{household_name}: your night shift, from Twofold's night plan.")
        event.add("transp", "OPAQUE")
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical
