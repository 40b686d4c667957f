"""Scoped reads: a member's settings and recent notifications, a fixed number of queries each."""

from __future__ import annotations

from django.db.models import QuerySet

from twofold.households.models import Member
from twofold.reminders.models import Notification, ReminderSettings

RECENT = 5


def settings_for(member: Member) -> ReminderSettings:
    """The member's choices, or the defaults (unsaved) when they never changed them."""
    found = ReminderSettings.objects.filter(member=member).first()
    return found if found is not None else ReminderSettings(member=member)


def recent_for(member: Member, limit: int = RECENT) -> list[Notification]:
    return list(Notification.objects.filter(member=member).order_by("-created_at", "-id")[:limit])


def unread_count(member: Member) -> int:
    return Notification.objects.filter(member=member, read_at__isnull=True).count()


def notifications_for(member: Member) -> QuerySet[Notification]:
    return Notification.objects.filter(member=member).order_by("-created_at", "-id")
