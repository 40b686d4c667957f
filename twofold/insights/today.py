"""What the readings put on Today: the short-sleep card both parents see (helpers never do)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from twofold.households.models import Member
from twofold.insights.selectors import sleep_warning_for


def today_context(*, member: Member, now: dt.datetime) -> dict[str, Any]:
    if not member.is_parent:
        return {"sleep_warning": None}
    return {"sleep_warning": sleep_warning_for(household=member.household, now=now)}
