"""When a check-in opens and closes: pure functions over dates, the household's zone and its check-in day.

A check-in looks back on one week, Monday to Sunday, household-local, like the Us page. It opens at
midnight at the start of the household's check-in day and stays open for seven days, until the next
check-in day; then it closes, and whatever was answered is revealed ("the week ends"). A day from Thursday
to Sunday opens the check-in of the week it falls in; Monday to Wednesday open the check-in of the week
just ended (so a check-in never looks back on a week that has barely begun). At any moment exactly one
check-in is open.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

# Thursday: the first day on which most of its own week has happened.
FIRST_SAME_WEEK_DAY = 3


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def opening_offset(checkin_day: int) -> int:
    """Days from the reviewed week's Monday to its check-in day (3 to 9)."""
    if not 0 <= checkin_day <= 6:
        raise ValueError("A check-in day is 0 (Monday) to 6 (Sunday).")
    return checkin_day if checkin_day >= FIRST_SAME_WEEK_DAY else checkin_day + 7


def opens_on(monday: dt.date, checkin_day: int) -> dt.date:
    return monday + dt.timedelta(days=opening_offset(checkin_day))


def open_week(today: dt.date, checkin_day: int) -> dt.date:
    """The Monday of the week whose check-in is open on this local date (for a household past its first)."""
    return monday_of(today - dt.timedelta(days=opening_offset(checkin_day)))


def midnight(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    # Each edge is its own local midnight converted to UTC: adding seven days to a UTC time across a clock
    # change would be an hour out, so a window over a DST change is 167 or 169 hours long, as lived.
    return dt.datetime.combine(day, dt.time.min, tzinfo=zone).astimezone(dt.UTC)


@dataclass(frozen=True)
class Window:
    monday: dt.date  # the week looked back on
    opens_on: dt.date  # local check-in day
    opens_at: dt.datetime  # UTC
    closes_at: dt.datetime  # UTC, not included: the next check-in day's midnight
    week_ends_at: dt.datetime  # UTC: the Monday after the week looked back on, local midnight

    @property
    def sunday(self) -> dt.date:
        return self.monday + dt.timedelta(days=6)

    def is_open(self, now: dt.datetime) -> bool:
        return self.opens_at <= now < self.closes_at

    def has_closed(self, now: dt.datetime) -> bool:
        return now >= self.closes_at


def window(monday: dt.date, checkin_day: int, zone: ZoneInfo) -> Window:
    first = opens_on(monday, checkin_day)
    return Window(
        monday,
        first,
        midnight(first, zone),
        midnight(first + dt.timedelta(days=7), zone),
        midnight(monday + dt.timedelta(days=7), zone),
    )


def current_window(
    now: dt.datetime, checkin_day: int, zone: ZoneInfo, first_monday: dt.date | None = None
) -> Window:
    """The check-in open at this moment. A household never looks back on a week before its own first one
    (`first_monday`, the Monday of the week it was made): until that week's check-in opens, the current
    check-in is that first one, not yet open."""
    monday = open_week(now.astimezone(zone).date(), checkin_day)
    if first_monday is not None and monday < first_monday:
        monday = first_monday
    return window(monday, checkin_day, zone)


def first_week(created_at: dt.datetime, zone: ZoneInfo) -> dt.date:
    """The Monday of the household-local week a household was made in."""
    return monday_of(created_at.astimezone(zone).date())
