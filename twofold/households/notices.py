"""Telling a removed member what happened, once, the next time they come in."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import HttpRequest
from django.utils import timezone

from twofold.households.models import Member

YOURS_STILL = "Your own screening results are still yours to read, download or delete."


def removals(*, user_id: int, unseen_only: bool = False) -> list[Member]:
    """The user's memberships that ended because a parent removed them, newest first."""
    found = (
        Member.objects.filter(user_id=user_id, left_at__isnull=False)
        .exclude(removed_by_name="")
        .select_related("household")
        .order_by("-left_at", "-id")
    )
    if unseen_only:
        found = found.filter(removal_seen_at__isnull=True)
    return list(found)


def removal_notice(member: Member) -> str:
    """“Alex removed you from Alex and Sam on 3 December.” in the household's own calendar."""
    on = (member.left_at or timezone.now()).astimezone(member.household.zone)
    return f"{member.removed_by_name} removed you from {member.household.name} on {on.day} {on:%B %Y}."


def mark_seen(members: list[Member], *, now: dt.datetime | None = None) -> None:
    unseen = [m.pk for m in members if m.removal_seen_at is None]
    if unseen:
        Member.objects.filter(pk__in=unseen).update(removal_seen_at=now or timezone.now())


def deliver(request: HttpRequest, *, user_id: int, has_household: bool) -> None:
    """Say each removal not yet told as a message on the next page. Someone left with no household is told
    by the page that asks them to start one (households:start), which stays as long as it is true."""
    if not has_household or not hasattr(request, "_messages"):
        # No household: the start page tells them. No message storage (a test's force_login, an API
        # token): nothing could be shown, so nothing is marked as told.
        return
    unseen = removals(user_id=user_id, unseen_only=True)
    for member in unseen:
        messages.info(request, f"{removal_notice(member)} {YOURS_STILL}")
    mark_seen(unseen)
