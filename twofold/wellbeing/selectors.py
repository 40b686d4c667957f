"""Scoped reads for screening. A result is seen by the member who took it, and by the other parents only
when shared; helpers never see one; other households get 404."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from twofold.households.models import Member
from twofold.households.selectors import still_a_member
from twofold.sealing import unseal
from twofold.wellbeing.models import Concern, EarlierResults, Screening


def own_screenings(*, member: Member) -> QuerySet[Screening]:
    return Screening.objects.filter(member=member)


def get_own_screening(*, member: Member, screening_id: int) -> Screening:
    screening = own_screenings(member=member).filter(pk=screening_id).first()
    if screening is None:
        raise Http404("No such questionnaire of yours.")
    return screening


def screenings_of_user(*, user_id: int) -> QuerySet[Screening]:
    """Every screening the user took, in any household, including those they have left or were removed
    from: their own answers stay theirs to read, download and delete."""
    return Screening.objects.filter(member__user_id=user_id).select_related("member", "household")


def former_screenings(*, user_id: int) -> QuerySet[Screening]:
    """Finished screenings the user took in households they are no longer in."""
    return screenings_of_user(user_id=user_id).filter(
        member__left_at__isnull=False, finished_at__isnull=False
    )


def get_screening_of_user(*, user_id: int, screening_id: int) -> Screening:
    screening = screenings_of_user(user_id=user_id).filter(pk=screening_id).first()
    if screening is None:
        raise Http404("No such questionnaire of yours.")
    return screening


def shown_to_joiner(*, joiner: Member | OuterRef, sharer: OuterRef, joined_at: Any) -> Exists:
    """The sharer said yes to showing this joining parent what they had shared before the joining."""
    return Exists(EarlierResults.objects.filter(sharer=sharer, joiner=joiner, joined_at=joined_at, show=True))


def seen_by(member: Member) -> Q:
    """Shared screenings this parent may read: shared since they joined, or earlier and then shown to them."""
    shown = shown_to_joiner(joiner=member, sharer=OuterRef("member"), joined_at=member.joined_at)
    return Q(shared_at__gte=member.joined_at) | Q(shown)


def shared_with(*, member: Member) -> QuerySet[Screening]:
    """Finished results other parents of the household chose to share with this parent. Results shared
    before this parent joined stay hidden until their sharer shows them (EarlierResults)."""
    if not member.is_parent:
        return Screening.objects.none()
    return (
        Screening.objects.filter(
            still_a_member("member"),
            seen_by(member),
            household_id=member.household_id,
            shared=True,
            finished_at__isnull=False,
            member__role="parent",
        )
        .exclude(member=member)
        .select_related("member")
    )


@dataclass(frozen=True)
class EarlierAsk:
    """One joining parent a sharer has results to decide about: shared before `joiner` joined."""

    joiner: Member
    count: int
    show: bool | None  # None: not asked yet


def earlier_results_asks(*, member: Member) -> list[EarlierAsk]:
    """For each current parent who joined after some of this parent's results were shared, how many
    and what the sharer said so far. Three queries, whatever the history."""
    others = list(
        Member.objects.current()
        .parents()
        .filter(household_id=member.household_id)
        .exclude(pk=member.pk)
        .order_by("joined_at", "id")
    )
    if not member.is_parent or not others:
        return []
    shared_times = [
        at
        for at in own_screenings(member=member)
        .filter(shared=True, finished_at__isnull=False)
        .values_list("shared_at", flat=True)
        if at is not None
    ]
    answers = {
        (answer.joiner_id, answer.joined_at): answer.show
        for answer in EarlierResults.objects.filter(sharer=member, joiner__in=others)
    }
    asks = []
    for other in others:
        count = sum(1 for at in shared_times if at < other.joined_at)
        if count:
            asks.append(EarlierAsk(other, count, answers.get((other.pk, other.joined_at))))
    return asks


def parents_who_see(*, screening: Screening) -> tuple[list[Member], list[Member]]:
    """For a shared result of one's own: the other current parents who see it, and those it is hidden
    from because they joined after it was shared and its sharer has not shown them yet."""
    seeing: list[Member] = []
    hidden: list[Member] = []
    if not screening.shared or screening.shared_at is None:
        return seeing, hidden
    sharer = screening.member
    asks = {ask.joiner.pk: ask for ask in earlier_results_asks(member=sharer)}
    for other in (
        Member.objects.current().parents().filter(household_id=sharer.household_id).exclude(pk=sharer.pk)
    ):
        ask = asks.get(other.pk)
        early = screening.shared_at < other.joined_at
        (hidden if early and not (ask and ask.show) else seeing).append(other)
    return seeing, hidden


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
