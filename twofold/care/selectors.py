"""Scoped reads of the care log, each a fixed number of queries whatever the log's size."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from twofold.care.day import DaySummary, EventFact, local_day_bounds, summarise_day
from twofold.care.details import DETAIL_RELATIONS
from twofold.care.models import CareEvent, Kind
from twofold.households.models import Child, Member


def events_for_member(*, member: Member) -> QuerySet[CareEvent]:
    return CareEvent.objects.filter(household_id=member.household_id, deleted_at__isnull=True).select_related(
        "child", "by", "logged_by", *DETAIL_RELATIONS
    )


def get_event_for_member(*, member: Member, event_id: int, include_deleted: bool = False) -> CareEvent:
    events = CareEvent.objects.filter(household_id=member.household_id, pk=event_id)
    if not include_deleted:
        events = events.filter(deleted_at__isnull=True)
    event = events.select_related("child", "by", "logged_by", *DETAIL_RELATIONS).first()
    if event is None:
        raise Http404("No such event in your household.")
    return event


def running_timers(*, member: Member) -> QuerySet[CareEvent]:
    return events_for_member(member=member).filter(running=True).order_by("start")


@dataclass(frozen=True)
class HistoryFilter:
    child_id: int | None = None
    kind: str | None = None
    by_id: int | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None


def history(*, member: Member, filters: HistoryFilter) -> QuerySet[CareEvent]:
    events = events_for_member(member=member)
    if filters.child_id is not None:
        events = events.filter(child_id=filters.child_id)
    if filters.kind:
        events = events.filter(kind=filters.kind)
    if filters.by_id is not None:
        events = events.filter(by_id=filters.by_id)
    if filters.since is not None:
        events = events.filter(start__gte=filters.since)
    if filters.until is not None:
        events = events.filter(start__lt=filters.until)
    return events.order_by("-start", "-id")


def _latest(kind: str, field: str = "start") -> Subquery:
    return Subquery(
        CareEvent.objects.filter(child=OuterRef("pk"), kind=kind, deleted_at__isnull=True)
        .order_by(f"-{field}")
        .values(field)[:1]
    )


def children_with_latest(*, member: Member) -> QuerySet[Child]:
    """Children with the time of their last feed, nappy and sleep end, in one query."""
    return Child.objects.filter(household_id=member.household_id).annotate(
        last_feed=_latest(Kind.FEED),
        last_nappy=_latest(Kind.NAPPY),
        last_sleep_end=Subquery(
            CareEvent.objects.filter(
                child=OuterRef("pk"), kind=Kind.SLEEP, deleted_at__isnull=True, end__isnull=False
            )
            .order_by("-start")
            .values("end")[:1]
        ),
    )


@dataclass
class ChildDay:
    child: Child
    summary: DaySummary
    events: list[CareEvent]
    asleep_since: dt.datetime | None = None


def today(*, member: Member, now: dt.datetime) -> tuple[list[ChildDay], list[CareEvent]]:
    """Per child, today's totals and timeline (household-local day), plus the running timers."""
    zone = member.household.zone
    lo, hi = local_day_bounds(now.astimezone(zone).date(), zone)
    events = list(
        events_for_member(member=member)
        .filter(Q(start__gte=lo, start__lt=hi) | Q(running=True) | Q(end__gt=lo, start__lt=lo))
        .order_by("-start", "-id")
    )
    days = []
    for child in children_with_latest(member=member):
        mine = [e for e in events if e.child_id == child.pk]
        facts = [_fact(e) for e in mine]
        asleep = next((e.start for e in mine if e.running and e.kind == Kind.SLEEP), None)
        days.append(ChildDay(child, summarise_day(facts, lo, hi, now), mine, asleep))
    running = sorted((e for e in events if e.running), key=lambda e: e.start)
    return days, running


def _fact(event: CareEvent) -> EventFact:
    amount = None
    if event.kind == Kind.FEED:
        amount = event.feed.amount_ml if hasattr(event, "feed") else None
    return EventFact(event.kind, event.child_id, event.by_id, event.start, event.end, amount)
