"""The care log's part of the household export: the household, its people and its log as JSON-ready
values, and the events as CSV to open in a spreadsheet. The top floor (twofold.home.export) adds every
other app's section and makes the zip.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, TextIO

from django.db import models
from django.utils import timezone

from twofold.care.details import DETAIL_MODELS, DETAIL_RELATIONS, detail_of
from twofold.care.models import CareEvent
from twofold.households.models import Child, Household, Member

EXPORT_FORMAT = "twofold-export"
EXPORT_VERSION = 1
# Big enough to keep round trips few, small enough to keep memory flat on a year of care.
CHUNK_SIZE = 2000


def _detail_fields(model: type[models.Model]) -> tuple[str, ...]:
    return tuple(f.name for f in model._meta.concrete_fields if f.name not in ("id", "event"))


# Each kind's own fields, read from its detail table, so a new kind is exported without touching this file.
DETAIL_FIELDS: dict[str, tuple[str, ...]] = {
    kind: _detail_fields(model) for kind, model in DETAIL_MODELS.items()
}

EVENT_COLUMNS: tuple[str, ...] = (
    "id",
    "client_id",
    "child_id",
    "child",
    "kind",
    "by_id",
    "by",
    "logged_by_id",
    "logged_by",
    "start_utc",
    "end_utc",
    "start_local",
    "end_local",
    "minutes",
    "running",
    "response",
    "settled_after_minutes",
    "note",
)
CSV_COLUMNS: tuple[str, ...] = EVENT_COLUMNS + tuple(
    f"{kind}_{name}" for kind, names in DETAIL_FIELDS.items() for name in names
)
# Cells a spreadsheet would run as a formula; free text starting so is prefixed with an apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def find_household(household_id: int) -> Household | None:
    return Household.objects.filter(pk=household_id).first()


def export_filename(household: Household, extension: str, *, today: dt.date | None = None) -> str:
    today = today or timezone.localdate(timezone=household.zone)
    return f"twofold-{household.pk}-{today.isoformat()}.{extension}"


def utc_text(moment: dt.datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def local_text(moment: dt.datetime | None, household: Household) -> str:
    return "" if moment is None else moment.astimezone(household.zone).isoformat(timespec="seconds")


def _events(household: Household) -> Iterator[CareEvent]:
    """Every event not deleted, oldest first, with its details, in one query however long the log."""
    return (
        CareEvent.objects.filter(household=household, deleted_at__isnull=True)
        .select_related(*DETAIL_RELATIONS)
        .order_by("start", "id")
        .iterator(chunk_size=CHUNK_SIZE)
    )


def _details(event: CareEvent) -> dict[str, Any]:
    detail = detail_of(event)
    if detail is None:
        return {}
    return {name: getattr(detail, name) for name in DETAIL_FIELDS[event.kind]}


def _json_value(value: Any) -> Any:
    return float(value) if isinstance(value, Decimal) else value


# ---- JSON ----


def log_document(household: Household) -> dict[str, Any]:
    """The household, its members, children and log as plain JSON-ready values (three queries)."""
    members = {m.pk: m for m in Member.objects.filter(household=household).order_by("id")}
    children = {c.pk: c for c in Child.objects.filter(household=household).order_by("id")}
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": utc_text(timezone.now()),
        "household": {
            "id": household.pk,
            "name": household.name,
            "time_zone": household.time_zone,
            "country": household.country,
            "locale": household.locale,
            "volume_unit": household.volume_unit,
            "mass_unit": household.mass_unit,
            "length_unit": household.length_unit,
            "temperature_unit": household.temperature_unit,
            "night_start": household.night_start.strftime("%H:%M"),
            "night_end": household.night_end.strftime("%H:%M"),
            "created_at": utc_text(household.created_at),
        },
        "members": [
            {
                "id": m.pk,
                "display_name": m.display_name,
                "relationship": m.relationship,
                "role": m.role,
                "gave_birth": m.gave_birth,
                "joined_at": utc_text(m.joined_at),
                "left_at": utc_text(m.left_at),
            }
            for m in members.values()
        ],
        "children": [
            {
                "id": c.pk,
                "name": c.name,
                "birth_date": c.birth_date.isoformat(),
                "feeding_method": c.feeding_method,
                "sex": c.sex,
                "gestation_weeks": c.gestation_weeks,
                "gestation_days": c.gestation_days,
            }
            for c in children.values()
        ],
        "events": [_event_json(event, members, children) for event in _events(household)],
    }


def _person(member: Member) -> dict[str, Any]:
    return {"id": member.pk, "name": member.display_name}


def _event_json(event: CareEvent, members: dict[int, Member], children: dict[int, Child]) -> dict[str, Any]:
    child = children[event.child_id]
    return {
        "id": event.pk,
        "client_id": str(event.client_id),
        "child": {"id": child.pk, "name": child.name},
        "kind": event.kind,
        "by": _person(members[event.by_id]),
        "logged_by": _person(members[event.logged_by_id]),
        "start": utc_text(event.start),
        "end": utc_text(event.end),
        "running": event.running,
        "response": event.response,
        "settled_after_minutes": event.settled_after_minutes,
        "note": event.note,
        "details": {name: _json_value(value) for name, value in _details(event).items()},
        "deleted": False,
    }


def member_events(member: Member) -> list[dict[str, Any]]:
    """The care a member gave or logged, for their own export: deleted events too, since Twofold still
    holds them until they are purged (each says when it was deleted)."""
    members = {m.pk: m for m in Member.objects.filter(household_id=member.household_id)}
    children = {c.pk: c for c in Child.objects.filter(household_id=member.household_id)}
    events = (
        CareEvent.objects.filter(models.Q(by=member) | models.Q(logged_by=member))
        .select_related(*DETAIL_RELATIONS)
        .order_by("start", "id")
    )
    return [
        {
            **_event_json(event, members, children),
            "deleted": event.deleted_at is not None,
            "deleted_at": utc_text(event.deleted_at),
        }
        for event in events.iterator(chunk_size=CHUNK_SIZE)
    ]


# ---- CSV ----


def _cell(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(item) for item in value)
    if isinstance(value, str):
        return _cell(value)
    return str(value)


def write_events_csv(household: Household, out: TextIO) -> None:
    """One row per event, CSV_COLUMNS in order; a kind's columns are blank on other kinds' rows."""
    members = {m.pk: m for m in Member.objects.filter(household=household)}
    children = {c.pk: c for c in Child.objects.filter(household=household)}
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    blank_details = dict.fromkeys(CSV_COLUMNS[len(EVENT_COLUMNS) :], "")
    for event in _events(household):
        row: dict[str, Any] = {
            "id": event.pk,
            "client_id": event.client_id,
            "child_id": event.child_id,
            "child": _cell(children[event.child_id].name),
            "kind": event.kind,
            "by_id": event.by_id,
            "by": _cell(members[event.by_id].display_name),
            "logged_by_id": event.logged_by_id,
            "logged_by": _cell(members[event.logged_by_id].display_name),
            "start_utc": utc_text(event.start),
            "end_utc": utc_text(event.end) or "",
            "start_local": local_text(event.start, household),
            "end_local": local_text(event.end, household),
            "minutes": "" if event.minutes is None else event.minutes,
            "running": "yes" if event.running else "no",
            "response": event.response,
            "settled_after_minutes": _csv_value(event.settled_after_minutes),
            "note": _cell(event.note),
            **blank_details,
        }
        for name, value in _details(event).items():
            row[f"{event.kind}_{name}"] = _csv_value(value)
        writer.writerow([row[column] for column in CSV_COLUMNS])


def events_csv(household: Household) -> str:
    out = io.StringIO()
    write_events_csv(household, out)
    return out.getvalue()
