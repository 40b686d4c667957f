"""Screening results: one questionnaire taken by one member, private to them unless they share it."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from twofold.households.models import Household, Member


class Screening(models.Model):
    """A questionnaire in progress or finished. Answers and everything scored from them are sealed.

    Only the instrument, the times and the sharing choice are in the clear: enough to offer the next
    screen on time, nothing about how the parent is.
    """

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="screenings")
    instrument = models.CharField(max_length=8)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    sealed_answers = models.TextField(help_text="Encrypted: the answers given so far.")
    sealed_result = models.TextField(blank=True, help_text="Encrypted: total, band and flags.")
    shared = models.BooleanField(default=False, help_text="Shared with the other parent(s).")
    shared_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When it was last shared. A parent who joined later sees it only if the sharer says so.",
    )

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["member", "-started_at"], name="screening_member_recent")]

    def __str__(self) -> str:
        return f"{self.instrument} screening {self.pk}"


class SharingChoice(models.Model):
    """A member's standing choice to share all future results with the other parent(s)."""

    member = models.OneToOneField(Member, on_delete=models.CASCADE, related_name="sharing_choice")
    share_future = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"Sharing choice of member {self.member_id}"


class EarlierResults(models.Model):
    """A sharer's answer for one parent who joined after some of their results were already shared.

    Those results stay hidden from the newcomer until the sharer says "show them". The answer is for that
    joining only (its `joined_at`): a parent who leaves and joins again is asked about afresh.
    """

    sharer = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    joiner = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    joined_at = models.DateTimeField(help_text="The joiner's joined_at when the sharer answered.")
    show = models.BooleanField(help_text="True: show the earlier results; False: keep them hidden.")
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["sharer", "joiner", "joined_at"], name="one_earlier_results_answer_per_joining"
            )
        ]
        verbose_name_plural = "earlier results answers"

    def __str__(self) -> str:
        return f"Earlier results of member {self.sharer_id} for member {self.joiner_id}"


class Concern(models.Model):
    """“I'm worried about you”: one parent gently prompts another. Never reveals any result."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="+")
    raised_by = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    about = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="concerns_about")
    raised_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-raised_at"]

    def __str__(self) -> str:
        return f"Concern {self.pk}"
