"""The nights page: tonight's plan in one tap, a week of plans, and what the last plans looked like."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from twofold.households.access import MemberRequest, parent_required
from twofold.nights import presenters, selectors, services
from twofold.nights.ask import feeder_to_offer
from twofold.nights.evidence import NOT_PROVEN
from twofold.nights.forms import PlanForm, WeekForm
from twofold.nights.plans import Fairness, Feeding
from twofold.nights.views.shared import add_errors, date_from, day_label, plan_summary


def _people(inputs: selectors.Inputs) -> tuple[list[tuple[int, str]], bool]:
    parents = [(p.member_id, p.name) for p in inputs.people if p.role == "parent"]
    has_helper = any(
        p.role == "helper" and inputs.prefs[p.member_id].available_for_nights for p in inputs.people
    )
    return parents, has_helper


def _initial(inputs: selectors.Inputs, day: dt.date) -> dict[str, Any]:
    return {
        "night": day,
        "feeding": inputs.feeding.value,
        "feeder": feeder_to_offer(inputs.feeding, inputs.feeder_id),
        "fairness": inputs.fairness.value,
    }


def _options(data: dict[str, Any]) -> services.Options:
    return services.Options(
        feeding=Feeding(data["feeding"]),
        fairness=Fairness(data["fairness"]),
        feeder_id=data.get("feeder"),
        helper_night=bool(data.get("helper_night")),
    )


def _home(
    request: MemberRequest,
    *,
    plan_form: PlanForm | None = None,
    week_form: WeekForm | None = None,
    status: int = 200,
) -> HttpResponse:
    household = request.household
    now = timezone.now()
    day = selectors.tonight(household, now)
    inputs = selectors.inputs_for(household=household, now=now)
    parents, has_helper = _people(inputs)
    names = selectors.member_names(household)
    upcoming = list(
        selectors.plans_of(household)
        .filter(night__gte=day, night__lt=day + dt.timedelta(days=7))
        .prefetch_related("shifts")
        .order_by("night")
    )
    tonight_plan = next((p for p in upcoming if p.night == day), None)
    last = selectors.plan_on(household, selectors.last_night(household, now))
    context = {
        "tonight": day,
        "tonight_plan": tonight_plan,
        "tonight_line": plan_summary(tonight_plan, names, household.zone),
        "upcoming": [(p, plan_summary(p, names, household.zone)) for p in upcoming],
        "last_plan": last,
        "plan_form": plan_form
        or PlanForm(initial=_initial(inputs, day), parents=parents, has_helper=has_helper),
        "week_form": week_form
        or WeekForm(initial=_initial(inputs, day), parents=parents, has_helper=has_helper, first=day),
        "pattern": inputs.pattern,
        "not_proven": NOT_PROVEN,
        "alone": len(parents) == 1,
    }
    return render(request, "nights/home.html", context, status=status)


@parent_required
@require_GET
def home(request: MemberRequest) -> HttpResponse:
    return _home(request)


@parent_required
@require_POST
def make(request: MemberRequest) -> HttpResponse:
    inputs = selectors.inputs_for(household=request.household, now=timezone.now())
    parents, has_helper = _people(inputs)
    form = PlanForm(request.POST, parents=parents, has_helper=has_helper)
    if form.is_valid():
        day = form.cleaned_data["night"]
        before = selectors.plans_of(request.household).filter(night=day).values_list("how", flat=True).first()
        try:
            plan = services.make_plan(
                member=request.member,
                day=day,
                options=_options(form.cleaned_data),
                replace_edits=form.cleaned_data["replace"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            said = presenters.plan_made_message(
                day=day,
                tonight=selectors.tonight(request.household, timezone.now()),
                before=before,
                feasible=plan.feasible,
            )
            messages.success(request, said)
            return redirect("nights:plan", night_plan_id=plan.pk)
    return _home(request, plan_form=form, status=400)


@parent_required
@require_POST
def week(request: MemberRequest) -> HttpResponse:
    now = timezone.now()
    inputs = selectors.inputs_for(household=request.household, now=now)
    parents, has_helper = _people(inputs)
    first = date_from(request.POST.get("night")) or selectors.tonight(request.household, now)
    form = WeekForm(request.POST, parents=parents, has_helper=has_helper, first=first)
    if form.is_valid():
        first = form.cleaned_data["night"]
        helper_nights = {
            first + dt.timedelta(days=int(i)) for i in form.cleaned_data.get("helper_nights", [])
        }
        try:
            result = services.make_week(
                member=request.member,
                first=first,
                options=_options(form.cleaned_data),
                helper_nights=helper_nights,
                replace_edits=form.cleaned_data["replace"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            said = f"Planned {len(result.plans)} nights."
            if result.kept:
                said += (
                    " Kept as they were, because they were changed by hand: "
                    + ", ".join(day_label(d) for d in result.kept)
                    + "."
                )
            messages.success(request, said)
            return redirect("nights:home")
    return _home(request, week_form=form, status=400)
