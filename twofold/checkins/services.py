"""Writes for check-ins. Pages and the API call these; every write checks the reveal rule itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from twofold.checkins.answers import cleaned
from twofold.checkins.models import (
    AGREEMENT_LIMIT,
    Agreement,
    AgreementReview,
    Checkin,
    CheckinSettings,
    Outcome,
    Weekday,
)
from twofold.checkins.reveal import everyone_answered
from twofold.checkins.selectors import WeekState, current_state, week_state
from twofold.households.models import Household, Member
from twofold.households.services import require_parent

ANSWERS_FIXED = (
    "This check-in has been revealed, so its answers are fixed. Next week's check-in is the place for "
    "anything new."
)
CHECKIN_CLOSED = "This check-in has closed. The check-in that is open now is on the Check-in page."
NOT_YOUR_AGREEMENT = "Only the parent who made an agreement can change or delete it."
AGREEMENT_CLOSED = "This agreement's week has begun, so it stays as it was made. Add a new one instead."
WRITE_SOMETHING = "Write what you will do, such as “I take the 2 a.m. feed on Monday, Wednesday and Friday”."
TOO_LONG = "Keep it to {limit} characters (this has {length})."
NOT_LAST_WEEKS = "You can only say how last week's agreements went, in this week's check-in."
CHOOSE_OUTCOME = "Say whether it was kept, partly kept or not kept."
NOT_A_DAY = "Choose a day of the week."
NOT_YOUR_ANSWER = "Only the parent who gave these answers can delete them."


def _lock(household: Household) -> None:
    # One writer per household at a time, so two parents answering together both see the reveal. On
    # PostgreSQL the row lock does it; SQLite ignores select_for_update, but there every write transaction
    # begins IMMEDIATE (settings.py) and so already waits for the one before it. Callers are atomic.
    Household.objects.select_for_update().filter(pk=household.pk).first()


def _open_state(member: Member, now: dt.datetime) -> WeekState:
    state = current_state(household=member.household, now=now)
    if state.revealed:
        raise ValidationError(ANSWERS_FIXED)
    return state


def _check_review_outcomes(reviews: Mapping[int, str]) -> None:
    bad = {
        f"review_{pk}": [CHOOSE_OUTCOME] for pk, outcome in reviews.items() if outcome not in Outcome.values
    }
    if bad:
        raise ValidationError(bad)


@transaction.atomic
def submit_checkin(
    *,
    member: Member,
    answers: Mapping[str, Any],
    reviews: Mapping[int, str] | None = None,
    now: dt.datetime | None = None,
) -> Checkin:
    """Answer, or change the answers to, the check-in open now. The last current parent to answer reveals
    the week to all of them; after that the answers are fixed."""
    now = now or timezone.now()
    require_parent(member)
    _lock(member.household)
    state = _open_state(member, now)
    checkin = state.own(member) or Checkin(
        household=member.household, member=member, week=state.monday, answered_at=now
    )
    checkin.seal(cleaned(answers))
    checkin.changed_at = now
    checkin.save()
    if reviews:
        _save_reviews(member=member, state=state, reviews=reviews, now=now)
    answered = {c.member_id for c in state.answers} | {member.pk}
    if everyone_answered(answered=answered, parents=[p.pk for p in state.parents]):
        Checkin.objects.filter(household=member.household, week=state.monday).update(revealed_at=now)
        checkin.revealed_at = now
    return checkin


def _save_reviews(*, member: Member, state: WeekState, reviews: Mapping[int, str], now: dt.datetime) -> None:
    _check_review_outcomes(reviews)
    last_week = state.monday - dt.timedelta(weeks=1)
    agreements = Agreement.objects.filter(household=member.household, week=last_week, pk__in=list(reviews))
    found = {a.pk: a for a in agreements}
    if set(reviews) - set(found):
        raise ValidationError({"agreement": [NOT_LAST_WEEKS]})
    for pk, outcome in reviews.items():
        _save_review(agreement=found[pk], member=member, outcome=Outcome(outcome), now=now)


def _save_review(
    *, agreement: Agreement, member: Member, outcome: Outcome, now: dt.datetime
) -> AgreementReview:
    """A parent's one review of an agreement, sealed: a new one, or their earlier one changed."""
    earlier = AgreementReview.objects.filter(agreement=agreement, reviewer=member).first()
    review = earlier or AgreementReview(agreement=agreement, reviewer=member)
    review.seal(outcome)
    review.answered_at = now
    review.save()
    return review


@transaction.atomic
def review_agreement(
    *, member: Member, agreement: Agreement, outcome: str, now: dt.datetime | None = None
) -> AgreementReview:
    """Say how one of last week's agreements went: part of this week's check-in, private until its reveal."""
    now = now or timezone.now()
    require_parent(member)
    _lock(member.household)
    state = _open_state(member, now)
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": [CHOOSE_OUTCOME]})
    if agreement.household_id != member.household_id or agreement.week != state.monday - dt.timedelta(
        weeks=1
    ):
        raise ValidationError({"agreement": [NOT_LAST_WEEKS]})
    return _save_review(agreement=agreement, member=member, outcome=Outcome(outcome), now=now)


def mark_read(*, member: Member, state: WeekState, now: dt.datetime | None = None) -> None:
    """The author has read the revealed week: Today stops saying it is ready."""
    own = state.own(member)
    if own is not None and state.revealed and own.read_at is None:
        own.read_at = now or timezone.now()
        Checkin.objects.filter(pk=own.pk).update(read_at=own.read_at)


def _agreement_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": [WRITE_SOMETHING]})
    if len(text) > AGREEMENT_LIMIT:
        raise ValidationError({"text": [TOO_LONG.format(limit=AGREEMENT_LIMIT, length=len(text))]})
    return text


@transaction.atomic
def add_agreement(*, member: Member, text: str, now: dt.datetime | None = None) -> Agreement:
    """An agreement for next week, made in the check-in open now and shared with the other parents at once."""
    now = now or timezone.now()
    require_parent(member)
    state = current_state(household=member.household, now=now)
    return Agreement.objects.create(
        household=member.household,
        author=member,
        week=state.monday,
        text=_agreement_text(text),
        created_at=now,
        changed_at=now,
    )


def _check_changeable(member: Member, agreement: Agreement, now: dt.datetime) -> None:
    require_parent(member)
    if agreement.author_id != member.pk:
        raise ValidationError(NOT_YOUR_AGREEMENT)
    state = week_state(household=member.household, monday=agreement.week, now=now)
    if state.window.has_closed(now):
        raise ValidationError(AGREEMENT_CLOSED)


@transaction.atomic
def change_agreement(
    *, member: Member, agreement: Agreement, text: str, now: dt.datetime | None = None
) -> Agreement:
    """Its author can reword it until the week it is for begins (the next check-in day)."""
    now = now or timezone.now()
    _check_changeable(member, agreement, now)
    agreement.text = _agreement_text(text)
    agreement.changed_at = now
    agreement.save(update_fields=["text", "changed_at"])
    return agreement


@transaction.atomic
def delete_agreement(*, member: Member, agreement: Agreement, now: dt.datetime | None = None) -> None:
    now = now or timezone.now()
    _check_changeable(member, agreement, now)
    agreement.delete()


def set_checkin_day(*, member: Member, day: int) -> CheckinSettings:
    require_parent(member)
    if day not in Weekday.values:
        raise ValidationError({"day": [NOT_A_DAY]})
    settings, _ = CheckinSettings.objects.update_or_create(household=member.household, defaults={"day": day})
    return settings


def _reviews_given_with(checkin: Checkin) -> QuerySet[AgreementReview]:
    """The reviews its author gave in the same check-in: those of the week before's agreements."""
    return AgreementReview.objects.filter(
        reviewer_id=checkin.member_id,
        agreement__household_id=checkin.household_id,
        agreement__week=checkin.week - dt.timedelta(weeks=1),
    )


@transaction.atomic
def delete_own_checkin(*, user_id: int, checkin: Checkin) -> None:
    """The parent who gave an answer deletes it, with the reviews given in that check-in, whichever
    household it was in and whether or not they are still a member. It goes from that week's check-in too."""
    if checkin.member.user_id != user_id:
        raise PermissionDenied(NOT_YOUR_ANSWER)
    # Under the household's lock, so a parent answering at the same moment reads the week without it.
    _lock(checkin.household)
    _reviews_given_with(checkin).delete()
    checkin.delete()


@transaction.atomic
def delete_all_own_checkins(*, user_id: int) -> tuple[int, int]:
    """Every check-in answer and review the user gave, in every household: (answers, reviews) deleted."""
    answers = Checkin.objects.filter(member__user_id=user_id)
    reviews = AgreementReview.objects.filter(reviewer__user_id=user_id)
    households = set(answers.values_list("household_id", flat=True))
    households |= set(reviews.values_list("agreement__household_id", flat=True))
    for household in Household.objects.filter(pk__in=households).order_by("pk"):
        _lock(household)
    _, reviews_gone = reviews.delete()
    _, answers_gone = answers.delete()
    return answers_gone.get(Checkin._meta.label, 0), reviews_gone.get(AgreementReview._meta.label, 0)
