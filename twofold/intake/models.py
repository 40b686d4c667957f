from __future__ import annotations

from django.db import models
from django.utils import timezone

from twofold.households.models import Household, Member


class Writing(models.Model):
    """What a parent wrote about how it is going. The words are sealed (twofold/sealing.py) and seen only
    by their author: no page, API or export shows them to anyone else. The reading is not kept: it is made
    again from the words whenever it is shown, so a better lexicon improves old writings too.

    The author may share a summary with the household's other parent(s): the situations they tick, kept as
    chosen (sealed too), never the words. Withdrawing it empties both fields; helpers never see it."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="intake_writings")
    written_at = models.DateTimeField(default=timezone.now)
    sealed_text = models.TextField(help_text="Encrypted: the words as written.")
    sealed_summary = models.TextField(
        blank=True, default="", help_text="Encrypted: the situation keys shared; empty when not shared."
    )
    shared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-written_at", "-id")
        indexes = (models.Index(fields=("author", "-written_at")),)

    def __str__(self) -> str:
        return f"Writing #{self.pk}"


class OfferAnswered(models.Model):
    """A parent said "not now" to Today's offer to write, made once after their household was created."""

    member = models.OneToOneField(Member, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Offer answered by member #{self.member_id}"
