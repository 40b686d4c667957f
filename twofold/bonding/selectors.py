"""Scoped reads for bonding: plans, and the settle and activity events the pure functions work on.

Each read is one query whatever the log's size; times come back raw through twofold.db, as in insights.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from twofold.bonding.crying import CryingSpan
from twofold.bonding.models import BondingPlan, DayStatus, PlanDay
from twofold.bonding.trend import SESSION_KINDS, SettlingSession, session_from
from twofold.care.models import CareEvent, Kind
from twofold.db import Prepared, RawTimestamp, fetch, json_value, moment
from twofold.households.models import Child, Household, Member


def plans_of(*, household: Household) -> QuerySet[BondingPlan]:
    return BondingPlan.objects.filter(household=household).select_related("member", "child")


def get_plan_for_member(*, member: Member, plan_id: int) -> BondingPlan:
    plan = plans_of(household=member.household).filter(pk=plan_id).first()
    if plan is None:
        raise Http404("No such plan in your household.")
    return plan


def open_plans_of(*, member: Member) -> list[BondingPlan]:
    """The member's own plans that have not ended, with their child, in one query."""
    plans = BondingPlan.objects.filter(member=member, ended_at__isnull=True)
    return list(plans.select_related("child").order_by("id"))


@dataclass(frozen=True)
class PlanChild:
    pk: int
    name: str
    birth_date: dt.date
    feeding_method: str


@dataclass(frozen=True)
class PlanRow:
    """An active plan as Today reads it: plain values, no model objects (Today is benchmarked)."""

    pk: int
    member_id: int
    child: PlanChild
    started_on: dt.date

    @property
    def child_id(self) -> int:
        return self.child.pk


@dataclass(frozen=True)
class DayRow:
    """What became of one day's suggestion, with the response of the care it logged."""

    plan_id: int
    day: dt.date
    activity: str
    status: str
    event_id: int | None
    response: str
    settled_after_minutes: int | None


def _date(value: str | dt.date) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


_DAY_FIELDS = (
    "plan_id",
    "day",
    "activity",
    "status",
    "event_id",
    "event__response",
    "event__settled_after_minutes",
)


def _day_rows(values: list[tuple[Any, ...]]) -> list[DayRow]:
    return [DayRow(p, _date(d), a, s, e, r or "", m) for p, d, a, s, e, r, m in values]


# Today's two reads for a parent, compiled once (see twofold.db.Prepared).
_ACTIVE = {"ended_at__isnull": True, "paused_at__isnull": True}
_TODAY_PLANS = Prepared(
    lambda member: (
        BondingPlan.objects.filter(member_id=member, **_ACTIVE)
        .order_by("id")
        .values_list(
            "pk",
            "member_id",
            "child_id",
            "child__name",
            "child__birth_date",
            "child__feeding_method",
            "started_on",
        )
    ),
    member=int,
)
_TODAY_DAYS = Prepared(
    lambda member: (
        PlanDay.objects.filter(plan__member_id=member, **{f"plan__{k}": v for k, v in _ACTIVE.items()})
        .order_by("day", "id")
        .values_list(*_DAY_FIELDS)
    ),
    member=int,
)


def active_plans_for_today(*, member: Member) -> list[PlanRow]:
    return [
        PlanRow(pk, member_id, PlanChild(child, name, _date(birth), feeding), _date(started))
        for pk, member_id, child, name, birth, feeding, started in _TODAY_PLANS.fetch(member=member.pk)
    ]


def active_days_for_today(*, member: Member) -> list[DayRow]:
    return _day_rows(_TODAY_DAYS.fetch(member=member.pk))


def days_of(*, plans: list[BondingPlan]) -> list[DayRow]:
    """Every day's outcome of these plans, in one query (a year of days is a few hundred rows)."""
    if not plans:
        return []
    return _day_rows(
        fetch(PlanDay.objects.filter(plan__in=plans).order_by("day", "id").values_list(*_DAY_FIELDS))
    )


def done_counts(days: list[DayRow], plan_id: int) -> Counter[str]:
    """How often each activity of a plan was done: the plan's steps open on these counts."""
    return Counter(d.activity for d in days if d.plan_id == plan_id and d.status == DayStatus.DONE)


def crying_spans(*, child: Child, lo: dt.datetime, hi: dt.datetime) -> list[CryingSpan]:
    """The child's crying episodes that started in [lo, hi), oldest first."""
    query = (
        CareEvent.objects.filter(
            household_id=child.household_id,
            child=child,
            kind=Kind.SETTLE,
            deleted_at__isnull=True,
            start__gte=lo,
            start__lt=hi,
        )
        .order_by("start", "id")
        .annotate(start_s=RawTimestamp("start"), end_s=RawTimestamp("end"))
        .values_list(
            "by_id",
            "start_s",
            "end_s",
            "running",
            "settle__tried",
            "settle__outcome",
            "response",
            "settled_after_minutes",
        )
    )
    return [
        CryingSpan(
            member_id=by,
            start=moment(start),
            end=moment(end),
            running=bool(running),
            tried=tuple(json_value(tried) or ()),
            outcome=outcome or "",
            response=response or "",
            settled_after_minutes=minutes,
        )
        for by, start, end, running, tried, outcome, response, minutes in fetch(query)
    ]


def settling_sessions(*, child: Child, lo: dt.datetime, hi: dt.datetime) -> list[SettlingSession]:
    """Crying episodes and time together with the child that started in [lo, hi), and any care logged
    from a bonding plan (see trend.SESSION_KINDS)."""
    query = (
        CareEvent.objects.filter(
            Q(kind__in=SESSION_KINDS)
            | Q(pk__in=PlanDay.objects.filter(plan__child=child).values("event_id")),
            household_id=child.household_id,
            child=child,
            deleted_at__isnull=True,
            running=False,
            start__gte=lo,
            start__lt=hi,
        )
        .order_by("start", "id")
        .annotate(start_s=RawTimestamp("start"), end_s=RawTimestamp("end"))
        .values_list(
            "id", "by_id", "kind", "start_s", "end_s", "response", "settled_after_minutes", "settle__outcome"
        )
    )
    return [
        session_from(
            member_id=by,
            kind=kind,
            start=moment(start),
            end=moment(end),
            response=response or "",
            settled_after_minutes=minutes,
            outcome=outcome or "",
        )
        for _id, by, kind, start, end, response, minutes, outcome in fetch(query)
    ]


def names_of(*, household: Household) -> dict[int, str]:
    """Everyone who has been a member, by id, so past care keeps its name."""
    return dict(Member.objects.filter(household=household).values_list("pk", "display_name"))
