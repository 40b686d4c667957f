"""What every Baby Buddy resource shares: its base inputs, and how a resource says what it is.

A resource is a Twofold kind seen through Baby Buddy's fields. `shape` says how it is placed in time:
"span" (start, end, duration: feedings, sleep, pumping, tummy time), "moment" (time: changes, notes,
temperature, medication) or "day" (date: weight, height, head circumference).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from rest_framework import serializers

from twofold.babybuddy.fields import TagsField, child_field, timer_field
from twofold.care.models import CareEvent
from twofold.households.models import Household

Fields = dict[str, Any]


class EntryInput(serializers.Serializer[Any]):
    """What every entry takes: its child, notes and tags (which must be empty)."""

    child = child_field(required=False, allow_null=True)
    notes = serializers.CharField(required=False, allow_blank=True, allow_null=True, max_length=2000)
    tags = TagsField(required=False)


class SpanInput(EntryInput):
    start = serializers.DateTimeField(required=False)
    end = serializers.DateTimeField(required=False)
    timer = timer_field(required=False, allow_null=True)


class MomentInput(EntryInput):
    time = serializers.DateTimeField(required=False)


class DayInput(EntryInput):
    date = serializers.DateField(required=False)


@dataclass(frozen=True)
class Change:
    """What an entry's fields mean for its care event: details, and the note when the fields carry it."""

    details: Fields
    note: str | None = None


@dataclass(frozen=True)
class Entry:
    """One logged event as the adapter reads it: a list reads these straight from rows, no model objects."""

    id: int
    child_id: int
    household_id: int
    start: dt.datetime
    end: dt.datetime | None
    note: str
    detail: Fields


@dataclass(frozen=True)
class Resource:
    path: str
    kind: str
    shape: str
    input: type[serializers.Serializer[Any]]
    fields_in: Callable[[Fields, Household, CareEvent | None], Change]
    fields_out: Callable[[Entry, Household], Fields]
    # The kind's own fields a new entry must have (Baby Buddy's required model fields).
    required: tuple[str, ...] = ()
    # Baby Buddy's default order: newest first by end for most spans, by start or time for the rest.
    by_end: bool = False
    only: Q | None = None
    # Which of Baby Buddy's fields holds the event's note: `notes` on most, the text of a note, tummy
    # time's milestone.
    note_field: str = "notes"
    # The kind's detail fields the output reads (from the detail table named as the kind).
    detail_fields: tuple[str, ...] = ()
    # Query parameters that narrow the list: name -> the condition for a value (None: no entry matches).
    filters: dict[str, Callable[[str], Q | None]] = field(default_factory=dict)
    # Twofold's field names in a service's refusal, as this resource's fields name them.
    errors: dict[str, str] = field(default_factory=dict)
