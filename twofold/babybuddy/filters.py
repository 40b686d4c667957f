"""Baby Buddy's list filters, read from the query string; parameters it does not know are ignored."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.db.models import Q, QuerySet
from django.utils import timezone
from rest_framework import serializers

from twofold.babybuddy.base import Resource
from twofold.babybuddy.selectors import local_day
from twofold.care.models import CareEvent

NOT_A_CHOICE = "Select a valid choice. That choice is not one of the available choices."

_WHEN = serializers.DateTimeField()
_DAY = serializers.DateField()

# Baby Buddy's names for the time filters of each shape: parameter -> (Twofold's field, lookup).
SPAN_FILTERS = {
    "start": ("start", "exact"),
    "start_min": ("start", "gte"),
    "start_max": ("start", "lte"),
    "end": ("ends", "exact"),
    "end_min": ("ends", "gte"),
    "end_max": ("ends", "lte"),
}
MOMENT_FILTERS = {"date": ("start", "exact"), "date_min": ("start", "gte"), "date_max": ("start", "lte")}


def moment_param(name: str, value: str) -> dt.datetime:
    """A date and time as Baby Buddy's filters take it (ISO 8601; without offset, the caller's clock)."""
    try:
        return _WHEN.to_internal_value(value)
    except serializers.ValidationError:
        raise serializers.ValidationError({name: ["Enter a valid date/time."]}) from None


def child_param(value: str) -> Q:
    if not value.isdigit() or len(value) > 18:
        raise serializers.ValidationError({"child": [NOT_A_CHOICE]})
    return Q(child_id=int(value))


def narrowed(
    events: QuerySet[CareEvent], params: Mapping[str, str], resource: Resource
) -> QuerySet[CareEvent]:
    wanted = Q()
    if params.get("child"):
        wanted &= child_param(params["child"])
    if params.get("tags"):
        return events.none()  # Twofold has no tags, so no entry has the one asked for
    times = {"span": SPAN_FILTERS, "moment": MOMENT_FILTERS}.get(resource.shape, {})
    for name, (field, lookup) in times.items():
        if params.get(name):
            wanted &= Q(**{f"{field}__{lookup}": moment_param(name, params[name])})
    if resource.shape == "day" and params.get("date"):
        wanted &= _on_day(params["date"])
    for name, condition in resource.filters.items():
        if params.get(name):
            found = condition(params[name])
            if found is None:
                return events.none()
            wanted &= found
    return events.filter(wanted)


def _on_day(value: str) -> Q:
    try:
        day = _DAY.to_internal_value(value)
    except serializers.ValidationError:
        raise serializers.ValidationError({"date": ["Enter a valid date."]}) from None
    lo, hi = local_day(day, timezone.get_current_timezone())
    return Q(start__gte=lo, start__lt=hi)
