"""Hand-built logs for the bonding tests: crying spells and time together, at local times."""

from __future__ import annotations

import datetime as dt

from twofold.care.services import log_care_event
from twofold.households.models import Child, Member


def at(child: Child, day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=child.household.zone)


def cry(member: Member, child: Child, start: dt.datetime, minutes: int, *, tried=(), outcome="", **kw):
    return log_care_event(
        member=member,
        child=child,
        kind="settle",
        start=start,
        end=start + dt.timedelta(minutes=minutes),
        details={"tried": list(tried), "outcome": outcome},
        now=start + dt.timedelta(minutes=minutes, seconds=1),
        **kw,
    ).event
