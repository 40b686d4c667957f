"""What each member wants to receive, the household's feed interval, and every notification made, once."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from twofold.households.models import Household, Member
from twofold.reminders.topics import DEFAULT_ON, Topic


def default_topics() -> list[str]:
    return sorted(DEFAULT_ON)


class EmailWhen(models.TextChoices):
    NEVER = "never", "Never: only in Twofold (and on my devices)"
    FALLBACK = "fallback", "When none of my devices got it"
    ALWAYS = "always", "Always"


class ReminderSettings(models.Model):
    """One member's choices. A member with no row has the defaults (selectors.settings_for)."""

    member = models.OneToOneField(Member, on_delete=models.CASCADE, related_name="reminder_settings")
    topics = models.JSONField(default=default_topics, blank=True)
    # With no plan for tonight, night-time baby reminders go to the members who chose them.
    night_reminders = models.BooleanField(default=True)
    # Topics this member asked for even inside their protected block; nothing else reaches them there.
    in_my_block = models.JSONField(default=list, blank=True)
    quiet_from = models.TimeField(null=True, blank=True)
    quiet_until = models.TimeField(null=True, blank=True)
    paused_until = models.DateTimeField(null=True, blank=True)
    email = models.CharField(max_length=8, choices=EmailWhen.choices, default=EmailWhen.NEVER)

    def __str__(self) -> str:
        return f"Reminder settings of {self.member_id}"


class FeedInterval(models.Model):
    """A household's own feed interval; with none, it is learned from the last 14 days of the log."""

    household = models.OneToOneField(Household, on_delete=models.CASCADE, related_name="feed_interval")
    minutes = models.PositiveSmallIntegerField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Feed interval of {self.household_id}"


class Sending(models.TextChoices):
    PENDING = "pending", "Waiting to go out"
    SENDING = "sending", "Being sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Could not be sent"


class Notification(models.Model):
    """One reminder for one member. `key` names the occasion (a feed, a timer, a shift), so a reminder is made
    once per member however many workers look at the same minute."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="notifications")
    topic = models.CharField(max_length=12, choices=[(t.value, t.value) for t in Topic])
    key = models.CharField(max_length=80)
    title = models.CharField(max_length=120)
    body = models.CharField(max_length=400)
    url = models.CharField(max_length=200)
    tag = models.CharField(max_length=80)
    actions = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    # Going out by the channels (channels.py). Claimed by one worker before anything is sent, for a lease: a
    # claim a crashed worker left is taken again later, and never resends a channel begun (sending.py).
    sending = models.CharField(max_length=8, choices=Sending.choices, default=Sending.PENDING)
    claimed_by = models.CharField(max_length=64, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    tries = models.PositiveSmallIntegerField(default=0)
    reached = models.JSONField(default=dict, blank=True)  # {"email": 1, "push": 2}; null while begun
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["member", "key"], name="one_notification_per_occasion")
        ]
        indexes = [
            models.Index(fields=["member", "-created_at"], name="notification_recent"),
            models.Index(fields=["id"], condition=models.Q(sending="pending"), name="notification_pending"),
            # The purge reads the oldest first and stops at KEEP_FOR (purge.py). Not partial: SQLite cannot
            # match a condition to a query whose values are parameters.
            models.Index(fields=["created_at"], name="notification_oldest"),
            # The claims in progress, so a pass finds a lapsed one without reading the sent ones.
            models.Index(
                fields=["claimed_at"], condition=models.Q(sending="sending"), name="notification_claimed"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.topic} for {self.member_id}: {self.key}"
