"""What the checkins app adds to the household's export (see care/export.py).

Revealed check-ins, every agreement, and the reviews of agreements whose check-in has been revealed.
An answer (or a review) that has not been revealed is private to the parent who gave it, so it stays out
of the household's export: an export by the other parent must not show what the reveal would not.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from twofold.care.export import utc_text
from twofold.checkins.answers import ANSWER_FIELDS, ANSWERS_SEALED
from twofold.checkins.models import Agreement, Weekday
from twofold.checkins.selectors import checkin_day_of, revealed_weeks
from twofold.households.models import Household
from twofold.insights.periods import iso_week


def export_section(household: Household) -> Any:
    now = timezone.now()
    weeks = revealed_weeks(household=household, now=now)
    revealed = {state.monday for state in weeks}
    agreements = (
        Agreement.objects.filter(household=household)
        .select_related("author")
        .prefetch_related("reviews__reviewer")
        .order_by("week", "created_at", "id")
    )
    return {
        "checkin_day": Weekday(checkin_day_of(household)).label,
        "weeks": [
            {
                "week": iso_week(state.monday),
                "first_day": state.monday.isoformat(),
                "answers": [
                    {
                        "by": {"id": c.member_id, "name": c.member.display_name},
                        **(c.opened.document() if c.opened else dict.fromkeys(ANSWER_FIELDS)),
                        "sealed_note": None if c.opened else ANSWERS_SEALED,
                        "answered_at": utc_text(c.answered_at),
                        "changed_at": utc_text(c.changed_at),
                    }
                    for c in state.answers
                ],
            }
            for state in sorted(weeks, key=lambda s: s.monday)
        ],
        "agreements": [
            {
                "id": a.pk,
                "week": iso_week(a.week),
                "by": {"id": a.author_id, "name": a.author.display_name},
                "text": a.text,
                "created_at": utc_text(a.created_at),
                "reviews": [
                    {
                        "by": {"id": r.reviewer_id, "name": r.reviewer.display_name},
                        "outcome": r.outcome,
                        "sealed_note": None if r.outcome else ANSWERS_SEALED,
                    }
                    for r in a.reviews.all()
                ]
                if _next_week(a) in revealed
                else [],
            }
            for a in agreements
        ],
    }


def _next_week(agreement: Agreement) -> dt.date:
    return agreement.week + dt.timedelta(weeks=1)
