"""What the bonding app puts on a member's Today: one suggestion a day for a parent with an active plan.

Two queries at most (the member's open plans, then their days); none for helpers or a parent without a plan.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from twofold.bonding import selectors
from twofold.bonding.reports import suggestion_of
from twofold.households.models import Member


def today_context(*, member: Member, now: dt.datetime) -> dict[str, Any]:
    if not member.is_parent:
        return {}
    plans = selectors.active_plans_for_today(member=member)
    if not plans:
        return {}
    days = selectors.active_days_for_today(member=member)
    today = now.astimezone(member.household.zone).date()
    return {
        "suggestions": [suggestion_of(plan, days, today) for plan in plans],
        "client_id": uuid.uuid4(),
    }
