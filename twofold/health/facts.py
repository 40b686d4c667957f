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
from typing import Any

from twofold.care.models import CareEvent
from twofold.care.rules import LONGEST_EVENT
from twofold.db import Prepared, RawTimestamp, moment
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


def _detail(name: str, value: Any) -> Any:
    places = _PLACES.get(name)
    if places is None or isinstance(value, Decimal):
        return value
    return Decimal(str(value)).quantize(places)


def _query(household: int, children: list[int], since: dt.datetime, lo: dt.datetime, hi: dt.datetime) -> Any:
    return (
        # One index range: nothing that started longer than any care lasts before the period reaches into it.
        CareEvent.objects.filter(
            household_id=household,
            child_id__in=children,
            deleted_at__isnull=True,
            start__gte=since,
            start__lt=hi,
        )
        .exclude(end__isnull=True, start__lt=lo)
        .exclude(end__lt=lo)
        .order_by("start", "id")
        # The times as text on SQLite: parsed once in C below, not by Django's converter value by value.
        .annotate(start_s=RawTimestamp("start"), end_s=RawTimestamp("end"))
        .values_list("id", "child_id", "kind", "start_s", "end_s", "note", "by__display_name", *_FIELDS)
    )


# Compiled once for each number of children (see twofold.db.Prepared): Django took as long to write this
# SQL as the database takes to answer it.
_PERIOD = Prepared(_query, household=int, children=list, since=dt.datetime, lo=dt.datetime, hi=dt.datetime)


def read_facts(
    household: int, children: Sequence[int], lo: dt.datetime, hi: dt.datetime
) -> dict[int, list[Fact]]:
    """The period's live events of these children, anything that overlaps it, in one query."""
    found: dict[int, list[Fact]] = {c: [] for c in children}
    if not children:  # SQL has no "in nothing"
        return found
    names = tuple(_FIELDS.values())
    rows = _PERIOD.fetch(household=household, children=list(children), since=lo - LONGEST_EVENT, lo=lo, hi=hi)
    for id_, child_id, kind, start, end, note, by, *values in rows:
        details = {n: _detail(n, v) for n, v in zip(names, values, strict=True) if v is not None}
        found[child_id].append(Fact(id_, kind, moment(start), moment(end), details, note, by))
    return found
