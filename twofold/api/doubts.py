"""The API asks about a measurement that looks like a slip, as the log form does (growth's checks, through
care's hook): a 400 under the measurement's field with the reasons, until it is sent again with `checked`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.utils import timezone
from rest_framework import exceptions, serializers

from twofold.care import hooks
from twofold.care.details import within_range
from twofold.households.models import Child

CHECKED_HELP = (
    "Send true to save a weight, length or head circumference that Twofold asked about (a 400 that says "
    "why: far off the growth chart, or far from a weighing days apart) once you have checked it."
)
SAVE_AS_IT_IS = 'If it is right, send it again with "checked": true to save it as it is.'


def checked_field() -> serializers.BooleanField:
    return serializers.BooleanField(required=False, default=False, write_only=True, help_text=CHECKED_HELP)


def ask_before_saving(
    *,
    child: Child,
    kind: str,
    details: Mapping[str, Any] | None,
    at: dt.datetime | None,
    event_id: int | None,
    checked: bool,
) -> None:
    """Raise a 400 naming the measurement's field when it looks like a slip and was not `checked`."""
    if checked or not details or not within_range(kind, dict(details)):
        return
    doubts = hooks.measure_doubts(
        child=child, kind=kind, details=details, at=at or timezone.now(), event_id=event_id
    )
    if doubts:
        field = next(iter(details))
        raise exceptions.ValidationError({kind: {field: [*doubts, SAVE_AS_IT_IS]}})
