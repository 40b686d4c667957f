"""Scoped reads. Every fetch of household data starts from the current member; others' objects are 404."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from django.http import Http404

from twofold.households.invitations import LISTED_FOR
from twofold.households.models import Child, Household, Invitation, Member, MemberQuerySet, Role


def still_a_member(relation: str) -> Q:
    """Rows whose member, reached through `relation` ("member", "raised_by"), has not left the household."""
    return Q(**{f"{relation}__left_at__isnull": True})


def active_memberships(*, user_id: int | None) -> MemberQuerySet:
    """A user's current memberships; an anonymous visitor (no id) has none."""
    if user_id is None:
        return Member.objects.none()
    return Member.objects.current().select_related("household").filter(user_id=user_id)


def former_memberships(*, user_id: int | None) -> MemberQuerySet:
    """The households a user has left or was removed from (rows outlive leaving); none for no user."""
    if user_id is None:
        return Member.objects.none()
    return Member.objects.filter(user_id=user_id, left_at__isnull=False)


def current_parents(*, household_id: int) -> QuerySet[Member]:
    return Member.objects.current().parents().filter(household_id=household_id)


def has_current_helpers(*, household_id: int) -> bool:
    return Member.objects.current().filter(household_id=household_id, role=Role.HELPER).exists()


def current_member(*, user_id: int, household_id: int | None) -> Member | None:
    """The member the user acts as: the chosen household if still theirs, else their first."""
    memberships = active_memberships(user_id=user_id).order_by("joined_at", "id")
    if household_id is not None:
        chosen = memberships.filter(household_id=household_id).first()
        if chosen is not None:
            return chosen
    return memberships.first()


def household_ids_for_user(*, user_id: int | None) -> QuerySet[Member, int]:
    return active_memberships(user_id=user_id).values_list("household_id", flat=True)


def children_of(*, household: Household) -> QuerySet[Child]:
    return Child.objects.filter(household=household)


def members_of(*, household: Household, include_former: bool = False) -> QuerySet[Member]:
    members = Member.objects.filter(household=household)
    return members if include_former else members.current()


def get_child_for_member(*, member: Member, child_id: int) -> Child:
    child = Child.objects.filter(household_id=member.household_id, pk=child_id).first()
    if child is None:
        raise Http404("No such child in your household.")
    return child


def get_member_for_member(*, member: Member, member_id: int) -> Member:
    other = Member.objects.filter(household_id=member.household_id, pk=member_id).first()
    if other is None:
        raise Http404("No such member in your household.")
    return other


def get_invitation_for_member(*, member: Member, invitation_id: int) -> Invitation:
    invitation = Invitation.objects.filter(household_id=member.household_id, pk=invitation_id).first()
    if invitation is None:
        raise Http404("No such invitation in your household.")
    return invitation


def recent_invitations(*, household: Household, now: dt.datetime) -> QuerySet[Invitation]:
    """The household's invitations made in the last LISTED_FOR: the open ones and those that ended, so a
    parent sees that a link expired, was withdrawn or was used."""
    return Invitation.objects.filter(household=household, created_at__gte=now - LISTED_FOR).select_related(
        "created_by", "accepted_by"
    )
