"""What the circle adds to the Us page: help promised and given over the four weeks to the week's end, and
which parents are living elsewhere for now (their care counts above as always). Six queries at most."""

from __future__ import annotations

import datetime as dt
from typing import Any

from twofold.circle import rules, selectors
from twofold.households.models import Member
from twofold.insights.week import WeekReport


def us_context(*, member: Member, report: WeekReport, now: dt.datetime) -> dict[str, Any]:
    week_end = dt.datetime.combine(
        report.week.monday + dt.timedelta(days=7), dt.time(), tzinfo=member.household.zone
    )
    anchor = min(now, week_end)
    period = (
        "in the last four weeks"
        if anchor == now
        else f"in the four weeks to {anchor:%a} {anchor.day} {anchor:%b}"
    )
    rows = selectors.rows_for(
        member,
        anchor,
        since=anchor - dt.timedelta(weeks=rules.TALLY_WEEKS),
        until=anchor + dt.timedelta(weeks=rules.TALLY_WEEKS),
    )
    names = selectors.names_of(member.household_id)
    apart = list(
        Member.objects.current()
        .filter(household_id=member.household_id, role="parent", lives_apart=True)
        .values_list("display_name", flat=True)
    )
    lines = selectors.tallies(member, rows, names, anchor, period)
    if not lines and not apart:
        return {}
    return {"tallies": lines, "apart": apart}
