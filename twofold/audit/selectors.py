"""Reading the audit trail: a person sees the entries that concern them, and no one else's.

Entries are found through `concerns`, never through a current membership, so what happened in a household
a person has since left (or that was deleted) stays in their activity.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from django.db.models import QuerySet

from twofold.audit import words
from twofold.audit.models import AuditEntry


def entries_for(*, user_id: int | None) -> QuerySet[AuditEntry]:
    """The entries that concern this user, newest first; none for an anonymous caller."""
    if user_id is None:
        return AuditEntry.objects.none()
    return AuditEntry.objects.filter(concerns__id=user_id).select_related("household").order_by("-at", "-id")


@dataclass(frozen=True)
class Activity:
    """One entry as its reader sees it, with the time in the household's own zone."""

    id: int
    at: dt.datetime
    action: str
    words: str
    detail: str
    household_id: int | None
    household_name: str
    actor_name: str
    actor_is_you: bool
    about_name: str
    about_is_you: bool


def as_activity(entry: AuditEntry, *, user_id: int | None, zone: zoneinfo.ZoneInfo) -> Activity:
    """`zone` is for an entry whose household is gone; otherwise the household's own zone is used."""
    plain = words.Entry(
        action=entry.action,
        actor_name=entry.actor_name,
        actor_is_you=user_id is not None and entry.actor_id == user_id,
        about_name=entry.about_name,
        about_is_you=user_id is not None and entry.about_id == user_id,
        household_name=entry.household_name,
        detail=entry.detail,
    )
    local = entry.household.zone if entry.household is not None else zone
    return Activity(
        id=entry.pk,
        at=entry.at.astimezone(local),
        action=entry.action,
        words=words.sentence(plain),
        detail=words.detail_line(plain),
        household_id=entry.household_id,
        household_name=entry.household_name,
        actor_name=entry.actor_name,
        actor_is_you=plain.actor_is_you,
        about_name=entry.about_name,
        about_is_you=plain.about_is_you,
    )
