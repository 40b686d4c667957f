"""What the care log puts on Today: each child's day (totals and timeline) and the running timers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from twofold.care import selectors
from twofold.care.timeline import timeline
from twofold.households.models import Member
from twofold.households.units import units_of


def today_context(*, member: Member, now: dt.datetime) -> dict[str, Any]:
    days, running = selectors.today(member=member, now=now)
    household = member.household
    for day in days:
        day.items = timeline(
            day.events,
            zone=household.zone,
            locale=household.locale,
            unit=household.volume_unit,
            measures=units_of(household),
        )
    return {"days": days, "running": running}
