"""The in-app list of recent notifications on every page (base.html), one query for a signed-in member."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from twofold.reminders import selectors


def recent_notifications(request: HttpRequest) -> dict[str, object]:
    member = getattr(request, "member", None)
    if member is None:
        return {}
    # Lazy: read only when a page's template shows the list (not for JSON or the service worker).
    return {"recent_notifications": SimpleLazyObject(lambda: selectors.recent_for(member))}
