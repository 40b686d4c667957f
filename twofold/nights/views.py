"""Night planner pages: parents only, except the calendar page and feed, which every member has for their
own shifts (a helper on a night needs it as much as a parent)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from twofold.households.access import MemberRequest, member_required, parent_required
from twofold.nights import presenters, selectors, services
from twofold.nights.ask import feeder_to_offer
from twofold.nights.calendar import feed
from twofold.nights.edits import NO_SHIFTS, OUTSIDE_NIGHT, Duty, place_clock
from twofold.nights.evidence import NOT_PROVEN, SAFE_SLEEP
from twofold.nights.explain import roughly
from twofold.nights.forms import FairnessForm, PlanForm, PreferenceForm, ShiftFormSet, WeekForm
from twofold.nights.models import NightPlan
from twofold.nights.plans import Fairness, Feeding

CALENDAR_TOKEN = "nights_calendar_token"  # noqa: S105 (a session key, not a secret)


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


def _plan_summary(plan: NightPlan | None, names: dict[int, str], zone: Any) -> str | None:
    if plan is None:
        return None
    return presenters.shift_line(
        [(names.get(s.member_id, "?"), s.start, s.end) for s in plan.shifts.all()], zone
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
        "tonight_line": _plan_summary(tonight_plan, names, household.zone),
        "upcoming": [(p, _plan_summary(p, names, household.zone)) for p in upcoming],
        "last_plan": last,
        "plan_form": plan_form
        or PlanForm(initial=_initial(inputs, day), parents=parents, has_helper=has_helper),
        "week_form": week_form
        or WeekForm(initial=_initial(inputs, day), parents=parents, has_helper=has_helper, first=day),
        "pattern": inputs.pattern,
        "not_proven": NOT_PROVEN,
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
            _add_errors(form, error)
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
    first = _date(request.POST.get("night")) or selectors.tonight(request.household, now)
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
            _add_errors(form, error)
        else:
            said = f"Planned {len(result.plans)} nights."
            if result.kept:
                said += (
                    " Kept as they were, because they were changed by hand: "
                    + ", ".join(_day(d) for d in result.kept)
                    + "."
                )
            messages.success(request, said)
            return redirect("nights:home")
    return _home(request, week_form=form, status=400)


def _day(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text or "")
    except ValueError:
        return None


def _add_errors(form: Any, error: ValidationError) -> None:
    for field, messages_ in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages_)


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
    messages.success(request, f"The plan for the night of {_day(found.night)} is gone.")
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
        "line": _plan_summary(found, names, household.zone),
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
