"""What the nights app puts on a member's Today: tonight's shifts in one line. One query.

Parents see everyone's shifts ("Sam 22:00–02:30, Alex 02:30–07:00") and a link to the plan. Nights are
the parents' pages (DESIGN.md), so a helper sees only their own shift, and only on a night they are on.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from twofold.db import Prepared, moment
from twofold.households.models import Member
from twofold.nights.models import Shift
from twofold.nights.presenters import shift_line
from twofold.nights.selectors import tonight

# Compiled once (see twofold.db.Prepared): Today is on every member's screen.
_TONIGHT = Prepared(
    lambda household, night: (
        Shift.objects.filter(plan__household_id=household, plan__night=night)
        .order_by("start")
        .values_list("member_id", "member__display_name", "start", "end", "plan_id")
    ),
    household=int,
    night=dt.date,
)


def today_context(*, member: Member, now: dt.datetime) -> dict[str, Any]:
    household = member.household
    day = tonight(household, now)
    rows = [
        (who, name, moment(start), moment(end), plan)
        for who, name, start, end, plan in _TONIGHT.fetch(household=household.pk, night=day)
    ]
    if not member.is_parent:
        rows = [r for r in rows if r[0] == member.pk]
    if not rows:
        if not member.is_parent:
            return {}
        # Only when there is no plan yet: the nudge speaks to a lone parent as one.
        alone = not household.members.current().parents().exclude(pk=member.pk).exists()
        return {"night": day, "parent": True, "alone": alone}
    return {
        "night": day,
        "parent": member.is_parent,
        "line": shift_line([(name, start, end) for _, name, start, end, _ in rows], household.zone),
        "plan_id": rows[0][4],
        "on_now": any(start <= now < end and who == member.pk for who, _, start, end, _ in rows),
    }
