"""Scoped reads: a member's settings and recent notifications, a fixed number of queries each, and the running
timers of a batch of households."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from twofold.care.models import CareEvent
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


def running_timers(household_ids: list[int]) -> QuerySet[CareEvent, tuple[int, int, int, str, dt.datetime]]:
    """(pk, household, child, kind, start) of every running timer in these households, any kind.

    No kind in the filter and no order: with either, SQLite leaves the small running-timers index for one
    that reads every event of the kind, running or not, and a pass would grow with the length of the log."""
    return (
        CareEvent.objects.filter(household_id__in=household_ids, running=True, deleted_at__isnull=True)
        .order_by()
        .values_list("pk", "household_id", "child_id", "kind", "start")
    )
