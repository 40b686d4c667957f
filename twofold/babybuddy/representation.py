"""Entries and timers as Baby Buddy's API writes them: times in the caller's zone, durations as HH:MM:SS."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.duration import duration_string

from twofold.babybuddy.base import Entry, Resource
from twofold.babybuddy.models import Timer
from twofold.care.details import detail_of
from twofold.care.models import CareEvent
from twofold.households.models import Household


def moment(value: dt.datetime) -> str:
    """ISO 8601 in the active zone (the caller's household's), as DRF writes Baby Buddy's times: UTC as Z."""
    text = value.astimezone(timezone.get_current_timezone()).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def entry_of(event: CareEvent, resource: Resource) -> Entry:
    detail = detail_of(event)
    return Entry(
        event.pk,
        event.child_id,
        event.household_id,
        event.start,
        event.end,
        event.note,
        {name: getattr(detail, name) for name in resource.detail_fields},
    )


def duration(delta: dt.timedelta) -> str:
    """“01:30:00”, with microseconds when there are any and days before when over a day (Django's)."""
    return duration_string(delta)


def entry(event: Entry, resource: Resource, household: Household) -> dict[str, Any]:
    out: dict[str, Any] = {"id": event.id, "child": event.child_id}
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
