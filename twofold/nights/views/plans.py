"""One night's plan: read it, change its shifts by hand, remove it, and set it beside the log next morning."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from twofold.households.access import MemberRequest, parent_required
from twofold.nights import hooks, presenters, selectors, services
from twofold.nights.edits import NO_SHIFTS, OUTSIDE_NIGHT, Duty, place_clock
from twofold.nights.evidence import SAFE_SLEEP
from twofold.nights.explain import roughly
from twofold.nights.forms import ShiftFormSet
from twofold.nights.models import NightPlan
from twofold.nights.views.shared import day_label, plan_summary


def _plan_context(request: MemberRequest, plan: NightPlan) -> dict[str, Any]:
    household = request.household
    inputs_prefs = selectors.preferences_of(household, selectors.people_of(household))
    names = selectors.member_names(household)
    shifts = selectors.shifts_of(plan)
    return {
        "plan": plan,
        "night": selectors.night_for(household, plan.night),
        "shifts": [
            {
                "name": names.get(s.member_id, "?"),
                "start": presenters.hhmm(s.start, household.zone),
                "end": presenters.hhmm(s.end, household.zone),
                "wakings": roughly(s.expected_wakings),
                "feeds": roughly(s.expected_feeds),
            }
            for s in shifts
        ],
        "line": presenters.shift_line(
            [(names.get(s.member_id, "?"), s.start, s.end) for s in shifts], household.zone
        ),
        "blocks": presenters.block_rows(
            plan.protected, names, {m: p.target for m, p in inputs_prefs.items()}, household.zone
        ),
        "safe_sleep": SAFE_SLEEP,
        "ask_for_night": hooks.ask_for_night(member=request.member, night=plan.night, now=timezone.now())
        if plan.unmet_lines
        else None,
    }


@parent_required
@require_GET
def plan(request: MemberRequest, night_plan_id: int) -> HttpResponse:
    found = selectors.plan_for(household=request.household, plan_id=night_plan_id)
    return render(request, "nights/plan.html", _plan_context(request, found))


def _formset_people(request: MemberRequest) -> list[tuple[int, str]]:
    return [(p.member_id, p.name) for p in selectors.people_of(request.household)]


@parent_required
def edit(request: MemberRequest, night_plan_id: int) -> HttpResponse:
    found = selectors.plan_for(household=request.household, plan_id=night_plan_id)
    household = request.household
    people = _formset_people(request)
    night = selectors.night_for(household, found.night)
    if request.method == "POST":
        formset = ShiftFormSet(request.POST, form_kwargs={"people": people})
        if formset.is_valid():
            duty, bad = _duty(formset, night, household.zone)
            if not bad:
                try:
                    services.edit_shifts(member=request.member, plan=found, duty=[d for _, d in duty])
                except ValidationError as error:
                    _shift_errors(formset, [i for i, _ in duty], error)
                else:
                    messages.success(request, "Changes kept. Both of you see them on Today.")
                    return redirect("nights:plan", night_plan_id=found.pk)
        status = 400
    else:
        formset = ShiftFormSet(
            initial=[
                {
                    "member": s.member_id,
                    "start": s.start.astimezone(household.zone).time(),
                    "end": s.end.astimezone(household.zone).time(),
                }
                for s in selectors.shifts_of(found)
            ],
            form_kwargs={"people": people},
        )
        status = 200
    return render(
        request,
        "nights/edit.html",
        {
            "plan": found,
            "formset": formset,
            "night_start": presenters.hhmm(night.start, household.zone),
            "night_end": presenters.hhmm(night.end, household.zone),
            "zone_name": presenters.zone_name(household.zone),
        },
        status=status,
    )


def _duty(formset: Any, night: Any, zone: Any) -> tuple[list[tuple[int, Duty]], bool]:
    """The kept rows as duty, placed in the night; a clock outside the night window is a field error."""
    duty = []
    bad = False
    rows = formset.rows()
    if not rows:
        formset.forms[0].add_error("member", NO_SHIFTS)
        return [], True
    for i, form in rows:
        start = place_clock(form.cleaned_data["start"], night, zone, is_end=False)
        end = place_clock(form.cleaned_data["end"], night, zone, is_end=True)
        window = OUTSIDE_NIGHT.format(
            start=presenters.hhmm(night.start, zone), end=presenters.hhmm(night.end, zone)
        )
        if start is None:
            form.add_error("start", window)
        if end is None:
            form.add_error("end", window)
        if start is None or end is None:
            bad = True
            continue
        duty.append((i, Duty(form.cleaned_data["member"], start, end)))
    return duty, bad


def _shift_errors(formset: Any, indexes: list[int], error: ValidationError) -> None:
    for message in error.message_dict.get("shifts", []):
        # "Shift N, “field”: message" from the service: put it on that row's field.
        head, _, text = message.partition(": ")
        number, _, field = head.partition(", ")
        row = indexes[int(number.removeprefix("Shift ")) - 1]
        formset.forms[row].add_error(field.strip("“”") or None, text)


@parent_required
@require_POST
def delete(request: MemberRequest, night_plan_id: int) -> HttpResponse:
    found = selectors.plan_for(household=request.household, plan_id=night_plan_id)
    services.delete_plan(member=request.member, plan=found)
    messages.success(request, f"The plan for the night of {day_label(found.night)} is gone.")
    return redirect("nights:home")


@parent_required
@require_GET
def against(request: MemberRequest, night_plan_id: int) -> HttpResponse:
    found = selectors.plan_for(household=request.household, plan_id=night_plan_id)
    household = request.household
    now = timezone.now()
    compared = selectors.against_plan(household=household, plan=found, now=now)
    names = selectors.member_names(household)
    context = {
        "plan": found,
        "compared": compared,
        "summary": presenters.summary_sentence(compared, names),
        "wakings": presenters.waking_rows(compared, names, household.zone),
        "sleep": presenters.sleep_rows(compared, names),
        "line": plan_summary(found, names, household.zone),
    }
    return render(request, "nights/against.html", context)


@parent_required
@require_GET
def morning(request: MemberRequest) -> HttpResponse:
    """Last night against its plan, or the way to make one."""
    household = request.household
    last = selectors.plan_on(household, selectors.last_night(household, timezone.now()))
    if last is None:
        messages.info(request, "Last night had no plan to set beside the log. Make tonight's below.")
        return redirect("nights:home")
    return redirect("nights:against", night_plan_id=last.pk)
