"""Actions the floor below performs and cannot record itself (households imports nothing above it)."""

from __future__ import annotations

from typing import Any

from twofold.audit.models import Action
from twofold.audit.services import record
from twofold.households.models import Member


def record_member_removed(sender: Any, *, member: Member, by: Member, **kwargs: Any) -> None:
    """Kept for the parent who removed, the member removed and the other current parents."""
    parents = (
        Member.objects.current()
        .parents()
        .filter(household_id=member.household_id)
        .exclude(pk__in=[member.pk, by.pk])
        .select_related("user")
    )
    record(
        action=Action.MEMBER_REMOVED,
        actor=by.user,
        actor_name=by.display_name,
        concerns=[by.user, member.user, *(parent.user for parent in parents)],
        household=by.household,
        about=member.user,
        about_name=member.display_name,
        detail=f"{member.display_name} was a {member.get_role_display().lower()} here; their past care stays "
        "in the log, and their own results stay theirs.",
    )
