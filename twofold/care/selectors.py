"""Scoped reads of the care log, each a fixed number of queries whatever the log's size."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404

from twofold.care.day import DaySummary, EventFact, local_day_bounds, summarise_day
from twofold.care.details import DETAIL_RELATIONS
from twofold.care.models import CareEvent, Kind
from twofold.care.rows import EventRow, row_query, rows_from
from twofold.care.rules import LONGEST_EVENT
from twofold.care.shortcuts import (
    MEDICINE_DAYS,
    MEDICINE_ROWS,
    OTHER_SIDE,
    SHORTCUT_DAYS,
    Bottle,
    Dose,
    FeedFact,
    last_side,
    recent_medicines,
    side_to_offer,
    usual_bottles,
)
from twofold.db import Prepared, decimal, moment
from twofold.households.api import User
from twofold.households.models import Child, Member
from twofold.households.selectors import household_ids_for_user

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


def events_for_user(*, user: User, include_deleted: bool = False) -> QuerySet[CareEvent]:
    """The API's view of the log: every household where the caller is still a member."""
    # The ids as a list, not a subquery: with the one household most callers have, the database walks the
    # household's index in order and stops at the page's end.
    households = list(household_ids_for_user(user_id=user.pk))
    events = CareEvent.objects.filter(household_id__in=households)
    if not include_deleted:
        events = events.filter(deleted_at__isnull=True)
    return events.select_related("household", "child", "by", "logged_by", *DETAIL_RELATIONS).order_by(
        "-start", "-id"
    )


def running_timers_for_user(*, user: User) -> QuerySet[CareEvent]:
    return events_for_user(user=user).filter(running=True).order_by("start", "id")


def running_timer_of(*, child: Child, kind: str, exclude_pk: int | None = None) -> CareEvent | None:
    """The child's running timer of this kind (at most one: the database says so), if any."""
    running = CareEvent.objects.filter(child=child, kind=kind, running=True, deleted_at__isnull=True)
    if exclude_pk is not None:
        running = running.exclude(pk=exclude_pk)
    return running.select_related("child", "logged_by").first()


def get_event_by_client_id(*, member: Member, client_id: str) -> CareEvent | None:
    """The household's event a page made with this client_id (deleted ones too); None when there is none."""
    try:
        wanted = uuid.UUID(client_id)
    except ValueError:
        return None
    return (
        CareEvent.objects.filter(household_id=member.household_id, client_id=wanted)
        .select_related("household", "child", "deleted_by")
        .first()
    )


def get_event_for_member(*, member: Member, event_id: int, include_deleted: bool = False) -> CareEvent:
    events = CareEvent.objects.filter(household_id=member.household_id, pk=event_id)
    if not include_deleted:
        events = events.filter(deleted_at__isnull=True)
    event = events.select_related("household", "child", "by", "logged_by", *DETAIL_RELATIONS).first()
    if event is None:
        raise Http404("No such event in your household.")
    return event


def _live(household: int) -> QuerySet[CareEvent]:
    return CareEvent.objects.filter(household_id=household, deleted_at__isnull=True)


def events_for_member(*, member: Member) -> QuerySet[CareEvent]:
    """The household's log, deleted events left out."""
    return _live(member.household_id)


# The two reads on every Quick log and Today view, compiled once (see twofold.db.Prepared).
_RUNNING = Prepared(
    lambda household: row_query(_live(household).filter(running=True).order_by("start")), household=int
)
_RECENT = Prepared(
    lambda household, since, until: row_query(
        _live(household).filter(start__gte=since, start__lt=until).order_by("-start", "-id")
    ),
    household=int,
    since=dt.datetime,
    until=dt.datetime,
)


def running_timers(*, member: Member) -> list[EventRow]:
    return rows_from(_RUNNING.fetch(household=member.household_id))


@dataclass(frozen=True)
class HistoryFilter:
    child_id: int | None = None
    kind: str | None = None
    by_id: int | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None


def history(*, member: Member, filters: HistoryFilter) -> QuerySet[CareEvent]:
    """The filtered log, newest first; page it, then read it with rows.event_rows."""
    return filter_events(events_for_member(member=member), filters).order_by("-start", "-id")


def filter_events(events: QuerySet[CareEvent], filters: HistoryFilter) -> QuerySet[CareEvent]:
    """Narrow a scoped log; since/until are half-open on the start time: [since, until)."""
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
    return events


def _latest(kind: str, field: str = "start") -> Subquery:
    return Subquery(
        CareEvent.objects.filter(child=OuterRef("pk"), kind=kind, deleted_at__isnull=True)
        .order_by(f"-{field}")
        .values(field)[:1]
    )


class LatestCare(TypedDict):
    last_feed: dt.datetime | None
    last_nappy: dt.datetime | None
    last_sleep_end: dt.datetime | None


def children_with_latest(*, member: Member) -> QuerySet[WithAnnotations[Child, LatestCare]]:
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
    events: list[EventRow]
    asleep_since: dt.datetime | None = None
    last_feed: dt.datetime | None = None
    last_nappy: dt.datetime | None = None
    last_sleep_end: dt.datetime | None = None
    items: list[Any] = field(default_factory=list)

    @property
    def who(self) -> list[tuple[str, dict[str, int]]]:
        """Who did what today, busiest first, by the names the rows carry."""
        names = {r.by_id: r.by_name for r in self.events}
        ranked = sorted(self.summary.by_member.items(), key=lambda item: -sum(item[1].values()))
        return [(names[member], counts) for member, counts in ranked if member in names]


Latest = dict[str, dt.datetime | None]


def _latest_in(rows: list[EventRow]) -> dict[int, Latest]:
    """Each child's last feed, nappy and sleep end among rows sorted newest first."""
    found: dict[int, Latest] = {}
    for row in rows:
        mine = found.setdefault(row.child_id, {})
        if row.kind in (Kind.FEED, Kind.NAPPY) and row.kind not in mine:
            mine[row.kind] = row.start
        elif row.kind == Kind.SLEEP and row.end is not None and Kind.SLEEP not in mine:
            mine[Kind.SLEEP] = row.end
    return found


def _latest_for(member: Member, rows: list[EventRow]) -> tuple[Sequence[Child], dict[int, Latest]]:
    """The children and their latest care. The day's rows nearly always hold it; when one does not (a quiet
    day, a new household) one more query asks the whole log."""
    children = list(Child.objects.filter(household_id=member.household_id))
    latest = _latest_in(rows)
    if all(len(latest.get(c.pk, {})) == 3 for c in children):
        return children, latest
    annotated = list(children_with_latest(member=member))
    exact: dict[int, Latest] = {
        c.pk: {Kind.FEED: c.last_feed, Kind.NAPPY: c.last_nappy, Kind.SLEEP: c.last_sleep_end}
        for c in annotated
    }
    return annotated, exact


def today(*, member: Member, now: dt.datetime) -> tuple[list[ChildDay], list[EventRow]]:
    """Per child, today's totals and timeline (household-local day), plus the running timers."""
    zone = member.household.zone
    lo, hi = local_day_bounds(now.astimezone(zone).date(), zone)
    # One index range: everything that started today, or early enough to reach into today. A timer
    # left running longer than any care lasts is stale: Quick log still shows it, to be stopped.
    window = rows_from(_RECENT.fetch(household=member.household_id, since=lo - LONGEST_EVENT, until=hi))
    rows = [r for r in window if r.start >= lo or r.running or (r.end is not None and r.end > lo)]
    children, latest = _latest_for(member, window)
    days = []
    for child in children:
        mine = [r for r in rows if r.child_id == child.pk]
        facts = [
            EventFact(r.kind, r.child_id, r.by_id, r.start, r.end, r.day_volume_ml, r.running) for r in mine
        ]
        asleep = next((r.start for r in mine if r.running and r.kind == Kind.SLEEP), None)
        last = latest.get(child.pk, {})
        days.append(
            ChildDay(
                child,
                summarise_day(facts, lo, hi, now),
                mine,
                asleep,
                last.get(Kind.FEED),
                last.get(Kind.NAPPY),
                last.get(Kind.SLEEP),
            )
        )
    running = sorted((r for r in rows if r.running), key=lambda r: r.start)
    return days, running


@dataclass(frozen=True)
class Shortcuts:
    """Quick log's one-tap rows for one child (see care/shortcuts.py)."""

    bottles: list[Bottle]
    bottle_row: bool  # bottles are this child's way (or were lately): show the row, empty or not
    breast_row: bool
    last_side: str
    offer_side: str
    last_breastfeed: dt.datetime | None
    medicines: list[Dose]
    days: int = SHORTCUT_DAYS

    @property
    def sides(self) -> list[str]:
        """The breastfeed start buttons: the side to offer first, then the other."""
        first = self.offer_side or "left"
        return [first, OTHER_SIDE[first]]


# Quick log's shortcut reads, compiled once (twofold.db.Prepared): Quick log is the page tapped at night.
_RECENT_FEEDS = Prepared(
    lambda child, since: (
        CareEvent.objects.filter(child_id=child, kind=Kind.FEED, deleted_at__isnull=True, start__gte=since)
        .order_by("-start", "-id")
        .values_list("start", "feed__method", "feed__side", "feed__amount_ml")
    ),
    child=int,
    since=dt.datetime,
)
_RECENT_DOSES = Prepared(
    lambda child, since: (
        CareEvent.objects.filter(
            child_id=child, kind=Kind.MEDICINE, deleted_at__isnull=True, start__gte=since
        )
        .order_by("-start", "-id")
        .values_list(
            "medicine__name", "medicine__dose", "medicine__min_gap_minutes", "medicine__max_per_24h"
        )[:MEDICINE_ROWS]
    ),
    child=int,
    since=dt.datetime,
)


def quick_shortcuts(*, child: Child, unit: str, now: dt.datetime) -> Shortcuts:
    """The child's usual bottles, last breastfeed side and recent medicines. Two queries, each bounded."""
    feeds = [
        FeedFact(moment(start), method or "", side or "", decimal(amount))
        for start, method, side, amount in _RECENT_FEEDS.fetch(
            child=child.pk, since=now - dt.timedelta(days=SHORTCUT_DAYS)
        )
    ]
    doses = [
        Dose(name or "", dose or "", gap, most)
        for name, dose, gap, most in _RECENT_DOSES.fetch(
            child=child.pk, since=now - dt.timedelta(days=MEDICINE_DAYS)
        )
    ]
    side = last_side(feeds)
    bottles = usual_bottles(feeds, unit)
    return Shortcuts(
        bottles=bottles,
        bottle_row=bool(bottles) or child.feeding_method != "breast",
        breast_row=bool(side) or child.feeding_method in ("breast", "mixed"),
        last_side=side,
        offer_side=side_to_offer(side),
        last_breastfeed=next((f.start for f in feeds if f.method == "breast"), None),
        medicines=recent_medicines(doses),
    )
