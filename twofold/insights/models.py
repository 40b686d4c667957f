"""Finished nights, remembered, so the weekly view need not re-read weeks of log on every visit."""

from __future__ import annotations

from django.db import models

from twofold.households.models import Household


class NightRecord(models.Model):
    """One finished night's summary for a household. Derived data: safe to delete at any time.

    A change to any care event that started in or near the night deletes it (see signals.py), and a record
    computed under another night window, time zone or rule version is ignored and replaced.
    """

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="+")
    night_of = models.DateField()
    rules = models.CharField(max_length=100, help_text="The window, zone and rule version it was made with.")
    wakings = models.PositiveIntegerField()
    # {member id: [wakings handled, minutes awake, longest sleep in seconds]}
    people = models.JSONField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["household", "night_of"], name="one_record_per_night")]

    def __str__(self) -> str:
        return f"Night of {self.night_of} for household {self.household_id}"
