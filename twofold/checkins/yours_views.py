"""A parent's own check-in answers wherever they gave them, even in a household they left or were removed
from: read, download and delete need only the account, not a current membership."""

from __future__ import annotations

import json
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from twofold.checkins import selectors, services
from twofold.checkins.presenters import week_text
from twofold.checkins.yours import by_household, own_document

ONE_DELETED = "Your answers for the week of {week} in {household} are deleted."
ALL_DELETED = "Your check-in answers are deleted: {what}."
NOTHING_TO_DELETE = "There are no check-in answers of yours to delete."


def _me(request: HttpRequest) -> int:
    # login_required vouched for the user, so the id is there.
    return cast(int, request.user.pk)


def _counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _what(answers: int, reviews: int) -> str:
    """“your answers for 2 weeks and 1 review of an agreement”, leaving out what there is none of."""
    parts = [f"your answers for {_counted(answers, 'week', 'weeks')}"] if answers else []
    if reviews:
        parts.append(_counted(reviews, "review of an agreement", "reviews of agreements"))
    return " and ".join(parts)


@login_required
def yours(request: HttpRequest) -> HttpResponse:
    """Every answer the parent gave, by household, newest week first, with their reviews of agreements."""
    answers = selectors.checkins_of_user(user_id=_me(request))
    reviews = selectors.reviews_of_user(user_id=_me(request))
    return render(request, "checkins/yours.html", {"groups": by_household(answers, reviews)})


@login_required
def yours_download(request: HttpRequest) -> HttpResponse:
    """The parent's own answers and reviews as JSON: theirs to keep; the other parents' are never in it."""
    now = timezone.now()
    document = own_document(
        selectors.checkins_of_user(user_id=_me(request)), selectors.reviews_of_user(user_id=_me(request)), now
    )
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2) + "\n",
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="twofold-my-checkins-{now:%Y-%m-%d}.json"'
    return response


@login_required
def yours_delete(request: HttpRequest, checkin_id: int) -> HttpResponse:
    """Delete one week's answers, after a page that says what goes."""
    checkin = selectors.get_checkin_of_user(user_id=_me(request), checkin_id=checkin_id)
    week = week_text(checkin.week)
    if request.method == "POST" and request.POST.get("confirm") == "delete":
        services.delete_own_checkin(user_id=_me(request), checkin=checkin)
        messages.success(request, ONE_DELETED.format(week=week, household=checkin.household.name))
        return redirect("checkins:yours")
    return render(request, "checkins/yours_delete.html", {"checkin": checkin, "week": week})


@login_required
def yours_delete_all(request: HttpRequest) -> HttpResponse:
    """Delete every answer and review the parent gave, in every household, after a page that counts them."""
    answers = selectors.checkins_of_user(user_id=_me(request))
    reviews = selectors.reviews_of_user(user_id=_me(request))
    if request.method == "POST" and request.POST.get("confirm") == "delete":
        gone_answers, gone_reviews = services.delete_all_own_checkins(user_id=_me(request))
        if gone_answers or gone_reviews:
            messages.success(
                request,
                ALL_DELETED.format(what=_what(gone_answers, gone_reviews)),
            )
        else:
            messages.info(request, NOTHING_TO_DELETE)
        return redirect("checkins:yours")
    answered, reviewed = list(answers), list(reviews)
    households = {a.household.name for a in answered} | {r.agreement.household.name for r in reviewed}
    context = {
        "what": _what(len(answered), len(reviewed)),
        "households": sorted(households),
        "nothing": not answered and not reviewed,
    }
    return render(request, "checkins/yours_delete_all.html", context)
