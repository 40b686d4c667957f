"""Every write of the night planner: pages, API, CLI and demo share these.

Re-planning a night the planner made replaces it (nothing a person chose is lost). A night someone edited
by hand is kept unless they say `replace=True`: the page asks first, the API answers 400 under `replace`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from twofold.households.models import Household, Member
from twofold.insights.periods import Night
from twofold.nights import planner
from twofold.nights.ask import Preference, recent_sleep, request_for
from twofold.nights.edits import Duty, check
from twofold.nights.models import (
    AgreedNight,
    CalendarLink,
    HowMade,
    NightPlan,
    NightPreference,
    NightSettings,
    Shift,
)
from twofold.nights.plans import Fairness, Feeding, Person, Plan, PlanRequest
from twofold.nights.selectors import Inputs, inputs_for, night_ahead, night_for, plans_of, tonight

PARENTS_ONLY = "Only a parent can plan the household's nights."
TOO_EARLY = "That night has already ended: plan tonight or a night to come."
TOO_FAR = "Plan up to {weeks} weeks ahead: the log says little about the baby's nights further off."
KEEPS_EDITS = (
    "The night of {day} was changed by hand. Tick “replace the changes” to plan it again, "
    "or keep it as it is."
)
NOT_A_HELPER = "Choose a helper's night only when a helper has offered nights (see Night preferences)."
AHEAD_WEEKS = 8


@dataclass(frozen=True)
class Options:
    feeding: Feeding | None = None
    fairness: Fairness | None = None
    feeder_id: int | None = None
    helper_night: bool = False


def _must_be_parent(member: Member) -> None:
    if not member.is_parent:
        raise PermissionDenied(PARENTS_ONLY)


def _check_night(household: Household, day: dt.date, now: dt.datetime) -> Night:
    # The day is checked before its night is placed: a night at the calendar's ends (9999-12-31) ends on a
    # day datetime cannot represent.
    if day < tonight(household, now):
        raise ValidationError({"night": TOO_EARLY})
    _check_not_too_far(household, day, now)
    return night_for(household, day)


def _check_not_too_far(household: Household, day: dt.date, now: dt.datetime) -> None:
    if day > now.astimezone(household.zone).date() + dt.timedelta(weeks=AHEAD_WEEKS):
        raise ValidationError({"night": TOO_FAR.format(weeks=AHEAD_WEEKS)})


def _turn(inputs: Inputs, day: dt.date) -> int | None:
    """Alternate nights: the parent who was not on duty the night before, when that night had a plan."""
    parents = inputs.parent_ids
    before = (
        Shift.objects.filter(plan__household=inputs.household, plan__night=day - dt.timedelta(days=1))
        .values_list("member_id", flat=True)
        .first()
    )
    if before in parents and len(parents) > 1:
        return parents[(parents.index(before) + 1) % len(parents)]
    return parents[0] if parents else None


def request_from(inputs: Inputs, night: Night, options: Options, now: dt.datetime) -> PlanRequest:
    fairness = options.fairness or inputs.fairness
    slept = (
        recent_sleep(inputs.spans, inputs.learned_from, inputs.parent_ids, now)
        if fairness is Fairness.PROTECT_LOWER
        else None
    )
    return request_for(
        night,
        zone=inputs.household.zone,
        window=inputs.window,
        people=inputs.people,
        prefs=inputs.prefs,
        feeding=options.feeding or inputs.feeding,
        feeder_id=options.feeder_id or inputs.feeder_id,
        fairness=fairness,
        helper_night=options.helper_night,
        turn=_turn(inputs, night.of) if fairness is Fairness.ALTERNATE else None,
        slept=slept,
        agreed=inputs.agreed.get(night.of),
    )


def _helper_offered(request: PlanRequest, options: Options) -> None:
    if options.helper_night and not request.helper_night:
        raise ValidationError({"helper_night": NOT_A_HELPER})


def preview(*, household: Household, day: dt.date, options: Options, now: dt.datetime) -> Plan:
    """The planner's plan for a night, not saved (the CLI without --save).

    A past night may be looked at; a night further ahead than the app plans is refused as the app refuses
    it, before it is placed (9999-12-31's night would end past the calendar)."""
    _check_not_too_far(household, day, now)
    inputs = inputs_for(household=household, now=now)
    return planner.plan_night(request_from(inputs, night_for(household, day), options, now), inputs.pattern)


def preview_week(
    *,
    household: Household,
    first: dt.date,
    options: Options,
    helper_nights: Collection[dt.date],
    now: dt.datetime,
) -> tuple[Plan, ...]:
    _check_not_too_far(household, first, now)
    inputs = inputs_for(household=household, now=now)
    nights = [night_for(household, first + dt.timedelta(days=i)) for i in range(7)]
    request = request_from(inputs, nights[0], options, now)
    return planner.plan_week(request, inputs.pattern, nights, helper_nights=helper_nights)


def _store(
    household: Household,
    request: PlanRequest,
    plan: Plan,
    *,
    made_by: Member | None,
    how: str,
    now: dt.datetime,
) -> NightPlan:
    fields = {
        "made_by": made_by,
        "how": how,
        "feeding": request.feeding.value,
        "feeder_id": request.feeder.member_id if request.feeder else None,
        "fairness": request.fairness.value,
        "helper_night": request.helper_night,
        "explanation": "\n".join(plan.explanation),
        "unmet": "\n".join(plan.unmet),
        "protected": [
            {"member": b.member_id, "start": b.start.isoformat(), "end": b.end.isoformat()}
            for b in plan.protected
        ],
        "updated_at": now,
    }
    stored, created = NightPlan.objects.update_or_create(
        household=household,
        night=request.night.of,
        defaults=fields,
        create_defaults=fields | {"created_at": now},
    )
    if not created:
        stored.shifts.all().delete()
    Shift.objects.bulk_create(
        Shift(
            plan=stored,
            member_id=s.member_id,
            start=s.start,
            end=s.end,
            expected_wakings=s.expected_wakings,
            expected_feeds=s.expected_feeds,
        )
        for s in plan.shifts
    )
    return stored


@transaction.atomic
def make_plan(
    *,
    member: Member,
    day: dt.date,
    options: Options = Options(),  # noqa: B008 (frozen: safe to share)
    replace_edits: bool = False,
    now: dt.datetime | None = None,
) -> NightPlan:
    """Run the planner for one night and keep the result (an infeasible plan is kept too, with its why)."""
    _must_be_parent(member)
    now = now or timezone.now()
    household = member.household
    night = _check_night(household, day, now)
    existing = plans_of(household).filter(night=day).values_list("how", flat=True).first()
    if existing == HowMade.BY_HAND and not replace_edits:
        raise ValidationError({"replace": KEEPS_EDITS.format(day=f"{day.day} {day:%B}")})
    inputs = inputs_for(household=household, now=now)
    request = request_from(inputs, night, options, now)
    _helper_offered(request, options)
    plan = planner.plan_night(request, inputs.pattern)
    return _store(household, request, plan, made_by=member, how=HowMade.PLANNER, now=now)


@dataclass(frozen=True)
class WeekResult:
    plans: tuple[NightPlan, ...]
    kept: tuple[dt.date, ...]  # nights edited by hand and left as they were


@transaction.atomic
def make_week(
    *,
    member: Member,
    first: dt.date,
    options: Options = Options(),  # noqa: B008
    helper_nights: Collection[dt.date] = (),
    replace_edits: bool = False,
    now: dt.datetime | None = None,
) -> WeekResult:
    """Plan seven nights from `first`; nights edited by hand are kept unless replace_edits."""
    _must_be_parent(member)
    now = now or timezone.now()
    household = member.household
    nights = [_check_night(household, first + dt.timedelta(days=i), now) for i in range(7)]
    inputs = inputs_for(household=household, now=now)
    request = request_from(inputs, nights[0], options, now)
    if helper_nights and not any(not p.is_parent for p in request.people):
        raise ValidationError({"helper_nights": NOT_A_HELPER})
    plans = list(planner.plan_week(request, inputs.pattern, nights, helper_nights=helper_nights))
    requests = [
        replace(request, night=n, helper_night=request.helper_night or n.of in helper_nights) for n in nights
    ]
    for i, night in enumerate(nights):
        # A night someone agreed to is planned on its own, with them on duty (the week's request has not).
        if night.of in inputs.agreed:
            requests[i] = request_from(inputs, night, options, now)
            plans[i] = planner.plan_night(requests[i], inputs.pattern)
    by_hand = set(
        plans_of(household)
        .filter(night__in=[n.of for n in nights], how=HowMade.BY_HAND)
        .values_list("night", flat=True)
    )
    kept = () if replace_edits else tuple(sorted(by_hand))
    stored = []
    for night, one, plan in zip(nights, requests, plans, strict=True):
        if night.of in kept:
            continue
        stored.append(_store(household, one, plan, made_by=member, how=HowMade.PLANNER, now=now))
    return WeekResult(tuple(stored), kept)


@transaction.atomic
def edit_shifts(
    *, member: Member, plan: NightPlan, duty: Sequence[Duty], now: dt.datetime | None = None
) -> NightPlan:
    """Keep shifts a parent set by hand; raises ValidationError keyed `shifts` with one message per row."""
    _must_be_parent(member)
    now = now or timezone.now()
    household = member.household
    inputs = inputs_for(household=household, now=now)
    night = night_for(household, plan.night)
    names = {p.member_id: p.name for p in inputs.people}
    problems = check(duty, night, household.zone, set(names), names)
    if problems:
        raise ValidationError(
            {"shifts": [f"Shift {p.row + 1}, “{p.field}”: {p.message}" for p in problems]},
        )
    options = Options(
        feeding=Feeding(plan.feeding),
        fairness=Fairness(plan.fairness),
        feeder_id=plan.feeder_id,
        helper_night=plan.helper_night,
    )
    request = request_from(inputs, night, options, now)
    # Whoever was put on a shift is in the plan, even a helper who has not offered nights.
    on = {d.member_id for d in duty} - {p.member_id for p in request.people}
    if on:
        extra = tuple(Person(p.member_id, p.name, role="helper") for p in inputs.people if p.member_id in on)
        request = replace(request, people=request.people + extra)
    evaluated = planner.evaluate(request, inputs.pattern, [(d.member_id, d.start, d.end) for d in duty])
    return _store(household, request, evaluated, made_by=member, how=HowMade.BY_HAND, now=now)


@transaction.atomic
def delete_plan(*, member: Member, plan: NightPlan) -> None:
    _must_be_parent(member)
    plan.delete()


def save_preference(*, member: Member, about: Member, preference: Preference) -> NightPreference:
    _must_be_parent(member)
    if about.household_id != member.household_id:
        raise PermissionDenied("Not a member of your household.")
    row, _ = NightPreference.objects.update_or_create(
        member=about,
        defaults={
            "household_id": about.household_id,
            "night_from": preference.night_from,
            "night_until": preference.night_until,
            "work_mornings": preference.work_mornings,
            "target_minutes": int(preference.target.total_seconds() // 60),
            "available_for_nights": preference.available_for_nights,
            "breastfeeds": preference.breastfeeds,
        },
    )
    if preference.breastfeeds:
        # One breastfeeding parent: marking one unmarks any other.
        NightPreference.objects.filter(household_id=member.household_id, breastfeeds=True).exclude(
            pk=row.pk
        ).update(breastfeeds=False)
    return row


def save_fairness(*, member: Member, fairness: Fairness) -> None:
    _must_be_parent(member)
    NightSettings.objects.update_or_create(household=member.household, defaults={"fairness": fairness.value})


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_calendar_link(*, member: Member, now: dt.datetime | None = None) -> str:
    """A fresh secret for the member's calendar feed; the old address stops working at once."""
    token = secrets.token_urlsafe(32)
    CalendarLink.objects.update_or_create(
        member=member, defaults={"token_hash": token_hash(token), "created_at": now or timezone.now()}
    )
    return token


def revoke_calendar_link(*, member: Member) -> None:
    CalendarLink.objects.filter(member=member).delete()


def _replan_agreed(household: Household, day: dt.date, made_by: Member | None, now: dt.datetime) -> NightPlan:
    """Make (or make again) the plan of a night someone agreed to or stepped back from, keeping the plan's
    own choices (feeding, fairness). A plan changed by hand is made again: who is on duty has changed."""
    existing = plans_of(household).filter(night=day).first()
    options = (
        Options(
            feeding=Feeding(existing.feeding),
            fairness=Fairness(existing.fairness),
            feeder_id=existing.feeder_id,
        )
        if existing
        else Options()
    )
    inputs = inputs_for(household=household, now=now)
    request = request_from(inputs, night_for(household, day), options, now)
    plan = planner.plan_night(request, inputs.pattern)
    return _store(household, request, plan, made_by=made_by, how=HowMade.PLANNER, now=now)


@transaction.atomic
def agree_night(
    *,
    about: Member,
    day: dt.date,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    asked_by: Member | None = None,
    now: dt.datetime | None = None,
) -> NightPlan | None:
    """`about` will be on duty on the night of `day` (all of it unless `start`/`end` say which part), and
    that night's plan is made with them. None when the night has already ended."""
    now = now or timezone.now()
    household = about.household
    night = night_for(household, day)
    start = max(start or night.start, night.start)
    end = min(end or night.end, night.end)
    AgreedNight.objects.update_or_create(
        household=household, night=day, member=about, defaults={"start": start, "end": end}
    )
    if day < tonight(household, now) or day > now.astimezone(household.zone).date() + dt.timedelta(
        weeks=AHEAD_WEEKS
    ):
        return None
    return _replan_agreed(household, day, asked_by, now)


@transaction.atomic
def release_night(
    *, about: Member, day: dt.date, asked_by: Member | None = None, now: dt.datetime | None = None
) -> NightPlan | None:
    """`about` no longer does the night of `day`: a plan already made for it is made again without them."""
    now = now or timezone.now()
    household = about.household
    deleted, _ = AgreedNight.objects.filter(household=household, night=day, member=about).delete()
    if not deleted or day < tonight(household, now) or not plans_of(household).filter(night=day).exists():
        return None
    return _replan_agreed(household, day, asked_by, now)


@dataclass(frozen=True)
class Replanned:
    remade: tuple[dt.date, ...]
    kept: tuple[dt.date, ...]  # changed by hand: left as a parent set them, to plan again when they choose


@transaction.atomic
def replan_after_move(*, about: Member, made_by: Member | None, now: dt.datetime) -> Replanned:
    """`about` (a parent) has just moved out or back home: the coming nights already planned are made again,
    so nobody stays on duty at a home they are not sleeping in, and someone back home shares the nights.
    A night they agreed to stays as it is, and so does a night changed by hand (who set it knew best)."""
    household = about.household
    first = night_ahead(household, now)  # a night under way keeps the shifts already done
    last = now.astimezone(household.zone).date() + dt.timedelta(weeks=AHEAD_WEEKS)
    agreed = AgreedNight.objects.filter(household=household, member=about, night__gte=first)
    plans = plans_of(household).filter(night__range=(first, last)).exclude(night__in=agreed.values("night"))
    if about.lives_apart:
        plans = plans.filter(shifts__member=about).distinct()
    remade, kept = [], []
    inputs = inputs_for(household=household, now=now)
    for plan in plans.order_by("night"):
        if plan.how == HowMade.BY_HAND:
            kept.append(plan.night)
            continue
        options = Options(
            feeding=Feeding(plan.feeding),
            fairness=Fairness(plan.fairness),
            feeder_id=plan.feeder_id,
            helper_night=plan.helper_night,
        )
        request = request_from(inputs, night_for(household, plan.night), options, now)
        made = planner.plan_night(request, inputs.pattern)
        _store(household, request, made, made_by=made_by, how=HowMade.PLANNER, now=now)
        remade.append(plan.night)
    return Replanned(tuple(remade), tuple(kept))
