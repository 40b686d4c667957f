"""What the night planner keeps: each member's night preferences, the household's fairness choice, the plans
with their shifts, and each member's calendar link (only a fingerprint of its secret is stored)."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone

from twofold.households.models import Household, Member
from twofold.nights.evidence import DEFAULT_TARGET
from twofold.nights.plans import Fairness as PlanFairness
from twofold.nights.plans import Feeding as PlanFeeding

DEFAULT_TARGET_MINUTES = int(DEFAULT_TARGET.total_seconds() // 60)
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class Fairness(models.TextChoices):
    EVEN = PlanFairness.EVEN.value, "Share the night evenly"
    PROTECT_LOWER = PlanFairness.PROTECT_LOWER.value, "Protect whoever has slept least lately"
    ALTERNATE = PlanFairness.ALTERNATE.value, "Take whole nights in turn"


class Feeding(models.TextChoices):
    BOTTLE = PlanFeeding.BOTTLE.value, "Bottles (formula or expressed milk): whoever is on duty feeds"
    BREAST = PlanFeeding.BREAST.value, "Breastfeeding: the breastfeeding parent does the feeds"


class HowMade(models.TextChoices):
    PLANNER = "planner", "By the planner"
    BY_HAND = "by_hand", "By hand"


class NightSettings(models.Model):
    """The household's standing choices for planning nights."""

    household = models.OneToOneField(Household, on_delete=models.CASCADE, related_name="night_settings")
    fairness = models.CharField(max_length=16, choices=Fairness.choices, default=Fairness.EVEN)

    def __str__(self) -> str:
        return f"Night settings of {self.household_id}"


class NightPreference(models.Model):
    """One member's nights. For a parent, `night_from`/`night_until` are their usual bedtime and latest
    wake-up (the protected block falls between them); for a helper, when they can be on duty."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="+")
    member = models.OneToOneField(Member, on_delete=models.CASCADE, related_name="night_preference")
    night_from = models.TimeField(null=True, blank=True)
    night_until = models.TimeField(null=True, blank=True)
    # Weekday numbers (Monday 0) of the mornings after which this member works, such as "01234".
    work_mornings = models.CharField(max_length=7, blank=True, default="")
    target_minutes = models.PositiveSmallIntegerField(default=DEFAULT_TARGET_MINUTES)
    available_for_nights = models.BooleanField(default=True)
    breastfeeds = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"Night preferences of {self.member_id}"

    def works_on(self, day: dt.date) -> bool:
        return str(day.weekday()) in self.work_mornings


class NightPlan(models.Model):
    """Who is on duty when, for the night that starts on the evening of `night` (household-local)."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="night_plans")
    night = models.DateField()
    made_by = models.ForeignKey(Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    how = models.CharField(max_length=8, choices=HowMade.choices, default=HowMade.PLANNER)
    feeding = models.CharField(max_length=8, choices=Feeding.choices, default=Feeding.BOTTLE)
    feeder = models.ForeignKey(Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    fairness = models.CharField(max_length=16, choices=Fairness.choices, default=Fairness.EVEN)
    helper_night = models.BooleanField(default=False)
    explanation = models.TextField(blank=True, default="")
    unmet = models.TextField(blank=True, default="")
    # [{"member": id, "start": iso, "end": iso}]: worked out with the plan, kept so pages need no pattern.
    protected = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["household", "night"], name="one_night_plan_per_night")
        ]
        ordering = ["-night"]

    def __str__(self) -> str:
        return f"Night plan for {self.night}"

    @property
    def lines(self) -> list[str]:
        return [line for line in self.explanation.splitlines() if line]

    @property
    def unmet_lines(self) -> list[str]:
        return [line for line in self.unmet.splitlines() if line]

    @property
    def feasible(self) -> bool:
        return bool(self.protected)


class Shift(models.Model):
    """One stretch on duty: the member gets up for every waking in [start, end), times in UTC."""

    plan = models.ForeignKey(NightPlan, on_delete=models.CASCADE, related_name="shifts")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="night_shifts")
    start = models.DateTimeField()
    end = models.DateTimeField()
    expected_wakings = models.FloatField(default=0.0)
    expected_feeds = models.FloatField(default=0.0)

    class Meta:
        ordering = ["start"]
        indexes = [models.Index(fields=["member", "start"])]

    def __str__(self) -> str:
        return f"Shift of {self.member_id} from {self.start}"


class CalendarLink(models.Model):
    """A member's secret calendar address. Only a SHA-256 of the token is stored; a new one revokes it."""

    member = models.OneToOneField(Member, on_delete=models.CASCADE, related_name="night_calendar")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Calendar link of {self.member_id}"


class AgreedNight(models.Model):
    """Someone who agreed to be on duty on a night (or part of it), such as a helper who took a request of
    the support circle: the planner puts them on duty then, as on a helper's night. Times in UTC."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="+")
    night = models.DateField()
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="agreed_nights")
    start = models.DateTimeField()
    end = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["household", "night", "member"], name="one_agreement_per_night")
        ]
        ordering = ["night", "start"]

    def __str__(self) -> str:
        return f"{self.member_id} agreed to the night of {self.night}"
