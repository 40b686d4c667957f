"""A parent's own results wherever they took them, even in a household they left or were removed from:
read, download and delete need only the account, not a current membership."""

from __future__ import annotations

import json
from itertools import groupby
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from twofold.sealing import CannotUnseal
from twofold.wellbeing import selectors, services
from twofold.wellbeing.api import screening_document
from twofold.wellbeing.views import FRIENDLY_NAMES, result_context, result_rows, sealed_with_another_key


def _me(request: HttpRequest) -> int:
    # login_required vouched for the user, so the id is there.
    return cast(int, request.user.pk)


@login_required
def yours(request: HttpRequest) -> HttpResponse:
    """Results from households the parent is no longer in, by household."""
    former = list(selectors.former_screenings(user_id=_me(request)).order_by("household_id", "-started_at"))
    groups = [
        (screenings[0].household, result_rows(screenings, screenings[0].household.zone))
        for _, group in groupby(former, key=lambda s: s.household_id)
        if (screenings := list(group))
    ]
    return render(request, "wellbeing/yours.html", {"groups": groups})


@login_required
def yours_result(request: HttpRequest, screening_id: int) -> HttpResponse:
    screening = selectors.get_screening_of_user(user_id=_me(request), screening_id=screening_id)
    if screening.finished_at is None:
        messages.info(request, "That questionnaire was never finished, so it has no result to show.")
        return redirect("wellbeing:yours")
    try:
        context = result_context(request, screening)
    except CannotUnseal:
        return sealed_with_another_key(request, screening)
    return render(request, "wellbeing/result.html", context)


@login_required
def yours_download(request: HttpRequest) -> HttpResponse:
    """Every finished result the parent took, with their answers, as JSON: theirs to keep."""
    screenings = (
        selectors.screenings_of_user(user_id=_me(request))
        .filter(finished_at__isnull=False)
        .order_by("-finished_at", "-id")
    )
    document = {
        "downloaded_at": timezone.now().isoformat(),
        "screenings": [
            {
                **screening_document(s, user_id=_me(request), with_answers=True),
                "household_name": s.household.name,
            }
            for s in screenings
        ],
    }
    response = HttpResponse(
        json.dumps(document, default=str, ensure_ascii=False, indent=2) + "\n",
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="twofold-my-results-{stamp}.json"'
    return response


@login_required
def yours_delete(request: HttpRequest, screening_id: int) -> HttpResponse:
    """Delete one of your own results, after a page that says what goes."""
    screening = selectors.get_screening_of_user(user_id=_me(request), screening_id=screening_id)
    if request.method == "POST" and request.POST.get("confirm") == "delete":
        services.delete_screening(user_id=_me(request), screening=screening)
        messages.success(request, "That result and its answers are deleted.")
        still_here = getattr(request, "member", None) is not None
        return redirect("wellbeing:home" if still_here and screening.member.is_active else "wellbeing:yours")
    name = FRIENDLY_NAMES.get(screening.instrument, screening.instrument)
    return render(request, "wellbeing/yours_delete.html", {"screening": screening, "friendly_name": name})
