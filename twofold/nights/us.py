"""What the nights app adds to the Us page for one week: each planned night, planned against what happened.

Nothing (one query) in a week without plans; otherwise three queries: the plans, their shifts and the names.
The week's care comes with the Us page's own report, which has just read it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from twofold.households.models import Member
from twofold.insights.week import WeekReport
from twofold.nights.against import Fit, compare
from twofold.nights.explain import duration
from twofold.nights.models import NightPlan
from twofold.nights.presenters import shift_line
from twofold.nights.selectors import member_names, night_for, planned_blocks


def us_context(*, member: Member, report: WeekReport, now: dt.datetime) -> dict[str, Any]:
    household = member.household
    monday = report.week.monday
    plans = list(
        NightPlan.objects.filter(
            household=household, night__gte=monday, night__lte=monday + dt.timedelta(days=6)
        )
        .prefetch_related("shifts")
        .order_by("night")
    )
    begun = [(p, night_for(household, p.night)) for p in plans]
    begun = [(p, n) for p, n in begun if n.start <= now]
    if not begun:
        return {}
    names = member_names(household)
    lo, hi = begun[0][1].start, begun[-1][1].end
    spans = [s for s in report.spans if lo <= s.start < hi]
    rows = []
    for plan, night in begun:
        shifts = [(s.member_id, s.start, s.end) for s in plan.shifts.all()]
        compared = compare(spans, night, shifts=shifts, planned=planned_blocks(plan), now=now)
        rows.append(
            {
                "plan": plan,
                "line": shift_line([(names.get(m, "?"), a, b) for m, a, b in shifts], household.zone)
                or "no plan fitted",
                "as_planned": compared.count(Fit.AS_PLANNED),
                "wakings": len(compared.wakings),
                "ended": compared.ended,
                "sleep": [
                    f"{names.get(s.member_id, '?')} {duration(s.actual)} of {duration(s.planned)} planned"
                    for s in compared.sleep
                ],
            }
        )
    return {"rows": rows}
