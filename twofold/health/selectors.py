"""The reads behind the health cards: three queries for all of a household's children, whatever the log's size
(each bounded by time)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Max, OuterRef, Subquery

from twofold.care.doses import DAY, Given
from twofold.care.models import CareEvent, Kind, NappyContents
from twofold.health.fever import CARD_LASTS, WET_NAPPY_LOOKBACK
from twofold.households.models import Child


@dataclass(frozen=True)
class Reading:
    child_id: int
    at: dt.datetime
    celsius: Decimal
    method: str


def _live(children: Sequence[int], kind: str, since: dt.datetime, now: dt.datetime) -> object:
    return CareEvent.objects.filter(
        child_id__in=children, kind=kind, deleted_at__isnull=True, start__gte=since, start__lte=now
    )


def recent_temperatures(children: Sequence[int], *, now: dt.datetime) -> list[Reading]:
    """The children's temperatures over the time a card lasts, newest first."""
    rows = (
        _live(children, Kind.TEMPERATURE, now - CARD_LASTS, now)  # type: ignore[attr-defined]
        .order_by("-start", "-id")
        .values_list("child_id", "start", "temperature__celsius", "temperature__method")
    )
    return [Reading(child, at, celsius, method) for child, at, celsius, method in rows if celsius is not None]


def last_wet_nappies(children: Sequence[int], *, now: dt.datetime) -> dict[int, dt.datetime]:
    """Each child's last wet (or wet and dirty) nappy within the lookback."""
    rows = (
        _live(children, Kind.NAPPY, now - WET_NAPPY_LOOKBACK, now)  # type: ignore[attr-defined]
        .filter(nappy__contents__in=[NappyContents.WET, NappyContents.BOTH])
        .values("child_id")
        .annotate(last=Max("start"))
        .values_list("child_id", "last")
    )
    return dict(rows)


def doses_in_last_day(children: Sequence[int], *, now: dt.datetime) -> dict[int, list[Given]]:
    """Each child's doses of medicine in the last 24 hours, newest first."""
    rows = (
        _live(children, Kind.MEDICINE, now - DAY, now)  # type: ignore[attr-defined]
        .order_by("-start", "-id")
        .values_list(
            "child_id",
            "start",
            "medicine__name",
            "medicine__dose",
            "medicine__min_gap_minutes",
            "medicine__max_per_24h",
        )
    )
    found: dict[int, list[Given]] = {}
    for child, at, name, dose, gap, most in rows:
        found.setdefault(child, []).append(Given(name or "", dose or "", at, gap, most))
    return found


def last_temperatures(children: Sequence[int], *, now: dt.datetime) -> dict[int, Reading]:
    """Each child's last temperature up to now, however long ago: one query over the children."""
    latest = CareEvent.objects.filter(
        child=OuterRef("pk"), kind=Kind.TEMPERATURE, deleted_at__isnull=True, start__lte=now
    ).order_by("-start", "-id")
    rows = (
        Child.objects.filter(pk__in=children)
        .annotate(
            at=Subquery(latest.values("start")[:1]),
            celsius=Subquery(latest.values("temperature__celsius")[:1]),
            method=Subquery(latest.values("temperature__method")[:1]),
        )
        .values_list("pk", "at", "celsius", "method")
    )
    return {
        child: Reading(child, at, Decimal(celsius), method or "")
        for child, at, celsius, method in rows
        if at is not None and celsius is not None
    }
