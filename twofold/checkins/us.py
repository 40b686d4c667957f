"""What the checkins app adds to the Us page for one week: the check-in's estimates beside the log above,
once revealed, and the agreements that were for that week with whether they were kept."""

from __future__ import annotations

import datetime as dt
from typing import Any

from twofold.checkins import presenters
from twofold.checkins.selectors import agreements_of, week_state
from twofold.households.models import Member
from twofold.insights.periods import iso_week
from twofold.insights.week import WeekReport


def us_context(*, member: Member, report: WeekReport, now: dt.datetime) -> dict[str, Any]:
    """The week's own check-in (its answers only when revealed) and the agreements made the week before
    for this week, with the reviews of this week's check-in (each parent's own, the others' once revealed)."""
    if not member.is_parent:
        return {}
    household = member.household
    monday = report.week.monday
    state = week_state(household=household, monday=monday, now=now)
    answers = state.visible_to(member) if state.revealed else []
    agreements = agreements_of(household=household, monday=monday - dt.timedelta(weeks=1))
    return {
        "week": iso_week(monday),
        "revealed": state.revealed,
        "rows": presenters.side_by_side(answers, None) if answers else [],
        "answers": answers,
        "answered": state.own(member) is not None,
        "agreements": presenters.agreement_rows(
            agreements, viewer=member, reviews_revealed=state.revealed, changeable=False
        ),
    }
