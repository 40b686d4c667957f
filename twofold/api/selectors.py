"""What an API caller can reach: the objects of every household where they are still a member.

A person may belong to several households (a parent helping a sibling, say), so the API is scoped by
the user's active memberships rather than by the one household the pages have chosen. Anything outside
that scope is simply absent: lookups raise 404 and related ids read as unknown.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from twofold.care.details import DETAIL_RELATIONS
from twofold.care.models import CareEvent
from twofold.households.models import Child, Member
from twofold.households.selectors import active_memberships, household_ids_for_user

User = AbstractBaseUser | AnonymousUser


def _households(user: User) -> QuerySet[Member]:
    return household_ids_for_user(user_id=user.pk)


def children_for_user(*, user: User) -> QuerySet[Child]:
    return Child.objects.filter(household_id__in=_households(user)).select_related("household")


def members_for_user(*, user: User, include_former: bool = True) -> QuerySet[Member]:
    """Former members stay listed (flagged inactive): the log still names them as who did the care."""
    members = Member.objects.filter(household_id__in=_households(user))
    return members if include_former else members.filter(left_at__isnull=True)


def events_for_user(*, user: User, include_deleted: bool = False) -> QuerySet[CareEvent]:
    events = CareEvent.objects.filter(household_id__in=_households(user))
    if not include_deleted:
        events = events.filter(deleted_at__isnull=True)
    return events.select_related("household", "child", "by", "logged_by", *DETAIL_RELATIONS).order_by(
        "-start", "-id"
    )


def running_timers_for_user(*, user: User) -> QuerySet[CareEvent]:
    return events_for_user(user=user).filter(running=True).order_by("start", "id")


def acting_member(*, user: User, household_id: int) -> Member:
    """The caller's own membership in a household: services act as this member there."""
    member = active_memberships(user_id=user.pk).filter(household_id=household_id).first()
    if member is None:
        raise Http404("You are not a member of this household.")
    return member
