"""Bonding pages: the plan, the settling trend and crying (parents), red flags and the coping card (everyone).

Views parse, call a service or a report, and render.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from twofold.bonding import pages, selectors, services
from twofold.bonding.models import BondingPlan
from twofold.care import selectors as care_selectors
from twofold.households.access import MemberRequest, member_required, parent_required
from twofold.households.selectors import get_child_for_member


def _back(request: HttpRequest, default: str) -> HttpResponse:
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(default)


def _say_errors(request: HttpRequest, error: ValidationError | PermissionDenied) -> None:
    text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
    messages.error(request, text)


def _minutes(raw: str) -> tuple[int | None, str | None]:
    raw = raw.strip()
    if not raw:
        return None, None
    if not raw.isdigit() or not 0 <= int(raw) <= 600:
        return None, "Minutes to settle: a whole number from 0 to 600."
    return int(raw), None


@parent_required
def home(request: MemberRequest) -> HttpResponse:
    context = pages.home_context(request.member, timezone.now())
    return render(request, "bonding/home.html", context)


@require_POST
@parent_required
def start_plan(request: MemberRequest) -> HttpResponse:
    child_id = request.POST.get("child", "")
    if not child_id.isdigit():
        messages.error(request, "Choose a child for the plan.")
        return redirect("bonding:home")
    child = get_child_for_member(member=request.member, child_id=int(child_id))
    try:
        services.start_plan(member=request.member, child=child)
    except (ValidationError, PermissionDenied) as error:
        _say_errors(request, error)
    else:
        messages.success(request, f"Your plan with {child.name} has started: today's idea is below.")
    return redirect("bonding:home")


def _plan(request: MemberRequest, plan_id: int) -> BondingPlan:
    return selectors.get_plan_for_member(member=request.member, plan_id=plan_id)


@require_POST
@parent_required
def do_activity(request: MemberRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id)
    minutes, problem = _minutes(request.POST.get("settled_after_minutes", ""))
    if problem:
        messages.error(request, problem)
        return _back(request, reverse("bonding:home"))
    try:
        client_id = uuid.UUID(request.POST.get("client_id", ""))
    except ValueError:
        client_id = None
    try:
        services.do_activity(
            member=request.member,
            plan=plan,
            activity=request.POST.get("activity", ""),
            bottle=request.POST.get("bottle", ""),
            response=request.POST.get("response", ""),
            settled_after_minutes=minutes,
            client_id=client_id,
        )
    except (ValidationError, PermissionDenied) as error:
        _say_errors(request, error)
    else:
        messages.success(request, "Logged. Thank you for the time together.")
    return _back(request, reverse("bonding:home"))


@require_POST
@parent_required
def skip(request: MemberRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id)
    try:
        services.skip_today(member=request.member, plan=plan, activity=request.POST.get("activity", ""))
    except (ValidationError, PermissionDenied) as error:
        _say_errors(request, error)
    else:
        messages.success(request, "Skipped for today. There will be another idea tomorrow.")
    return _back(request, reverse("bonding:home"))


@require_POST
@parent_required
def unskip(request: MemberRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id)
    try:
        services.undo_skip(member=request.member, plan=plan)
    except (ValidationError, PermissionDenied) as error:
        _say_errors(request, error)
    return _back(request, reverse("bonding:home"))


def _change(request: MemberRequest, plan_id: int, change: Any, done: str) -> HttpResponse:
    plan = _plan(request, plan_id)
    try:
        change(member=request.member, plan=plan)
    except (ValidationError, PermissionDenied) as error:
        _say_errors(request, error)
    else:
        messages.success(request, done)
    return redirect("bonding:home")


@require_POST
@parent_required
def pause(request: MemberRequest, plan_id: int) -> HttpResponse:
    return _change(request, plan_id, services.pause_plan, "Plan paused: no suggestions until you resume.")


@require_POST
@parent_required
def resume(request: MemberRequest, plan_id: int) -> HttpResponse:
    return _change(request, plan_id, services.resume_plan, "Plan resumed.")


@require_POST
@parent_required
def end(request: MemberRequest, plan_id: int) -> HttpResponse:
    return _change(request, plan_id, services.end_plan, "Plan ended. What you logged stays in the log.")


@require_POST
@member_required
def respond(request: MemberRequest, event_id: int) -> HttpResponse:
    """The baby's response in one tap, on any care that involves the baby: care-log data, for every member
    who may change the event (helpers their own)."""
    event = care_selectors.get_event_for_member(member=request.member, event_id=event_id)
    minutes, problem = _minutes(request.POST.get("settled_after_minutes", ""))
    if problem:
        messages.error(request, problem)
        return _back(request, reverse("home:today"))
    try:
        services.record_response(
            member=request.member,
            event=event,
            response=request.POST.get("response", ""),
            settled_after_minutes=minutes,
        )
    except (ValidationError, PermissionDenied) as error:
        _say_errors(request, error)
    else:
        messages.success(request, "Response saved.")
    return _back(request, reverse("home:today"))


@require_POST
@member_required
def stop_crying(request: MemberRequest, event_id: int) -> HttpResponse:
    """Stop a crying timer with how it ended, in one tap; still crying leads straight to the coping card."""
    event = care_selectors.get_event_for_member(member=request.member, event_id=event_id)
    settled = request.POST.get("outcome") == "settled"
    try:
        stopped = services.stop_crying(member=request.member, event=event, settled=settled)
    except (ValidationError, PermissionDenied) as error:
        _say_errors(request, error)
        return _back(request, reverse("home:today"))
    if not settled:
        messages.info(request, "Crying timer stopped. Here is what you can do right now.")
        return redirect("bonding:coping")
    messages.success(request, f"Crying stopped: settled after {stopped.settled_after_minutes} min.")
    return _back(request, reverse("home:today"))


@parent_required
def trend(request: MemberRequest) -> HttpResponse:
    context = pages.trend_context(request.member, request.GET.get("child", ""), timezone.now())
    return render(request, "bonding/trend.html", context)


@parent_required
def crying(request: MemberRequest) -> HttpResponse:
    context = pages.crying_context(request.member, request.GET.get("child", ""), timezone.now())
    return render(request, "bonding/crying.html", context)


@member_required
def red_flags(request: MemberRequest) -> HttpResponse:
    return render(request, "bonding/red_flags.html", pages.red_flags_context(request.member))


@member_required
def coping(request: MemberRequest) -> HttpResponse:
    return render(request, "bonding/coping.html", pages.coping_context(request.member))
