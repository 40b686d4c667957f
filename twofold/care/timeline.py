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

from twofold.care.kinds import REGISTRY
from twofold.care.labels import describe, event_label
from twofold.care.rows import EventRow
from twofold.households.units import METRIC, MeasureUnits


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
    respond_url: str = ""  # set while the baby's response is still open on a kind that has one
    by_id: int = 0
    logged_by_id: int | None = None


# Kinds that involve the baby's mood and can take a one-tap response from the timeline.
RESPOND_KINDS: frozenset[str] = frozenset(d.key for d in REGISTRY if d.one_tap_response)
RESPONSES = (("calm", "Calm"), ("fussy", "Fussy"), ("crying", "Crying"), ("settled", "Settled"))


@dataclass(frozen=True)
class TimelineViewer:
    """Who is looking at a timeline (a helper may change only their own events) and what a one-tap response
    form needs from the request: its CSRF token and where to come back."""

    csrf_token: str
    next_url: str
    member_id: int
    is_parent: bool


def response_text(row: EventRow) -> str:
    """ "settled after 8 min" when the minutes are known; otherwise the response alone, lower case."""
    label = row.response_label.lower()
    if row.response == "settled" and row.settled_after_minutes is not None:
        return f"{label} after {row.settled_after_minutes} min"
    return label


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


def timeline(
    rows: list[EventRow], *, zone: ZoneInfo, locale: str, unit: str, measures: MeasureUnits = METRIC
) -> list[TimelineItem]:
    edit = reverse("care:event_edit", args=[0]).replace("/0/", "/{}/")
    respond = reverse("bonding:respond", args=[0]).replace("/0/", "/{}/")
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
                summary=describe(row, locale, unit, measures),
                duration=duration_text(row),
                response=response_text(row),
                by_name=row.by_name,
                by_id=row.by_id,
                logged_by_id=row.logged_by_id,
                child_name=row.child_name,
                note=_short(row.note),
                edit_url=edit.format(row.id),
                respond_url=respond.format(row.id)
                if row.kind in RESPOND_KINDS and not row.response and not row.running
                else "",
            )
        )
    return items


def _muted(text: str) -> str:
    return f' <span class="muted">· {escape(text)}</span>' if text else ""


def may_change(item: TimelineItem, viewer: TimelineViewer | None) -> bool:
    """Parents change any event; a helper only those they did or tapped in (services.check_can_change)."""
    return viewer is None or viewer.is_parent or viewer.member_id in (item.by_id, item.logged_by_id)


def respond_html(item: TimelineItem, form: TimelineViewer | None) -> str:
    """The baby's response in one tap, without JavaScript: a small form posting to the bonding response
    view and coming back here. Only where it is still open and the viewer may change the event."""
    if form is None or not item.respond_url or not may_change(item, form):
        return ""
    buttons = "".join(
        f'<button type="submit" name="response" value="{value}" class="small">{label}</button>'
        for value, label in RESPONSES
    )
    return (
        f'<form method="post" action="{escape(item.respond_url)}" class="respond-inline" data-log="Response" '
        f'aria-label="How did the baby respond to {escape(item.kind_label.lower())} at {escape(item.time)}?">'
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(form.csrf_token)}">'
        f'<input type="hidden" name="next" value="{escape(form.next_url)}">{buttons}</form>'
    )


def line_html(
    item: TimelineItem,
    *,
    show_date: bool,
    show_child: bool,
    respond: TimelineViewer | None = None,
    buttons: bool = True,
) -> str:
    """One <li> of a timeline, every value escaped; the markup Today and History share."""
    when = f"{item.date} {item.time}" if show_date else item.time
    return (
        f'<li data-kind="{escape(item.kind)}"><time datetime="{escape(item.iso)}">{escape(when)}</time>'
        f'<span class="what">{escape(item.summary)}{_muted(item.duration)}{_muted(item.response)}<br>'
        f'<span class="muted by">{escape(item.by_name)}</span>'
        f"{_muted(item.child_name) if show_child else ''}{_muted(item.note)}"
        f"{respond_html(item, respond) if buttons else ''}</span>{_edit_link(item, respond)}</li>"
    )


def _edit_link(item: TimelineItem, viewer: TimelineViewer | None) -> str:
    if not may_change(item, viewer):
        return ""
    return (
        f'<a href="{escape(item.edit_url)}" '
        f'aria-label="Edit {escape(item.kind_label)} at {escape(item.time)}">Edit</a>'
    )


def timeline_html(
    items: list[TimelineItem],
    *,
    show_date: bool = False,
    show_child: bool = False,
    respond: TimelineViewer | None = None,
    respond_buttons: bool = True,
) -> SafeString:
    """`respond` is who is looking; `respond_buttons` whether open responses get their one-tap buttons."""
    # Safe because line_html escapes every value it puts in.
    return SafeString(
        "".join(
            line_html(i, show_date=show_date, show_child=show_child, respond=respond, buttons=respond_buttons)
            for i in items
        )
    )
