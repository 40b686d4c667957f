"""Timeline lines ready to print: every string a page shows for an event, made once in Python.

Rendering fifty events through template filters and a URL lookup each was most of the History page's time.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.urls import reverse

from twofold.care.labels import describe, event_label
from twofold.care.rows import EventRow


@dataclass(frozen=True)
class TimelineItem:
    id: int
    kind: str
    kind_label: str
    iso: str
    date: str
    time: str
    summary: str
    duration: str
    response: str
    by_name: str
    child_name: str
    note: str
    edit_url: str


def duration_text(row: EventRow) -> str:
    if row.running:
        return "running"
    minutes = row.minutes
    if minutes is None:
        return ""
    hours, mins = divmod(minutes, 60)
    return f"{hours} h {mins:02d}" if hours else f"{mins} min"


def _short(note: str, limit: int = 60) -> str:
    return note if len(note) <= limit else note[: limit - 1].rstrip() + "…"


def timeline(rows: list[EventRow], *, zone: ZoneInfo, locale: str, unit: str) -> list[TimelineItem]:
    edit = reverse("care:event_edit", args=[0]).replace("/0/", "/{}/")
    items = []
    for row in rows:
        local = row.start.astimezone(zone)
        items.append(
            TimelineItem(
                id=row.id,
                kind=row.kind,
                kind_label=event_label(row.kind, locale),
                iso=local.isoformat(),
                date=f"{local.day} {local:%b}",
                time=f"{local:%H:%M}",
                summary=describe(row, locale, unit),
                duration=duration_text(row),
                response=row.response_label.lower(),
                by_name=row.by_name,
                child_name=row.child_name,
                note=_short(row.note),
                edit_url=edit.format(row.id),
            )
        )
    return items
