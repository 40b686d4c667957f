"""Attach the member the logged-in user acts as, so every view starts from one scoped object."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

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
            member = current_member(user_id=user.pk, household_id=request.session.get(SESSION_KEY))
            if member is not None:
                request.member = member  # type: ignore[attr-defined]  # attached, as above
                request.household = member.household  # type: ignore[attr-defined]  # attached, as above
                # Forms read and pages show times in the household's zone, not the server's.
                timezone.activate(member.household.zone)
        return self.get_response(request)
