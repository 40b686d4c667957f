"""Audit objects for api/tests/test_isolation.py: kwarg name -> one object.

An entry is found by whom it concerns, not by household; the one made here concerns both parents, so the
walk checks that household A's parent lists A's entry and never B's.
"""

from __future__ import annotations

from django.db import models

from twofold.audit.models import Action
from twofold.audit.services import record
from twofold.households.models import Child, Member


def household_objects(*, parent: Member, other_parent: Member, child: Child) -> dict[str, models.Model]:
    entry = record(
        action=Action.EXPORT_DOWNLOADED,
        actor=parent.user,
        actor_name=parent.display_name,
        concerns=[other_parent.user],
        household=parent.household,
    )
    return {"audit_entry": entry}
