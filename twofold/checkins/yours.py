"""A parent's own check-in answers across every household they answered in, as the page and the download
show them: their answers and their reviews only, never another parent's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from twofold.care.export import utc_text
from twofold.checkins.answers import ANSWER_FIELDS, ANSWERS_SEALED, REVIEW_SEALED
from twofold.checkins.models import AgreementReview, Checkin
from twofold.checkins.presenters import Row, own_rows, week_text
from twofold.households.models import Household
from twofold.insights.periods import iso_week


@dataclass(frozen=True)
class Reviewed:
    """How the parent said one agreement went."""

    agreement: str
    outcome: str


@dataclass
class OwnWeek:
    """One week's check-in as the parent answered it: the answers (if any are left) and the reviews."""

    monday: dt.date
    answer: Checkin | None = None
    reviews: list[Reviewed] = field(default_factory=list)

    @property
    def text(self) -> str:
        return week_text(self.monday)

    @property
    def rows(self) -> list[Row]:
        return own_rows(self.answer) if self.answer is not None else []

    @property
    def sealed_note(self) -> str | None:
        return ANSWERS_SEALED if self.answer is not None and self.answer.opened is None else None


@dataclass
class OwnHousehold:
    household: Household
    still_in: bool
    weeks: list[OwnWeek]


def _review_week(review: AgreementReview) -> dt.date:
    # A review is an answer of the check-in after its agreement's week.
    return review.agreement.week + dt.timedelta(weeks=1)


def by_household(answers: Iterable[Checkin], reviews: Iterable[AgreementReview]) -> list[OwnHousehold]:
    """By household name, then newest week first; a week's reviews sit beside that week's answers."""
    households: dict[int, tuple[Household, bool]] = {}
    weeks: dict[tuple[int, dt.date], OwnWeek] = {}
    for answer in answers:
        households.setdefault(answer.household_id, (answer.household, False))
        if answer.member.is_active:
            households[answer.household_id] = (answer.household, True)
        weeks.setdefault((answer.household_id, answer.week), OwnWeek(answer.week)).answer = answer
    for review in reviews:
        household = review.agreement.household
        households.setdefault(household.pk, (household, False))
        if review.reviewer.is_active:
            households[household.pk] = (household, True)
        week = weeks.setdefault((household.pk, _review_week(review)), OwnWeek(_review_week(review)))
        week.reviews.append(Reviewed(review.agreement.text, review.outcome_label))
    return [
        OwnHousehold(
            household,
            still_in,
            sorted((w for (h, _), w in weeks.items() if h == pk), key=lambda w: w.monday, reverse=True),
        )
        for pk, (household, still_in) in sorted(households.items(), key=lambda i: (i[1][0].name, i[0]))
    ]


def answer_document(answer: Checkin) -> dict[str, Any]:
    opened = answer.opened
    return {
        "id": answer.pk,
        "household_name": answer.household.name,
        "week": iso_week(answer.week),
        "first_day": answer.week.isoformat(),
        **(opened.document() if opened else dict.fromkeys(ANSWER_FIELDS)),
        "sealed_note": None if opened else ANSWERS_SEALED,
        "answered_at": utc_text(answer.answered_at),
        "changed_at": utc_text(answer.changed_at),
    }


def review_document(review: AgreementReview) -> dict[str, Any]:
    return {
        "household_name": review.agreement.household.name,
        "week": iso_week(_review_week(review)),
        "agreement": review.agreement.text,
        "outcome": review.outcome,
        "sealed_note": None if review.outcome else REVIEW_SEALED,
        "answered_at": utc_text(review.answered_at),
    }


def own_document(answers: Iterable[Checkin], reviews: Iterable[AgreementReview], now: dt.datetime) -> Any:
    """The download: the parent's own answers and reviews, newest week first."""
    return {
        "downloaded_at": utc_text(now),
        "answers": [answer_document(a) for a in sorted(answers, key=lambda a: (a.week, a.pk), reverse=True)],
        "agreement_reviews": [
            review_document(r) for r in sorted(reviews, key=lambda r: (r.agreement.week, r.pk), reverse=True)
        ],
    }
