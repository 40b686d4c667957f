"""Attach the member the logged-in user acts as, so every view starts from one scoped object."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from twofold.households import notices
from twofold.households.selectors import current_member

SESSION_KEY = "twofold_household_id"


class CurrentMemberMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # HttpRequest has no such attributes: they are attached here, and views read them as MemberRequest.
        request.member = None  # type: ignore[attr-defined]
        request.household = None  # type: ignore[attr-defined]
        timezone.deactivate()
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            chosen = request.session.get(SESSION_KEY)
            member = current_member(user_id=user.pk, household_id=chosen)
            if chosen is not None and (member is None or member.household_id != chosen):
                # The household they were in is no longer theirs: say why, once, and stop asking.
                notices.deliver(request, user_id=user.pk, has_household=member is not None)
                request.session.pop(SESSION_KEY, None)
            if member is not None:
                request.member = member  # type: ignore[attr-defined]  # attached, as above
                request.household = member.household  # type: ignore[attr-defined]  # attached, as above
                # Forms read and pages show times in the household's zone, not the server's.
                timezone.activate(member.household.zone)
        return self.get_response(request)


API_PREFIX = "/api/"


class PrivateNoStoreMiddleware:
    """Every response to a logged-in member, and every API response, says `Cache-Control: no-store`.

    A household's log is private: no shared cache (a proxy, a work network's) may keep it, and a browser
    should not write it to disk or show it again from history after logging out. Static files (served by
    WhiteNoise before this runs) and the public pages a stranger sees keep their own caching.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if request.path.startswith(API_PREFIX) or (user is not None and user.is_authenticated):
            # Replaces any max-age a view set: no-store must win.
            add_never_cache_headers(response)
        return response
