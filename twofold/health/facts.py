"""The period's events for the summary, read in one indexed query whatever the log's size, as plain facts.

Django's SQLite backend passes each value of each row through its converters (a stored datetime is parsed,
then checked and made aware, one value at a time); with two datetimes a row, that was the largest part of
the 14-day summary's time. So the rows are read as the database driver returns them and made aware here
(SQLite's are naive UTC; PostgreSQL's driver returns aware datetimes), decimals to the field's places as
Django would.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django.db import connections

from twofold.care.models import CareEvent
from twofold.care.rules import LONGEST_EVENT
from twofold.health.summary import Fact

# The detail columns the summary reads, as the facts name them.
_FIELDS = {
    "feed__method": "method",
    "feed__amount_ml": "amount_ml",
    "nappy__contents": "contents",
    "temperature__celsius": "celsius",
    "temperature__method": "temperature_method",
    "medicine__name": "name",
    "medicine__dose": "dose",
}
# Their decimal places (models.py: Feed.amount_ml, Temperature.celsius).
_PLACES = {"amount_ml": Decimal("0.1"), "celsius": Decimal("0.01")}


def _utc(value: str | dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _detail(name: str, value: Any) -> Any:
    places = _PLACES.get(name)
    if places is None or isinstance(value, Decimal):
        return value
    return Decimal(str(value)).quantize(places)


def _query(household: int, children: Sequence[int], lo: dt.datetime, hi: dt.datetime) -> Any:
    return (
        # One index range: nothing that started longer than any care lasts before the period reaches into it.
        CareEvent.objects.filter(
            household_id=household,
            child_id__in=children,
            deleted_at__isnull=True,
            start__gte=lo - LONGEST_EVENT,
            start__lt=hi,
        )
        .exclude(end__isnull=True, start__lt=lo)
        .exclude(end__lt=lo)
        .order_by("start", "id")
        .values_list("id", "child_id", "kind", "start", "end", "note", "by__display_name", *_FIELDS)
    )


# Stand-ins, each unlike any other, to learn which of the statement's parameters is which.
_LO = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_HI = dt.datetime(2001, 1, 1, tzinfo=dt.UTC)
_HOUSEHOLD = -1


def _inputs(
    alias: str, household: int, children: Sequence[int], lo: dt.datetime, hi: dt.datetime
) -> dict[str, Any]:
    adapt = connections[alias].ops.adapt_datetimefield_value
    named = {"household": household, "since": adapt(lo - LONGEST_EVENT), "lo": adapt(lo), "hi": adapt(hi)}
    return named | {f"child {n}": child for n, child in enumerate(children)}


@lru_cache(maxsize=32)
def _statement(alias: str, children: int) -> tuple[str, tuple[str, ...]] | None:
    """The query's SQL for this many children, and which input each parameter is: Django takes as long to
    write this SQL as the database takes to answer it, and it is the same every time. None if a parameter
    is not one of the stand-ins (then the SQL is written each time)."""
    stand_ins = [-2 - n for n in range(children)]
    sql, params = _query(_HOUSEHOLD, stand_ins, _LO, _HI).using(alias).query.sql_with_params()
    known = {value: name for name, value in _inputs(alias, _HOUSEHOLD, stand_ins, _LO, _HI).items()}
    slots = tuple(known.get(p, "") for p in params)
    return (sql, slots) if all(slots) else None


def _rows(household: int, children: Sequence[int], lo: dt.datetime, hi: dt.datetime) -> list[tuple[Any, ...]]:
    alias = CareEvent.objects.db
    statement = _statement(alias, len(children))
    if statement is None:
        sql, params = _query(household, children, lo, hi).query.sql_with_params()
    else:
        sql, slots = statement
        inputs = _inputs(alias, household, children, lo, hi)
        params = tuple(inputs[slot] for slot in slots)
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        rows: list[tuple[Any, ...]] = cursor.fetchall()
    return rows


def read_facts(
    household: int, children: Sequence[int], lo: dt.datetime, hi: dt.datetime
) -> dict[int, list[Fact]]:
    """The period's live events of these children, anything that overlaps it, in one query."""
    found: dict[int, list[Fact]] = {c: [] for c in children}
    if not children:  # SQL has no "in nothing"
        return found
    names = tuple(_FIELDS.values())
    for id_, child_id, kind, start, end, note, by, *values in _rows(household, children, lo, hi):
        details = {n: _detail(n, v) for n, v in zip(names, values, strict=True) if v is not None}
        found[child_id].append(Fact(id_, kind, _utc(start), _utc(end), details, note, by))  # type: ignore[arg-type]
    return found
