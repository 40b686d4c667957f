"""What the checkins app adds to the Us page for one week: the check-in's estimates beside the log above,
once revealed, and the agreements that were for that week with whether they were kept.

The Us page is the heaviest page parents open, so this part reads plain rows in two compiled queries (see
twofold.db.Prepared): the check-in day with the week's answers, then last week's agreements with their
reviews. Names and who the current parents are come from the week's report, which has already read every
member. Who may see what is still decided by reveal.py, exactly as on the check-in page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import FilteredRelation, Q

from twofold.checkins import presenters, reveal
from twofold.checkins.answers import REVIEW_SEALED
from twofold.checkins.models import Agreement, Weekday, opened_answers, opened_outcome
from twofold.checkins.schedule import window
from twofold.db import Prepared
from twofold.households.models import Household, Member
from twofold.insights.periods import iso_week
from twofold.insights.week import WeekReport

# One row per answer of the week, or one row of nulls when there is none: the day comes either way.
_WEEK = Prepared(
    lambda household, monday: (
        Household.objects.filter(pk=household)
        .annotate(answer=FilteredRelation("checkins", condition=Q(checkins__week=monday)))
        .order_by("answer__member_id")
        .values_list(
            "checkin_settings__day", "answer__member_id", "answer__sealed_answers", "answer__revealed_at"
        )
    ),
    household=int,
    monday=dt.date,
)
# One row per review (or one with nulls for an agreement without any), in the check-in page's order.
_AGREEMENTS = Prepared(
    lambda household, week: (
        Agreement.objects.filter(household_id=household, week=week)
        .order_by("created_at", "id", "reviews__answered_at", "reviews__id")
        .values_list("pk", "author_id", "text", "reviews__reviewer_id", "reviews__sealed_outcome")
    ),
    household=int,
    week=dt.date,
)


@dataclass(frozen=True)
class UsAgreement:
    author: str
    text: str
    reviews: tuple[str, ...]  # "Alex: kept", only those the viewer may see


def _answers(rows: Sequence[tuple[Any, ...]]) -> tuple[dict[int, str], bool]:
    """The week's sealed answers by member, and whether a reveal was already stored for it."""
    by_member = {member_id: answers for _, member_id, answers, _ in rows if member_id is not None}
    return by_member, any(row[-1] is not None for row in rows)


def _agreements(
    rows: Sequence[tuple[Any, ...]], names: dict[int, str], *, viewer: int, reviews_revealed: bool
) -> list[UsAgreement]:
    """Agreements are shared at once; a review is its author's alone until this week's reveal."""
    found: dict[int, tuple[int, str, list[str]]] = {}
    for pk, author_id, text, reviewer_id, sealed in rows:
        _, _, reviews = found.setdefault(pk, (author_id, text, []))
        if reviewer_id is not None and (reviews_revealed or reviewer_id == viewer):
            outcome = opened_outcome(sealed)
            label = REVIEW_SEALED if outcome is None else outcome.label.lower()
            reviews.append(f"{names.get(reviewer_id, '')}: {label}")
    return [UsAgreement(names.get(a, ""), text, tuple(r)) for a, text, r in found.values()]


def us_context(*, member: Member, report: WeekReport, now: dt.datetime) -> dict[str, Any]:
    """The week's own check-in (its answers only when revealed) and the agreements made the week before
    for this week, with the reviews of this week's check-in (each parent's own, the others' once revealed)."""
    if not member.is_parent:
        return {}
    household = member.household
    monday = report.week.monday
    names = {p.id: p.name for p in report.people}
    rows = _WEEK.fetch(household=household.pk, monday=monday)
    day = rows[0][0] if rows and rows[0][0] is not None else Weekday.SUNDAY
    answers, recorded = _answers(rows)
    revealed = reveal.is_revealed(
        answered=list(answers),
        parents=[p.id for p in report.people if p.is_parent],
        closes_at=window(monday, day, household.zone).closes_at,
        now=now,
        recorded=recorded,
    )
    # Opened only once revealed, and only what the viewer may see: the page's one decryption per parent.
    visible, sealed = [], []
    for member_id, sealed_answers in answers.items() if revealed else ():
        if reveal.can_see(viewer=member.pk, author=member_id, revealed=revealed):
            opened = opened_answers(sealed_answers)
            name = names.get(member_id, "")
            if opened is None:
                sealed.append(presenters.sealed_note(name))
            else:
                visible.append(presenters.said(member_id, name, opened))
    agreements = _agreements(
        _AGREEMENTS.fetch(household=household.pk, week=monday - dt.timedelta(weeks=1)),
        names,
        viewer=member.pk,
        reviews_revealed=revealed,
    )
    return {
        "week": iso_week(monday),
        "revealed": revealed,
        "rows": presenters.side_by_side(visible, None) if visible else [],
        "answers": visible,
        "names": [a.name for a in visible],
        "answered": member.pk in answers,
        "sealed": sealed,
        "agreements": agreements,
    }
