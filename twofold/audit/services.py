"""Recording sensitive actions. One function, called by whichever app performs the action."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction

from twofold.audit.models import Action, AuditEntry
from twofold.households.models import Household


def record(
    *,
    action: Action,
    actor: Any,
    actor_name: str,
    concerns: Iterable[Any],
    household: Household | None = None,
    detail: str = "",
    about: Any = None,
    about_name: str = "",
    once: str | None = None,
) -> AuditEntry:
    """Keep one entry, visible to each user in `concerns` (the actor and `about` are always among them).

    `about` is the user the action was about, named `about_name`. With `once`, an entry already kept under
    that key is returned instead of a second one.
    """
    if once is not None:
        kept = AuditEntry.objects.filter(once_key=once).first()
        if kept is not None:
            return kept
    try:
        with transaction.atomic():
            entry = AuditEntry.objects.create(
                action=action,
                actor=actor,
                actor_name=actor_name[:80],
                household=household,
                household_name=household.name if household else "",
                detail=detail[:200],
                about=about,
                about_name=about_name[:80],
                once_key=once,
            )
            people = {user.pk: user for user in concerns if user is not None}
            for user in (actor, about):
                if user is not None:
                    people[user.pk] = user
            entry.concerns.set(people.values())
    except IntegrityError:
        # Another request kept the same once-only entry a moment ago.
        if once is None:
            raise
        return AuditEntry.objects.get(once_key=once)
    return entry


def already_kept(keys: Iterable[str]) -> set[str]:
    """Which of these once-only keys have an entry: one query, for a list that notes many at a time."""
    wanted = list(keys)
    if not wanted:
        return set()
    found = AuditEntry.objects.filter(once_key__in=wanted).values_list("once_key", flat=True)
    return {key for key in found if key is not None}
