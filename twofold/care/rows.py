"""Events as plain rows for the pages that list many: one `values()` query, no model objects.

Today and History show dozens of events, each with its kind's details; building eleven model objects per
event cost more than the rest of the page together, so they read these rows instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from twofold.care.models import CareEvent, Response
from twofold.db import RawTimestamp, decimal, fetch, json_value, moment

ROW_FIELDS: dict[str, str] = {
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
    "feed_method": "feed__method",
    "feed_side": "feed__side",
    "feed_amount_ml": "feed__amount_ml",
    "nappy_contents": "nappy__contents",
    "sleep_place": "sleep__place",
    "settle_tried": "settle__tried",
    "settle_outcome": "settle__outcome",
    "play_activity": "play__activity",
    "pumping_amount_ml": "pumping__amount_ml",
    "medicine_name": "medicine__name",
    "medicine_dose": "medicine__dose",
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
    feed_method: str | None = None
    feed_side: str | None = None
    feed_amount_ml: Decimal | None = None
    nappy_contents: str | None = None
    sleep_place: str | None = None
    settle_tried: list[str] | None = None
    settle_outcome: str | None = None
    play_activity: str | None = None
    pumping_amount_ml: Decimal | None = None
    medicine_name: str | None = None
    medicine_dose: str | None = None

    @property
    def minutes(self) -> int | None:
        if self.end is None:
            return None
        return int((self.end - self.start).total_seconds() // 60)

    @property
    def response_label(self) -> str:
        return _RESPONSES.get(self.response, "")


_NAMES = list(ROW_FIELDS)


def _row(values: tuple[Any, ...]) -> EventRow:
    row = dict(zip(_NAMES, values, strict=True))
    row["start"] = moment(row["start"])
    row["end"] = moment(row["end"])
    row["running"] = bool(row["running"])
    row["feed_amount_ml"] = decimal(row["feed_amount_ml"])
    row["pumping_amount_ml"] = decimal(row["pumping_amount_ml"])
    row["settle_tried"] = json_value(row["settle_tried"])
    return EventRow(**row)


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
