"""Recording sensitive actions. One function, called by whichever app performs the action."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

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
) -> AuditEntry:
    """Keep one entry, visible to each user in `concerns` (the actor is always among them)."""
    entry = AuditEntry.objects.create(
        action=action,
        actor=actor,
        actor_name=actor_name[:80],
        household=household,
        household_name=household.name if household else "",
        detail=detail[:200],
    )
    people = {user.pk: user for user in concerns if user is not None}
    if actor is not None:
        people[actor.pk] = actor
    entry.concerns.set(people.values())
    return entry
