"""Each member's night preferences, and the calendar feed of their shifts at a secret address."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from twofold.households.access import MemberRequest, member_required, parent_required
from twofold.nights import selectors, services
from twofold.nights.calendar import feed
from twofold.nights.forms import FairnessForm, PreferenceForm
from twofold.nights.plans import Fairness

CALENDAR_TOKEN = "nights_calendar_token"  # noqa: S105 (a session key, not a secret)


@parent_required
def preferences(request: MemberRequest) -> HttpResponse:
    household = request.household
    people = selectors.people_of(household)
    prefs = selectors.preferences_of(household, people)
    window = (household.night_start, household.night_end)
    posted = request.POST if request.method == "POST" else None
    forms_ = [
        (
            someone,
            PreferenceForm(
                posted,
                prefix=f"m{someone.member_id}",
                role=someone.role,
                window=window,
                initial={
                    "night_from": prefs[someone.member_id].night_from,
                    "night_until": prefs[someone.member_id].night_until,
                    "work_mornings": list(prefs[someone.member_id].work_mornings),
                    "target_minutes": int(prefs[someone.member_id].target.total_seconds() // 60),
                    "available_for_nights": prefs[someone.member_id].available_for_nights,
                    "breastfeeds": prefs[someone.member_id].breastfeeds,
                },
            ),
        )
        for someone in people
    ]
    fairness = FairnessForm(posted, initial={"fairness": selectors.fairness_of(household).value})
    if posted is not None:
        if fairness.is_valid() and all(f.is_valid() for _, f in forms_):
            members = {m.pk: m for m in request.household.members.current()}
            for someone, form in forms_:
                services.save_preference(
                    member=request.member, about=members[someone.member_id], preference=form.preference()
                )
            services.save_fairness(
                member=request.member, fairness=Fairness(fairness.cleaned_data["fairness"])
            )
            messages.success(request, "Night preferences kept. The next plan uses them.")
            return redirect("nights:home")
        return render(request, "nights/preferences.html", {"forms": forms_, "fairness": fairness}, status=400)
    return render(request, "nights/preferences.html", {"forms": forms_, "fairness": fairness})


@member_required
def calendar(request: MemberRequest) -> HttpResponse:
    """Your own calendar address: shown once when made; a new one stops the old one working."""
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.revoke_calendar_link(member=request.member)
            messages.success(request, "Your calendar link is switched off.")
        else:
            request.session[CALENDAR_TOKEN] = services.new_calendar_link(member=request.member)
        return redirect("nights:calendar")
    token = request.session.pop(CALENDAR_TOKEN, None)
    url = request.build_absolute_uri(reverse("nights:feed", kwargs={"token": token})) if token else None
    return render(
        request,
        "nights/calendar.html",
        {"url": url, "has_link": selectors.has_calendar(request.member)},
    )


@require_GET
def calendar_feed(request: Any, token: str) -> HttpResponse:
    """The feed itself: no login (calendar apps cannot log in); the secret in the address is the key."""
    member = selectors.calendar_member(token)
    if member is None:
        raise Http404("No calendar here.")
    body = feed(selectors.feed_shifts(member, timezone.now()), household_name=member.household.name)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    response["Content-Disposition"] = 'inline; filename="twofold-nights.ics"'
    return response
