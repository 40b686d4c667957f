"""The reads behind the health cards: four queries for all of a household's children, whatever the log's size
(each bounded by time, or reading one row a child). Today and Quick log read them on every visit, so each is
compiled once (see twofold.db.Prepared) and its rows are converted here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Max, OuterRef, QuerySet, Subquery

from twofold.care.doses import DAY, Given
from twofold.care.models import CareEvent, Kind, NappyContents
from twofold.db import Prepared, decimal, moment
from twofold.health.fever import CARD_LASTS, WET_NAPPY_LOOKBACK
from twofold.households.models import Child


@dataclass(frozen=True)
class Reading:
    child_id: int
    at: dt.datetime
    celsius: Decimal
    method: str


def _live(children: list[int], kind: str, since: dt.datetime, now: dt.datetime) -> QuerySet[CareEvent]:
    return CareEvent.objects.filter(
        child_id__in=children, kind=kind, deleted_at__isnull=True, start__gte=since, start__lte=now
    )


def _in_window(build: Callable[..., QuerySet[CareEvent, Any]]) -> Prepared:
    """A read of the children's care between `since` and `now`, compiled once for each number of children."""
    return Prepared(build, children=list, since=dt.datetime, now=dt.datetime)


_TEMPERATURES = _in_window(
    lambda children, since, now: (
        _live(children, Kind.TEMPERATURE, since, now)
        .order_by("-start", "-id")
        .values_list("child_id", "start", "temperature__celsius", "temperature__method")
    ),
)

_WET_NAPPIES = _in_window(
    lambda children, since, now: (
        _live(children, Kind.NAPPY, since, now)
        .filter(nappy__contents__in=[NappyContents.WET, NappyContents.BOTH])
        .values("child_id")
        .annotate(last=Max("start"))
        .values_list("child_id", "last")
    ),
)

_DOSES = _in_window(
    lambda children, since, now: (
        _live(children, Kind.MEDICINE, since, now)
        .order_by("-start", "-id")
        .values_list(
            "child_id",
            "start",
            "medicine__name",
            "medicine__dose",
            "medicine__min_gap_minutes",
            "medicine__max_per_24h",
        )
    ),
)


def _last_temperatures(children: list[int], now: dt.datetime) -> QuerySet[Child, tuple[int, ...]]:
    latest = CareEvent.objects.filter(
        child=OuterRef("pk"), kind=Kind.TEMPERATURE, deleted_at__isnull=True, start__lte=now
    ).order_by("-start", "-id")
    return (
        Child.objects.filter(pk__in=children)
        .annotate(
            at=Subquery(latest.values("start")[:1]),
            celsius=Subquery(latest.values("temperature__celsius")[:1]),
            method=Subquery(latest.values("temperature__method")[:1]),
        )
        .values_list("pk", "at", "celsius", "method")
    )


_LAST_TEMPERATURES = Prepared(_last_temperatures, children=list, now=dt.datetime)


def recent_temperatures(children: Sequence[int], *, now: dt.datetime) -> list[Reading]:
    """The children's temperatures over the time a card lasts, newest first."""
    rows = _TEMPERATURES.fetch(children=list(children), since=now - CARD_LASTS, now=now)
    return [
        Reading(child, moment(at), celsius, method or "")
        for child, at, raw, method in rows
        if (celsius := decimal(raw)) is not None
    ]


def last_wet_nappies(children: Sequence[int], *, now: dt.datetime) -> dict[int, dt.datetime]:
    """Each child's last wet (or wet and dirty) nappy within the lookback."""
    rows = _WET_NAPPIES.fetch(children=list(children), since=now - WET_NAPPY_LOOKBACK, now=now)
    return {child: moment(last) for child, last in rows}


def doses_in_last_day(children: Sequence[int], *, now: dt.datetime) -> dict[int, list[Given]]:
    """Each child's doses of medicine in the last 24 hours, newest first."""
    found: dict[int, list[Given]] = {}
    for child, at, name, dose, gap, most in _DOSES.fetch(children=list(children), since=now - DAY, now=now):
        found.setdefault(child, []).append(Given(name or "", dose or "", moment(at), gap, most))
    return found


def last_temperatures(children: Sequence[int], *, now: dt.datetime) -> dict[int, Reading]:
    """Each child's last temperature up to now, however long ago: one query over the children."""
    rows = _LAST_TEMPERATURES.fetch(children=list(children), now=now)
    return {
        child: Reading(child, moment(at), celsius, method or "")
        for child, at, raw, method in rows
        if at is not None and (celsius := decimal(raw)) is not None
    }
