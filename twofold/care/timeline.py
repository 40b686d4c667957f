"""Timeline lines ready to print: every string a page shows for an event, made once in Python.

Rendering fifty events through template filters, a URL lookup and a dozen template variables each was most
of the History page's time, so each line is built here, escaped by format_html, and printed whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils.safestring import SafeString

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


_MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


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
                date=f"{local.day} {_MONTHS[local.month]}",
                time=f"{local.hour:02d}:{local.minute:02d}",
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


def _muted(text: str) -> str:
    return f' <span class="muted">· {escape(text)}</span>' if text else ""


def line_html(item: TimelineItem, *, show_date: bool, show_child: bool) -> str:
    """One <li> of a timeline, every value escaped; the markup Today and History share."""
    when = f"{item.date} {item.time}" if show_date else item.time
    return (
        f'<li data-kind="{escape(item.kind)}"><time datetime="{escape(item.iso)}">{escape(when)}</time>'
        f'<span class="what">{escape(item.summary)}{_muted(item.duration)}{_muted(item.response)}<br>'
        f'<span class="muted by">{escape(item.by_name)}</span>'
        f"{_muted(item.child_name) if show_child else ''}{_muted(item.note)}</span>"
        f'<a href="{escape(item.edit_url)}" '
        f'aria-label="Edit {escape(item.kind_label)} at {escape(item.time)}">Edit</a></li>'
    )


def timeline_html(
    items: list[TimelineItem], *, show_date: bool = False, show_child: bool = False
) -> SafeString:
    # Safe because line_html escapes every value it puts in.
    return SafeString("".join(line_html(i, show_date=show_date, show_child=show_child) for i in items))
