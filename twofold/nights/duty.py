"""Who is on duty right now by tonight's plan: for Quick log's "who is doing it" (care/hooks.py)."""

from __future__ import annotations

import datetime as dt

from twofold.households.context import in_night
from twofold.households.models import Household
from twofold.nights.models import Shift
from twofold.nights.selectors import tonight


def on_duty_now(household: Household, now: dt.datetime) -> int | None:
    """The member whose shift of tonight's plan holds `now`, inside the household's night window; else None.

    No query outside the night window: Quick log is read all day.
    """
    local = now.astimezone(household.zone).time()
    if not in_night(local, household.night_start, household.night_end):
        return None
    return (
        Shift.objects.filter(
            plan__household_id=household.pk, plan__night=tonight(household, now), start__lte=now, end__gt=now
        )
        .order_by("start")
        .values_list("member_id", flat=True)
        .first()
    )
