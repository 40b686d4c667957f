"""The audit trail: sensitive actions, kept for the members they concern.

An entry outlives whatever it is about — the account that acted, the household, the member removed — so
names are copied in as words at the time, and the links are set to null rather than taking the entry away.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from twofold.households.models import Household


class Action(models.TextChoices):
    SCREENING_VIEWED = "screening_viewed", "Viewed a shared screening result"
    SHARING_ON = "sharing_on", "Turned sharing on"
    SHARING_OFF = "sharing_off", "Turned sharing off"
    MEMBER_REMOVED = "member_removed", "Removed a member"
    TOKEN_MADE = "token_made", "Made an app key"
    TOKEN_REVOKED = "token_revoked", "Revoked an app key"
    EXPORT_DOWNLOADED = "export_downloaded", "Downloaded an export"
    ACCOUNT_DELETED = "account_deleted", "Deleted an account"
    HOUSEHOLD_DELETED = "household_deleted", "Deleted a household"


class AuditEntry(models.Model):
    at = models.DateTimeField(default=timezone.now)
    action = models.CharField(max_length=24, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=80, help_text="Who acted, as named when they did.")
    household = models.ForeignKey(
        Household, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    household_name = models.CharField(max_length=80, blank=True)
    detail = models.CharField(max_length=200, blank=True, help_text="What it was about, in words.")
    # Whom the action was about (the parent whose result was viewed, say), so their own activity can say
    # "your" while everyone else reads the name kept here.
    about = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    about_name = models.CharField(max_length=80, blank=True, help_text="Whom it was about, as named then.")
    # An action that may be noted many times (a page reloaded) is kept once per key: the database refuses a
    # second entry with the same key, so two requests at the same moment cannot both add one.
    once_key = models.CharField(max_length=120, null=True, blank=True, unique=True, editable=False)
    concerns = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="audit_entries")

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.get_action_display()} by {self.actor_name} at {self.at:%Y-%m-%d %H:%M}"
