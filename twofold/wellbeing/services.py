"""Writes for screening: start or resume, answer one question, finish and score, share, raise a concern."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from twofold.audit.models import Action
from twofold.audit.services import record
from twofold.households.models import Member
from twofold.sealing import CannotUnseal, seal, unseal
from twofold.wellbeing.instruments import FREE_INSTRUMENTS, Instrument, get_instrument, licensed_epds
from twofold.wellbeing.models import Concern, EarlierResults, Screening, SharingChoice
from twofold.wellbeing.scoring import AnswerError, Result, score

# An unfinished screen older than this is not resumed: the recall window ("the last 2 weeks") has moved on.
RESUME_WITHIN = dt.timedelta(days=3)
NOT_OFFERED = "That questionnaire is not offered here."
ALREADY_FINISHED = "This questionnaire is already finished."
NOT_YOURS = "Only the parent who took a questionnaire can change it."


def offered_instruments(env: dict[str, str] | None = None) -> dict[str, Instrument]:
    """The questionnaires this deployment offers: the free ones, and the EPDS only with its licensed text."""
    offered = {i.key: i for i in FREE_INSTRUMENTS}
    epds = licensed_epds(env if env is not None else dict(os.environ))
    if epds is not None:
        offered[epds.key] = epds
    return offered


def _require_own(member: Member, screening: Screening) -> None:
    if screening.member_id != member.pk:
        raise PermissionDenied(NOT_YOURS)


def start_screening(*, member: Member, instrument: str, now: dt.datetime | None = None) -> Screening:
    """Start a questionnaire, or pick up the same one left unfinished in the last few days."""
    if instrument not in offered_instruments():
        raise ValidationError({"instrument": NOT_OFFERED})
    now = now or timezone.now()
    unfinished = (
        Screening.objects.filter(
            member=member,
            instrument=instrument,
            finished_at__isnull=True,
            started_at__gte=now - RESUME_WITHIN,
        )
        .order_by("-started_at")
        .first()
    )
    if unfinished is not None:
        return unfinished
    return Screening.objects.create(
        household_id=member.household_id,
        member=member,
        instrument=instrument,
        started_at=now,
        sealed_answers=seal({}),
    )


def answers_of(screening: Screening) -> dict[int, int]:
    """The answers so far; CannotUnseal when no configured key opens them (the pages say so)."""
    return {int(k): int(v) for k, v in unseal(screening.sealed_answers).items()}


def _answers_to_change(screening: Screening) -> dict[int, int]:
    # A write on answers no key opens is refused with the reason, not a 500.
    try:
        return answers_of(screening)
    except CannotUnseal as error:
        raise ValidationError(str(error)) from None


@transaction.atomic
def record_answer(*, member: Member, screening: Screening, item: int, position: int) -> Screening:
    """Keep one answer, so a parent can leave half way and come back to the next question."""
    _require_own(member, screening)
    if screening.finished_at is not None:
        raise ValidationError(ALREADY_FINISHED)
    instrument = offered_instruments()[screening.instrument]
    question = next((i for i in instrument.items if i.number == item), None)
    if question is None:
        raise ValidationError({"item": "There is no such question."})
    if position not in range(len(question.options)):
        raise ValidationError({"answer": "Choose one of the answers."})
    answers = _answers_to_change(screening)
    answers[item] = position
    screening.sealed_answers = seal(answers)
    screening.save(update_fields=["sealed_answers"])
    return screening


def result_document(result: Result) -> dict[str, Any]:
    """What is kept of a result: enough for the history and the trend, sealed with the answers."""
    return {
        "total": result.total,
        "max_total": result.max_total,
        "band": result.band.key,
        "band_label": result.band.label,
        "severity": result.band.severity,
        "safety_flag": result.safety_flag,
        "top_band": result.top_band,
        "follow_up": result.follow_up,
        "anxiety_flag": result.anxiety_flag,
    }


@dataclass(frozen=True)
class Finished:
    screening: Screening
    result: Result


@transaction.atomic
def finish_screening(*, member: Member, screening: Screening, now: dt.datetime | None = None) -> Finished:
    """Score the answers for this parent (cut-offs by gave_birth where the evidence differs) and keep it."""
    _require_own(member, screening)
    if screening.finished_at is not None:
        raise ValidationError(ALREADY_FINISHED)
    instrument = offered_instruments()[screening.instrument]
    try:
        result = score(instrument, _answers_to_change(screening), member.gave_birth)
    except AnswerError as error:
        raise ValidationError({"answers": str(error)}) from None
    screening.finished_at = now or timezone.now()
    screening.sealed_result = seal(result_document(result))
    choice = SharingChoice.objects.filter(member=member).first()
    screening.shared = bool(choice and choice.share_future)
    screening.shared_at = screening.finished_at if screening.shared else None
    screening.save(update_fields=["finished_at", "sealed_result", "shared", "shared_at"])
    return Finished(screening, result)


def _other_parents(member: Member) -> list[Member]:
    return list(
        Member.objects.current()
        .parents()
        .filter(household_id=member.household_id)
        .exclude(pk=member.pk)
        .select_related("user")
    )


def _record_sharing(*, member: Member, on: bool, detail: str, joiner: Member | None = None) -> None:
    """Sharing switched on or off: kept for the sharer and the parents it is shared with (or no longer);
    for a joiner's earlier results, for the sharer and that joiner, about the joiner."""
    people = [joiner] if joiner is not None else _other_parents(member)
    record(
        action=Action.SHARING_ON if on else Action.SHARING_OFF,
        actor=member.user,
        actor_name=member.display_name,
        concerns=[member.user, *(other.user for other in people)],
        household=member.household,
        detail=detail,
        about=joiner.user if joiner is not None else None,
        about_name=joiner.display_name if joiner is not None else "",
    )


@transaction.atomic
def share_screening(
    *, member: Member, screening: Screening, shared: bool, now: dt.datetime | None = None
) -> Screening:
    """Share one result with the other parents, or stop. Sharing again dates the share anew, so a parent
    who joined meanwhile sees it: the sharer chose to, knowing they are here."""
    _require_own(member, screening)
    if screening.shared == shared:
        return screening
    screening.shared = shared
    screening.shared_at = (now or timezone.now()) if shared else None
    screening.save(update_fields=["shared", "shared_at"])
    what = f"{get_instrument(screening.instrument).short_name} result"
    _record_sharing(member=member, on=shared, detail=f"{'Shared' if shared else 'Stopped sharing'} a {what}")
    return screening


@transaction.atomic
def set_share_future(*, member: Member, share: bool) -> SharingChoice:
    before = SharingChoice.objects.filter(member=member).first()
    choice, _ = SharingChoice.objects.update_or_create(member=member, defaults={"share_future": share})
    if bool(before and before.share_future) != share:
        detail = "Shares future results" if share else "Stopped sharing future results"
        _record_sharing(member=member, on=share, detail=detail)
    return choice


@transaction.atomic
def decide_earlier_results(
    *, member: Member, joiner: Member, show: bool, now: dt.datetime | None = None
) -> EarlierResults:
    """The sharer's answer for a parent who joined after some of their results were shared."""
    if (
        joiner.pk == member.pk
        or joiner.household_id != member.household_id
        or not joiner.is_parent
        or not joiner.is_active
    ):
        raise ValidationError({"joiner": "Choose another parent in your household."})
    before = EarlierResults.objects.filter(sharer=member, joiner=joiner, joined_at=joiner.joined_at).first()
    answer, _ = EarlierResults.objects.update_or_create(
        sharer=member,
        joiner=joiner,
        joined_at=joiner.joined_at,
        defaults={"show": show, "decided_at": now or timezone.now()},
    )
    was_shown = bool(before and before.show)
    if was_shown != show:
        detail = (
            f"Showed results shared before {joiner.display_name} joined"
            if show
            else f"Hid again results shared before {joiner.display_name} joined"
        )
        _record_sharing(member=member, on=show, detail=detail, joiner=joiner)
    return answer


def delete_screening(*, user_id: int, screening: Screening) -> None:
    """The parent who took a questionnaire deletes it, answers and all, whichever household it was in."""
    if screening.member.user_id != user_id:
        raise PermissionDenied(NOT_YOURS)
    screening.delete()


def raise_concern(*, member: Member, about: Member, now: dt.datetime | None = None) -> Concern:
    """A parent says they are worried about another parent. Nothing about any result is used or shown."""
    if not member.is_parent or not about.is_parent or about.household_id != member.household_id:
        raise ValidationError({"about": "Choose the other parent in your household."})
    if about.pk == member.pk:
        raise ValidationError({"about": "To check on yourself, take a questionnaire from the menu."})
    open_concern = Concern.objects.filter(about=about, closed_at__isnull=True).first()
    if open_concern is not None:
        return open_concern
    return Concern.objects.create(
        household_id=member.household_id, raised_by=member, about=about, raised_at=now or timezone.now()
    )


def close_concern(*, member: Member, concern: Concern, now: dt.datetime | None = None) -> None:
    """The parent the concern is about dismisses the invitation (or took a check)."""
    if concern.about_id != member.pk:
        raise PermissionDenied("Only the parent it is about can close this.")
    concern.closed_at = now or timezone.now()
    concern.save(update_fields=["closed_at"])
