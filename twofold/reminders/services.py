"""Every write of the reminders app: a member's choices, a pause, the household's feed interval, reading."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from twofold.households.models import Household, Member
from twofold.reminders.models import FeedInterval, Notification, ReminderSettings


@transaction.atomic
def save_settings(*, member: Member, data: dict[str, Any]) -> ReminderSettings:
    choice, _ = ReminderSettings.objects.select_for_update().get_or_create(member=member)
    choice.topics = sorted(data["topics"])
    choice.night_reminders = data["night_reminders"]
    choice.in_my_block = sorted(data["in_my_block"])
    choice.quiet_from = data["quiet_from"]
    choice.quiet_until = data["quiet_until"]
    choice.email = data["email"]
    choice.save()
    return choice


@transaction.atomic
def pause(*, member: Member, until: dt.datetime | None) -> ReminderSettings:
    """Pause everything until `until`; None resumes now."""
    choice, _ = ReminderSettings.objects.select_for_update().get_or_create(member=member)
    choice.paused_until = until
    choice.save(update_fields=["paused_until"])
    return choice


def set_feed_interval(*, household: Household, minutes: int | None) -> None:
    FeedInterval.objects.update_or_create(household=household, defaults={"minutes": minutes})


def mark_read(*, member: Member, now: dt.datetime) -> int:
    return Notification.objects.filter(member=member, read_at__isnull=True).update(read_at=now)
