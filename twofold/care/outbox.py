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
    errors: dict[str, list[str]] = {}
    for form in forms:
        if form is not None:
            errors |= {name: [str(m) for m in messages] for name, messages in form.errors.items()}
    return errors


def at_local(moment: Any) -> str:
    return f"{timezone.localtime(moment):%H:%M}"


def deleted_text(event: CareEvent, label: str) -> str:
    """What a parent reads when their change reaches an event someone deleted meanwhile."""
    who = f" by {event.deleted_by.display_name}" if event.deleted_by else ""
    when = at_local(event.deleted_at or timezone.now())
    undo = "Undo the delete from Today if it should stay, then change it again."
    return f"This {label.lower()} was deleted{who} at {when}, so your change was not saved. {undo}"
