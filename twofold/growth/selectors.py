"""The child's measurements, read in one query whatever the log's size."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import OuterRef, QuerySet, Subquery

from twofold.care.models import CareEvent
from twofold.db import Prepared, moment
from twofold.growth.centiles import KINDS
from twofold.households.models import Child


@dataclass(frozen=True)
class Measured:
    id: int
    kind: str
    at: dt.datetime
    stored: int
    by_name: str


_COLUMNS = ("id", "child_id", "kind", "start", "weight__grams", "length__mm", "head__mm", "by__display_name")


def _measured(rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[int, Measured]]:
    for id_, child_id, kind, start, grams, length, head, by in rows:
        stored = grams if kind == "weight" else (length if kind == "length" else head)
        if stored is not None:
            yield child_id, Measured(id_, kind, start, stored, by)


def measurements(*, child: Child, kind: str | None = None) -> list[Measured]:
    """The child's weights, lengths and head circumferences (or one of them), oldest first."""
    kinds = KINDS if kind is None else (kind,)
    rows = (
        CareEvent.objects.filter(child=child, kind__in=kinds, deleted_at__isnull=True, running=False)
        .order_by("start", "id")
        .values_list(*_COLUMNS)
    )
    return [m for _, m in _measured(rows)]


# Compiled once for each number of children (see twofold.db.Prepared): the summary reads it every time.
_UNTIL = Prepared(
    lambda children, before: (
        CareEvent.objects.filter(
            child_id__in=children, kind__in=KINDS, deleted_at__isnull=True, running=False, start__lt=before
        )
        .order_by("start", "id")
        .values_list(*_COLUMNS)
    ),
    children=list,
    before=dt.datetime,
)


def measurements_until(*, child_ids: Sequence[int], before: dt.datetime) -> dict[int, list[Measured]]:
    """Each child's measurements of every kind that began before `before`, oldest first: one query for all
    the children (a summary's chart shows the line from birth to the period's end)."""
    found: dict[int, list[Measured]] = {c: [] for c in child_ids}
    if not child_ids:  # SQL has no "in nothing"
        return found
    rows = (
        (*row[:3], moment(row[3]), *row[4:]) for row in _UNTIL.fetch(children=list(child_ids), before=before)
    )
    for child_id, m in _measured(rows):
        found[child_id].append(m)
    return found


def nearest_weighing(
    *, child: Child, at: dt.datetime, other_than: int | None
) -> tuple[dt.datetime, int] | None:
    """The child's weighing nearest in time to `at` (not the one being edited), as (when, grams)."""
    rows = CareEvent.objects.filter(
        child=child, kind="weight", deleted_at__isnull=True, weight__isnull=False
    ).exclude(pk=other_than or 0)
    before = rows.filter(start__lte=at).order_by("-start").values_list("start", "weight__grams").first()
    after = rows.filter(start__gt=at).order_by("start").values_list("start", "weight__grams").first()
    candidates = [row for row in (before, after) if row is not None]
    return min(candidates, key=lambda row: abs(row[0] - at)) if candidates else None


def _last_weighings(children: list[int]) -> QuerySet[Child, tuple[Any, ...]]:
    latest = CareEvent.objects.filter(
        child=OuterRef("pk"), kind="weight", deleted_at__isnull=True, weight__isnull=False
    ).order_by("-start", "-id")
    return (
        Child.objects.filter(pk__in=children)
        .annotate(at=Subquery(latest.values("start")[:1]), grams=Subquery(latest.values("weight__grams")[:1]))
        .values_list("pk", "at", "grams")
    )


# Today reads it on every visit: one row a child, however many weighings the log holds.
_LAST_WEIGHINGS = Prepared(_last_weighings, children=list)


def last_weighing(*, child_ids: list[int]) -> dict[int, tuple[dt.datetime, int]]:
    """Each child's latest weighing, as (when, grams): for Today."""
    if not child_ids:  # SQL has no "in nothing"
        return {}
    rows = _LAST_WEIGHINGS.fetch(children=child_ids)
    return {child: (moment(at), grams) for child, at, grams in rows if at is not None and grams is not None}
