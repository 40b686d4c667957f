"""The one-step undo offered after a delete or an edit: remembered in the session, shown once."""

from __future__ import annotations

from typing import Any

from django.contrib.sessions.backends.base import SessionBase

from twofold.care.models import CareEvent

UNDO_KEY = "twofold_undo"


def remember_undo(session: SessionBase, event: CareEvent, action: str, text: str) -> None:
    session[UNDO_KEY] = {"event": event.pk, "action": action, "text": text}


def take_undo(session: SessionBase) -> dict[str, Any] | None:
    """The undo to offer on this page, if any: taken, so a reload does not offer it again."""
    undo: dict[str, Any] | None = session.pop(UNDO_KEY, None)
    return undo


def forget_undo(session: SessionBase) -> None:
    session.pop(UNDO_KEY, None)
