"""Baby Buddy's timers: a stopwatch that may name no child and no kind, until an entry consumes it.

Twofold's own timers are running care events of one kind; Baby Buddy's clients start a timer first and say
what it was when they log the entry (`timer` on a feeding, a sleep, ...), so it is kept here until then.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from twofold.households.models import Child, Household, Member


class Timer(models.Model):
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="baby_buddy_timers")
    child = models.ForeignKey(
        Child, on_delete=models.CASCADE, null=True, blank=True, related_name="baby_buddy_timers"
    )
    # Whose timer it is: Baby Buddy's `user`; the entry it becomes is care by this member.
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="baby_buddy_timers")
    name = models.CharField(max_length=255, blank=True)
    start = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-start", "-id"]
        indexes = [models.Index(fields=["household", "-start"], name="bb_timer_recent")]

    def __str__(self) -> str:
        return self.name or f"Timer #{self.pk}"
