"""What the support circle keeps: requests for help, who took them and what became of it, standing offers."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from twofold.households.models import Household, Member

NOTE_LIMIT = 500
PLACE_LIMIT = 120
OFFER_LIMIT = 120
MOST_HELPERS = 6


class Kind(models.TextChoices):
    NIGHT = "night", "A night (or part of one)"
    EVENING = "evening", "An evening shift"
    MORNING = "morning", "A morning shift"
    MEAL = "meal", "A meal"
    ERRAND = "errand", "An errand or shopping"
    WALK = "walk", "A walk with the pram, so a parent can sleep"
    LIFT = "lift", "A lift to an appointment"
    COMPANY = "company", "Company: come and sit with me"


class Outcome(models.TextChoices):
    NOT_MARKED = "", "Not marked yet"
    GIVEN = "given", "It happened"
    NOT_GIVEN = "not_given", "It didn't happen"


class HelpRequest(models.Model):
    """Something concrete a parent asks the circle for, from `starts` to `ends` (UTC)."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="help_requests")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    starts = models.DateTimeField()
    ends = models.DateTimeField()
    # For a night: the household-local night it falls in (the evening's date), as the night planner names it.
    night = models.DateField(null=True, blank=True)
    place = models.CharField(max_length=PLACE_LIMIT, blank=True, default="")
    note = models.TextField(max_length=NOTE_LIMIT, blank=True, default="")
    helpers_needed = models.PositiveSmallIntegerField(default=1)
    for_everyone = models.BooleanField(default=True, help_text="Shown to everyone in the circle.")
    shown_to = models.ManyToManyField(Member, blank=True, related_name="+")
    asked_by = models.ForeignKey(Member, null=True, on_delete=models.SET_NULL, related_name="+")
    asked_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts", "id"]
        indexes = [models.Index(fields=["household", "starts"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends__gt=models.F("starts")), name="request_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} request {self.pk}"


class Taking(models.Model):
    """One helper's promise to do a request, and what became of it."""

    request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="takings")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    taken_at = models.DateTimeField(default=timezone.now)
    dropped_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=9, choices=Outcome.choices, blank=True, default=Outcome.NOT_MARKED)
    marked_by = models.ForeignKey(Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    marked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["taken_at", "id"]
        constraints = [models.UniqueConstraint(fields=["request", "member"], name="one_taking_per_helper")]

    def __str__(self) -> str:
        return f"{self.member_id} took request {self.request_id}"


class StandingOffer(models.Model):
    """What a helper can generally give, in their words ("Tuesday evenings"), and of which kind."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="standing_offers")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    words = models.CharField(max_length=OFFER_LIMIT)
    # Weekday numbers (Monday 0) it fits, such as "1" for Tuesdays; empty for any day.
    weekdays = models.CharField(max_length=7, blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Offer of {self.member_id}: {self.words}"
