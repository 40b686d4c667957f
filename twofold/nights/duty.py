"""Who is on duty right now by tonight's plan: for Quick log's "who is doing it" (care/hooks.py)."""

from __future__ import annotations

import datetime as dt

from twofold.db import Prepared
from twofold.households.context import in_night
from twofold.households.models import Household
from twofold.nights.models import Shift
from twofold.nights.selectors import tonight

# Compiled once (twofold.db.Prepared): Quick log is the page tapped at night.
_ON_DUTY = Prepared(
    lambda household, night, now: (
        Shift.objects.filter(plan__household_id=household, plan__night=night, start__lte=now, end__gt=now)
        .order_by("start")
        .values_list("member_id")[:1]
    ),
    household=int,
    night=dt.date,
    now=dt.datetime,
)


def on_duty_now(household: Household, now: dt.datetime) -> int | None:
    """The member whose shift of tonight's plan holds `now`, inside the household's night window; else None.

    No query outside the night window: Quick log is read all day.
    """
    local = now.astimezone(household.zone).time()
    if not in_night(local, household.night_start, household.night_end):
        return None
    rows = _ON_DUTY.fetch(household=household.pk, night=tonight(household, now), now=now)
    return int(rows[0][0]) if rows else None
