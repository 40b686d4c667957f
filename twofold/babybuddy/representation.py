"""Entries and timers as Baby Buddy's API writes them: times in the caller's zone, durations as HH:MM:SS."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.duration import duration_string
from rest_framework import serializers

from twofold.babybuddy.models import Timer
from twofold.babybuddy.resources import Resource
from twofold.care.models import CareEvent

_MOMENT = serializers.DateTimeField()


def moment(value: dt.datetime) -> Any:
    """ISO 8601 in the active zone (the caller's household's), as DRF writes Baby Buddy's times."""
    return _MOMENT.to_representation(value)


def duration(delta: dt.timedelta) -> str:
    """“01:30:00”, with microseconds when there are any and days before when over a day (Django's)."""
    return duration_string(delta)


def entry(event: CareEvent, resource: Resource) -> dict[str, Any]:
    household = event.household
    out: dict[str, Any] = {"id": event.pk, "child": event.child_id}
    if resource.shape == "span":
        end = event.end or event.start
        out |= {"start": moment(event.start), "end": moment(end), "duration": duration(end - event.start)}
    elif resource.shape == "moment":
        out["time"] = moment(event.start)
    else:
        out["date"] = event.start.astimezone(household.zone).date().isoformat()
    out |= resource.fields_out(event, household)
    out[resource.note_field] = event.note if resource.note_field != "notes" else (event.note or None)
    out["tags"] = []
    return out


def timer(value: Timer, now: dt.datetime) -> dict[str, Any]:
    return {
        "id": value.pk,
        "child": value.child_id,
        "name": value.name or None,
        "start": moment(value.start),
        "duration": duration(max(now - value.start, dt.timedelta())),
        "user": value.member.user_id,
    }
