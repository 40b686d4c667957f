"""The Activity page: the audit trail of the signed-in person, whichever households it happened in."""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from twofold.audit.selectors import as_activity, entries_for

PER_PAGE = 50
NOTHING_YET = (
    "Nothing here yet. When someone views a result you shared, turns sharing on or off, removes a member, "
    "makes or revokes an app key, downloads an export or deletes an account or household, it is noted here "
    "for the people it concerns."
)


def _zone(request: HttpRequest) -> zoneinfo.ZoneInfo:
    """For entries whose household is gone: the household the person is in now, else the server's zone."""
    household = getattr(request, "household", None)
    return household.zone if household is not None else zoneinfo.ZoneInfo(settings.TIME_ZONE)


@login_required
def activity(request: HttpRequest) -> HttpResponse:
    page = Paginator(entries_for(user_id=request.user.pk), PER_PAGE).get_page(request.GET.get("page"))
    zone = _zone(request)
    rows = [as_activity(entry, user_id=request.user.pk, zone=zone) for entry in page]
    return render(request, "audit/activity.html", {"page": page, "rows": rows, "nothing_yet": NOTHING_YET})
