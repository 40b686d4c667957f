"""How the page's outbox (static/twofold/outbox.js) talks to the care views.

Every logging form sends the device's time of the tap and of the send (care/taptime.py). A form sent by the
outbox says so with a header and gets a short JSON answer instead of a page: 2xx when it is logged (or was
already, for a retry), 4xx with a message the parent can read when it cannot be, so nothing is lost
without a word.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, JsonResponse
from django.utils import timezone

from twofold.care.models import CareEvent
from twofold.care.taptime import TapMoment, moment_of_tap, parse_device_time

HEADER = "X-Twofold-Outbox"


def tap_of(request: HttpRequest) -> TapMoment:
    return moment_of_tap(
        tapped_at=parse_device_time(request.POST.get("tapped_at")),
        sent_at=parse_device_time(request.POST.get("sent_at")),
        received_at=timezone.now(),
    )


def from_outbox(request: HttpRequest) -> bool:
    return request.headers.get(HEADER) == "1"


def answer(status: int, message: str, **extra: Any) -> JsonResponse:
    return JsonResponse({"ok": status < 400, "message": message, **extra}, status=status)


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def form_errors(*forms: Any) -> dict[str, list[str]]:
    """Each field's messages under the name its input has on the page ("d-name" for a kind's detail), so
    the page script can put each one beside its field as the page itself would."""
    errors: dict[str, list[str]] = {}
    for form in forms:
        if form is not None:
            errors |= {
                name if name == "__all__" else form.add_prefix(name): [str(m) for m in messages]
                for name, messages in form.errors.items()
            }
    return errors


def errors_text(*forms: Any) -> str:
    """One line naming each field and what to fix there (its first message, as the page shows it), for
    the outbox's list, where the form is no longer beside it."""
    parts = []
    for form in forms:
        if form is None:
            continue
        for name, messages in form.errors.items():
            label = form[name].label if name in form.fields else None
            parts.append(f"{label}: {messages[0]}" if label else str(messages[0]))
    return " ".join(parts)


def at_local(moment: Any) -> str:
    return f"{timezone.localtime(moment):%H:%M}"


def deleted_text(event: CareEvent, label: str, *, doing: str = "change") -> str:
    """What a parent reads when they reach an event someone deleted: opening it ("open"), or their change
    or their own delete arriving after it ("change", "delete")."""
    who = f" by {event.deleted_by.display_name}" if event.deleted_by else ""
    when = at_local(event.deleted_at or timezone.now())
    what = f"This {label.lower()} was"
    if doing == "delete":
        return f"{what} already deleted{who} at {when}."
    undo = "If it should stay, undo the delete on Today"
    if doing == "open":
        return f"{what} deleted{who} at {when}. {undo}."
    return f"{what} deleted{who} at {when}, so your change was not saved. {undo}, then change it again."
