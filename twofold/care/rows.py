"""Events as plain rows for the pages that list many: one `values()` query, no model objects.

Today and History show dozens of events, each with its kind's details; building eleven model objects per
event cost more than the rest of the page together, so they read these rows instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models import QuerySet

from twofold.care.kinds import DETAILED, find
from twofold.care.models import CareEvent, Response
from twofold.db import RawTimestamp, decimal, fetch, json_value, moment

_EVENT_FIELDS: dict[str, str] = {
    "id": "id",
    "kind": "kind",
    "child_id": "child_id",
    "child_name": "child__name",
    "by_id": "by_id",
    "by_name": "by__display_name",
    "start": "start_s",
    "end": "end_s",
    "running": "running",
    "response": "response",
    "settled_after_minutes": "settled_after_minutes",
    "note": "note",
    "logged_by_id": "logged_by_id",
}
# Every kind's detail columns, through its one-to-one: a row holds the ones of its own kind.
_DETAIL_COLUMNS: dict[str, tuple[str, ...]] = {str(d.key): d.detail_fields for d in DETAILED}
ROW_FIELDS: dict[str, str] = _EVENT_FIELDS | {
    f"{kind}_{name}": f"{kind}__{name}" for kind, names in _DETAIL_COLUMNS.items() for name in names
}


def _reader(model: type[models.Model], name: str) -> Callable[[Any], Any]:
    """How a raw value of a detail column becomes its Python value."""
    field = model._meta.get_field(name)
    if isinstance(field, models.DecimalField):
        return decimal
    if isinstance(field, models.JSONField):
        return json_value
    return lambda value: value


# Per kind: (index of the column in a row, its field name, its reader).
_DETAIL_READERS: dict[str, tuple[tuple[int, str, Callable[[Any], Any]], ...]] = {
    str(d.key): tuple(
        (list(ROW_FIELDS).index(f"{d.key}_{name}"), name, _reader(d.detail, name)) for name in d.detail_fields
    )
    for d in DETAILED
    if d.detail is not None
}

_RESPONSES = dict(Response.choices)


@dataclass(frozen=True)
class EventRow:
    id: int
    kind: str
    child_id: int
    child_name: str
    by_id: int
    by_name: str
    start: dt.datetime
    end: dt.datetime | None
    running: bool
    response: str
    settled_after_minutes: int | None
    note: str
    logged_by_id: int | None = None  # who tapped it in, when someone else did it
    # The kind's own details by field name ({"method": "formula", "amount_ml": Decimal("120")}); empty
    # for kinds without a detail table or an event whose details were never given.
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def minutes(self) -> int | None:
        if self.end is None:
            return None
        return int((self.end - self.start).total_seconds() // 60)

    @property
    def day_volume_ml(self) -> Decimal | None:
        """The milk this event adds to the day's total (a bottle feed's amount), if any."""
        kind = find(self.kind)
        return self.details.get(kind.day_volume) if kind is not None and kind.day_volume else None

    @property
    def response_label(self) -> str:
        return _RESPONSES.get(self.response, "")


_EVENT_COUNT = len(_EVENT_FIELDS)


def _row(values: tuple[Any, ...]) -> EventRow:
    row = dict(zip(_EVENT_FIELDS, values[:_EVENT_COUNT], strict=True))
    row["start"] = moment(row["start"])
    row["end"] = moment(row["end"])
    row["running"] = bool(row["running"])
    readers = _DETAIL_READERS.get(row["kind"], ())
    details = {name: read(values[index]) for index, name, read in readers}
    # A left join with no detail row reads as every column null: the kind's details were never given.
    if all(value is None for value in details.values()):
        details = {}
    return EventRow(**row, details=details)


def row_query(events: QuerySet[CareEvent]) -> QuerySet[CareEvent]:
    return (
        events.select_related(None)
        .annotate(start_s=RawTimestamp("start"), end_s=RawTimestamp("end"))
        .values_list(*ROW_FIELDS.values())
    )


def event_rows(events: QuerySet[CareEvent]) -> list[EventRow]:
    """The events as rows, in the queryset's order, read in one query through twofold.db."""
    return [_row(values) for values in fetch(row_query(events))]


def rows_from(values: list[tuple[Any, ...]]) -> list[EventRow]:
    """Rows from a Prepared read of row_query(...)."""
    return [_row(v) for v in values]
