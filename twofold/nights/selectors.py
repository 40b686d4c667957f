"""Reads for the night planner, each scoped to one household, with a fixed number of queries.

`inputs_for` is everything a plan needs in five small queries: the people, their preferences, the
household's fairness choice, the children's feeding and the last 14 nights of care as spans (one query,
whatever the log's size), from which the pattern is learned.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.http import Http404

from twofold.households.models import Child, FeedingMethod, Household, Member
from twofold.households.selectors import still_a_member
from twofold.insights.periods import Night, night_of, nights_between
from twofold.insights.selectors import spans_of_nights
from twofold.insights.spans import CareSpan
from twofold.nights.against import NightAgainstPlan, compare
from twofold.nights.ask import Preference, Someone, default_preference, feeder_of
from twofold.nights.calendar import PAST, FeedShift
from twofold.nights.evidence import LEARN_NIGHTS
from twofold.nights.learn import NightPattern, learn
from twofold.nights.models import (
    AgreedNight,
    CalendarLink,
    NightPlan,
    NightPreference,
    NightSettings,
    Shift,
)
from twofold.nights.plans import Fairness, Feeding


@dataclass(frozen=True)
class Inputs:
    household: Household
    people: tuple[Someone, ...]
    prefs: dict[int, Preference]
    fairness: Fairness
    feeding: Feeding
    feeder_id: int | None
    learned_from: tuple[Night, ...]
    spans: tuple[CareSpan, ...]
    pattern: NightPattern
    # Night -> who agreed to be on duty then -> their stretch (UTC), from tonight on.
    agreed: dict[dt.date, dict[int, tuple[dt.datetime, dt.datetime]]] = field(default_factory=dict)

    @property
    def window(self) -> tuple[dt.time, dt.time]:
        return self.household.night_start, self.household.night_end

    @property
    def parent_ids(self) -> list[int]:
        return [p.member_id for p in self.people if p.role == "parent"]

    def name_of(self, member_id: int) -> str:
        return next((p.name for p in self.people if p.member_id == member_id), "someone who left")


def night_for(household: Household, day: dt.date) -> Night:
    return night_of(day, household.zone, household.night_start, household.night_end)


def tonight(household: Household, now: dt.datetime) -> dt.date:
    """The night in progress, or else the one that starts this evening (local)."""
    today = now.astimezone(household.zone).date()
    yesterday = today - dt.timedelta(days=1)
    return yesterday if now < night_for(household, yesterday).end else today


def night_ahead(household: Household, now: dt.datetime) -> dt.date:
    """The next night that has not begun: this evening's, or tomorrow's once this evening's is under way."""
    day = tonight(household, now)
    return day if now < night_for(household, day).start else day + dt.timedelta(days=1)


def last_night(household: Household, now: dt.datetime) -> dt.date:
    """The most recent night that has ended."""
    day = tonight(household, now)
    return day if night_for(household, day).end <= now else day - dt.timedelta(days=1)


def ended_nights(household: Household, now: dt.datetime, count: int) -> list[Night]:
    today = now.astimezone(household.zone).date()
    nights = nights_between(
        today - dt.timedelta(days=count + 1),
        today,
        household.zone,
        household.night_start,
        household.night_end,
    )
    return [n for n in nights if n.end <= now][-count:]


def people_of(household: Household) -> tuple[Someone, ...]:
    rows = (
        Member.objects.current()
        .filter(household=household)
        .values_list("pk", "display_name", "role", "gave_birth", "lives_apart")
    )
    return tuple(Someone(*row) for row in rows)


def agreed_nights(
    household: Household, since: dt.date
) -> dict[dt.date, dict[int, tuple[dt.datetime, dt.datetime]]]:
    """Who agreed to which night from `since` on, in one query."""
    agreed: dict[dt.date, dict[int, tuple[dt.datetime, dt.datetime]]] = {}
    rows = AgreedNight.objects.filter(household=household, night__gte=since).values_list(
        "night", "member_id", "start", "end"
    )
    for day, member_id, start, end in rows:
        agreed.setdefault(day, {})[member_id] = (start, end)
    return agreed


def preferences_of(household: Household, people: tuple[Someone, ...]) -> dict[int, Preference]:
    saved = {p.member_id: p for p in NightPreference.objects.filter(household=household)}
    prefs = {}
    for someone in people:
        row = saved.get(someone.member_id)
        prefs[someone.member_id] = (
            default_preference(someone.role)
            if row is None
            else Preference(
                row.night_from,
                row.night_until,
                row.work_mornings,
                dt.timedelta(minutes=row.target_minutes),
                row.available_for_nights or someone.role == "parent",
                row.breastfeeds,
            )
        )
    return prefs


def fairness_of(household: Household) -> Fairness:
    chosen = NightSettings.objects.filter(household=household).values_list("fairness", flat=True).first()
    return Fairness(chosen) if chosen else Fairness.EVEN


def feeding_of(household: Household) -> Feeding:
    """Exclusive breastfeeding for any child means feeds need the breastfeeding parent; else bottles."""
    methods = set(Child.objects.filter(household=household).values_list("feeding_method", flat=True))
    return Feeding.BREAST if FeedingMethod.BREAST in methods else Feeding.BOTTLE


def inputs_for(*, household: Household, now: dt.datetime) -> Inputs:
    people = people_of(household)
    prefs = preferences_of(household, people)
    nights = ended_nights(household, now, LEARN_NIGHTS)
    spans = spans_of_nights(household=household, nights=nights)
    pattern = learn(
        spans,
        nights,
        zone=household.zone,
        night_start=household.night_start,
        night_end=household.night_end,
        now=now,
    )
    return Inputs(
        household,
        people,
        prefs,
        fairness_of(household),
        feeding_of(household),
        feeder_of(people, prefs),
        tuple(nights),
        tuple(spans),
        pattern,
        agreed_nights(household, tonight(household, now)),
    )


def plans_of(household: Household) -> QuerySet[NightPlan]:
    return NightPlan.objects.filter(household=household)


def plan_for(*, household: Household, plan_id: int) -> NightPlan:
    plan = plans_of(household).filter(pk=plan_id).first()
    if plan is None:
        raise Http404("No such night plan in your household.")
    return plan


def plan_on(household: Household, day: dt.date) -> NightPlan | None:
    return plans_of(household).filter(night=day).first()


def shifts_of(plan: NightPlan) -> list[Shift]:
    return list(plan.shifts.select_related("member").order_by("start"))


def member_names(household: Household) -> dict[int, str]:
    """Everyone who has been a member, so an old plan keeps its names."""
    return dict(Member.objects.filter(household=household).values_list("pk", "display_name"))


def planned_blocks(plan: NightPlan) -> dict[int, dt.timedelta]:
    return {
        int(b["member"]): dt.datetime.fromisoformat(b["end"]) - dt.datetime.fromisoformat(b["start"])
        for b in plan.protected
    }


def against_plan(*, household: Household, plan: NightPlan, now: dt.datetime) -> NightAgainstPlan:
    """The night's log beside its plan: two queries (the shifts, the night's care)."""
    night = night_for(household, plan.night)
    shifts = list(plan.shifts.values_list("member_id", "start", "end"))
    spans = spans_of_nights(household=household, nights=[night])
    return compare(spans, night, shifts=shifts, planned=planned_blocks(plan), now=now)


def calendar_member(token: str) -> Member | None:
    """The current member a calendar secret belongs to; None for an unknown, old or revoked one."""
    digest = hashlib.sha256(token.encode()).hexdigest()
    link = (
        CalendarLink.objects.select_related("member__household")
        .filter(still_a_member("member"), token_hash=digest)
        .first()
    )
    return link.member if link else None


def feed_shifts(member: Member, now: dt.datetime) -> list[FeedShift]:
    rows = (
        Shift.objects.filter(member=member, end__gte=now - PAST)
        .order_by("plan_id", "start")
        .values_list("plan_id", "start", "end", "plan__updated_at")
    )
    shifts: list[FeedShift] = []
    for plan_id, start, end, updated in rows:
        ordinal = sum(1 for s in shifts if s.plan_id == plan_id)
        shifts.append(FeedShift(plan_id, member.pk, ordinal, start, end, updated))
    return shifts


def has_calendar(member: Member) -> bool:
    return CalendarLink.objects.filter(member=member).exists()
