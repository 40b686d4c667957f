"""Household objects of the imports app for api/tests/test_isolation.py: kwarg name -> one object."""

from __future__ import annotations

from django.db import models

from twofold.households.models import Child, Member
from twofold.imports.models import ImportBatch, PendingUpload


def household_objects(*, parent: Member, other_parent: Member, child: Child) -> dict[str, models.Model]:
    """An upload waiting for its preview, and an import that could still be undone."""
    pending = PendingUpload.objects.create(
        household=parent.household, member=parent, filename="notes.csv", data=b"Type,Start\n"
    )
    batch = ImportBatch.objects.create(household=parent.household, by=parent, source="nara", filename="x.csv")
    return {"pending_id": pending, "batch_id": batch}
