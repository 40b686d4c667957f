"""Scoped reads for screening. A result is seen by the member who took it, and by the other parents only
when shared; helpers never see one; other households get 404."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from twofold.households.models import Member
from twofold.households.selectors import still_a_member
from twofold.sealing import unseal
from twofold.wellbeing.models import Concern, Screening


def own_screenings(*, member: Member) -> QuerySet[Screening]:
    return Screening.objects.filter(member=member)


def get_own_screening(*, member: Member, screening_id: int) -> Screening:
    screening = own_screenings(member=member).filter(pk=screening_id).first()
    if screening is None:
        raise Http404("No such questionnaire of yours.")
    return screening


def shared_with(*, member: Member) -> QuerySet[Screening]:
    """Finished results other parents of the household chose to share with this parent."""
    if not member.is_parent:
        return Screening.objects.none()
    return (
        Screening.objects.filter(
            still_a_member("member"),
            household_id=member.household_id,
            shared=True,
            finished_at__isnull=False,
            member__role="parent",
        )
        .exclude(member=member)
        .select_related("member")
    )


def get_visible_screening(*, member: Member, screening_id: int) -> Screening:
    """The member's own screening, or a finished one another parent shared with them; else 404."""
    screening = own_screenings(member=member).filter(pk=screening_id).first()
    if screening is None:
        screening = shared_with(member=member).filter(pk=screening_id).first()
    if screening is None:
        raise Http404("No such result.")
    return screening


def stored_result(screening: Screening) -> dict[str, Any] | None:
    return unseal(screening.sealed_result) if screening.sealed_result else None


def open_concern_about(*, member: Member) -> Concern | None:
    return Concern.objects.filter(about=member, closed_at__isnull=True).select_related("raised_by").first()


def other_parents(*, member: Member) -> list[Member]:
    """The current parents a concern can be about: everyone who parents here but the one raising it."""
    return list(
        Member.objects.current()
        .parents()
        .filter(household_id=member.household_id)
        .exclude(pk=member.pk)
        .order_by("joined_at", "id")
    )


def latest_concern_raised_by(*, member: Member) -> Concern | None:
    return (
        Concern.objects.filter(raised_by=member, household_id=member.household_id)
        .select_related("about")
        .first()
    )


def get_open_concern_about(*, member: Member, concern_id: int) -> Concern:
    """An invitation the member may put aside: only the parent it is about; anyone else gets 404."""
    concern = Concern.objects.filter(pk=concern_id, household_id=member.household_id, about=member).first()
    if concern is None:
        raise Http404("No such invitation for you.")
    return concern
