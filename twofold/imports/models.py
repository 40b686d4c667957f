"""Imports from other trackers: each import as one undoable batch, the people mapping remembered, and an
upload waiting for the parent's confirmation."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from twofold.care.models import CareEvent
from twofold.households.models import Household, Member


class ImportBatch(models.Model):
    """One confirmed import: undoable as a whole for a week (UNDO_DAYS in services.py)."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="imports")
    by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="imports_done")
    source = models.CharField(max_length=20)
    filename = models.CharField(max_length=200)
    created_at = models.DateTimeField(default=timezone.now)
    created_count = models.PositiveIntegerField(default=0)
    skipped_count = models.PositiveIntegerField(default=0)
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.source} import {self.pk} into household {self.household_id}"


class ImportedEvent(models.Model):
    """Which batch brought an event in, so the batch can be undone whole."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="links")
    event = models.OneToOneField(CareEvent, on_delete=models.CASCADE, related_name="imported")

    def __str__(self) -> str:
        return f"event {self.event_id} from import {self.batch_id}"


class PersonChoice(models.Model):
    """A name in another tracker's file and the member it is in Twofold: asked once, remembered."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="import_people")
    source = models.CharField(max_length=20)
    # The caregiver's name in the file; empty for files that name nobody.
    name = models.CharField(max_length=80, blank=True)
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["household", "source", "name"], name="one_choice_per_source_name")
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.name!r} is member {self.member_id}"


class PendingUpload(models.Model):
    """An uploaded file waiting for the parent to confirm its preview; removed on import or after a day."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(max_length=200)
    data = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"upload {self.filename} for household {self.household_id}"
