"""Bonding plans, and what became of each day's suggestion.

The activities themselves are ordinary care events (DESIGN.md): a plan only remembers which day's suggestion
was done (and the care event it logged) or skipped, so the plan can grade its steps and Today can say so.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from twofold.care.models import CareEvent
from twofold.households.models import Child, Household, Member


class PlanStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    PAUSED = "paused", "Paused"
    ENDED = "ended", "Ended"


class BondingPlan(models.Model):
    """Small, graded, repeated activities for one parent with one child; one open plan per pair."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="bonding_plans")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="bonding_plans")
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="bonding_plans")
    started_on = models.DateField(help_text="The household-local day the plan began.")
    paused_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-started_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "child"],
                condition=Q(ended_at__isnull=True),
                name="one_open_bonding_plan_per_member_and_child",
            )
        ]

    def __str__(self) -> str:
        return f"Bonding plan of member {self.member_id} with child {self.child_id}"

    @property
    def status(self) -> str:
        if self.ended_at is not None:
            return PlanStatus.ENDED
        if self.paused_at is not None:
            return PlanStatus.PAUSED
        return PlanStatus.ACTIVE


class DayStatus(models.TextChoices):
    DONE = "done", "Done"
    SKIPPED = "skipped", "Skipped"


class PlanDay(models.Model):
    """What became of one day's suggestion: done (with the care event it logged) or skipped."""

    plan = models.ForeignKey(BondingPlan, on_delete=models.CASCADE, related_name="days")
    day = models.DateField(help_text="The household-local day.")
    activity = models.CharField(max_length=20)
    status = models.CharField(max_length=7, choices=DayStatus.choices)
    event = models.ForeignKey(
        CareEvent, null=True, blank=True, on_delete=models.SET_NULL, related_name="bonding_days"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-day", "-id"]
        constraints = [models.UniqueConstraint(fields=["plan", "day"], name="one_outcome_per_plan_day")]

    def __str__(self) -> str:
        return f"{self.activity} {self.status} on {self.day}"
