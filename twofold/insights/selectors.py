"""Reads for insights: one query for the people, one for the care spans of the whole period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from twofold.care.models import CareEvent
from twofold.db import Prepared, RawTimestamp, moment
from twofold.households.models import Child, FeedingMethod, Household, Member, Role
from twofold.insights.nights import CARRY_IN, NightSummary
from twofold.insights.periods import Night, nights_between, week_of
from twofold.insights.records import remember, remembered
from twofold.insights.spans import CareSpan
from twofold.insights.thresholds import SHORT_SLEEP, SHORT_SLEEP_NIGHTS
from twofold.insights.warnings import SleepWarning, sleep_warning
from twofold.insights.week import (
    Person,
    Settings,
    WeekReport,
    summarise_nights,
    trend_nights,
    week_report,
)


def settings_of(household: Household) -> Settings:
    return Settings(household.zone, household.night_start, household.night_end)


# The Us page's reads, compiled once (see twofold.db.Prepared): compiling them cost more than running them.
_PEOPLE = Prepared(
    lambda household: (
        Member.objects.filter(household_id=household)
        .order_by("joined_at", "id")
        .values_list("pk", "display_name", "role", "left_at")
    ),
    household=int,
)
_SPANS = Prepared(
    lambda household, lo, hi: (
        CareEvent.objects.filter(household_id=household, deleted_at__isnull=True, start__gte=lo, start__lt=hi)
        .order_by("start")
        .annotate(start_s=RawTimestamp("start"), end_s=RawTimestamp("end"))
        .values_list("by_id", "kind", "start_s", "end_s", "running")
    ),
    household=int,
    lo=dt.datetime,
    hi=dt.datetime,
)


def people_of(*, household: Household) -> list[Person]:
    """Everyone who has been a member, so past care keeps its name; parents first."""
    members = _PEOPLE.fetch(household=household.pk)
    people = [Person(pk, name, role == Role.PARENT and left is None) for pk, name, role, left in members]
    return sorted(people, key=lambda p: not p.is_parent)


def spans_between(*, household: Household, lo: dt.datetime, hi: dt.datetime) -> list[CareSpan]:
    """Care spans that started in [lo, hi), oldest first.

    Times come back as plain seconds through the cursor: eight weeks are over a thousand rows, and Django's
    per-value datetime converters would cost more than all of the Us page's arithmetic.
    """
    return [
        CareSpan(by, kind, moment(start), moment(end), bool(running))
        for by, kind, start, end, running in _SPANS.fetch(household=household.pk, lo=lo, hi=hi)
    ]


def spans_of_nights(*, household: Household, nights: Sequence[Night]) -> list[CareSpan]:
    """Care that can touch these nights (in order): begun in them, or carried into the first of them."""
    return (
        spans_between(household=household, lo=nights[0].start - CARRY_IN, hi=nights[-1].end) if nights else []
    )


def finished_nights(
    *, household: Household, nights: Sequence[Night], parent_ids: Sequence[int], now: dt.datetime
) -> dict[dt.date, NightSummary]:
    """Summaries of those nights that have ended: remembered ones, and the others worked out and kept."""
    ended = [n for n in nights if n.end <= now]
    known = remembered(household=household, nights=ended)
    missing = [n for n in ended if n.of not in known]
    if missing:
        spans = spans_of_nights(household=household, nights=missing)
        fresh = summarise_nights(spans, missing, parent_ids, now)
        remember(household=household, summaries=fresh, now=now)
        known.update((s.night.of, s) for s in fresh)
    return known


def week_report_for(*, household: Household, monday: dt.date, now: dt.datetime) -> WeekReport:
    """The week from its own care; the trend's earlier weeks from their remembered nights."""
    settings = settings_of(household)
    people = people_of(household=household)
    parent_ids = [p.id for p in people if p.is_parent]
    week = week_of(monday, settings.zone, settings.night_start, settings.night_end)
    known = finished_nights(
        household=household, nights=trend_nights(monday, settings), parent_ids=parent_ids, now=now
    )
    return week_report(
        spans_between(household=household, lo=week.reach[0] - CARRY_IN, hi=week.reach[1]),
        monday=monday,
        people=people,
        settings=settings,
        now=now,
        known=known,
        logged_since=log_begins(household=household, now=now),
    )


def log_begins(*, household: Household, now: dt.datetime) -> dt.datetime:
    """When the household's log begins: its first care's start, or now when nothing is logged yet."""
    first = (
        CareEvent.objects.filter(household=household, deleted_at__isnull=True)
        .order_by("start")
        .values_list("start", flat=True)
        .first()
    )
    return first if first is not None else now


def _last_ended_nights(household: Household, now: dt.datetime, count: int) -> list[Night]:
    settings = settings_of(household)
    today = now.astimezone(settings.zone).date()
    nights = nights_between(
        today - dt.timedelta(days=count + 1), today, settings.zone, settings.night_start, settings.night_end
    )
    return [n for n in nights if n.end <= now][-count:]


def recent_nights(
    *, household: Household, now: dt.datetime, count: int
) -> tuple[list[NightSummary], list[Person]]:
    """The last `count` nights that have ended, with what each parent's night was like."""
    ended = _last_ended_nights(household, now, count)
    if not ended:
        return [], []
    people = people_of(household=household)
    parent_ids = [p.id for p in people if p.is_parent]
    known = finished_nights(household=household, nights=ended, parent_ids=parent_ids, now=now)
    return [known[n.of] for n in ended], people


def _nobody_short(nights: Sequence[NightSummary]) -> bool:
    """True when no one at all had a short longest sleep on every one of these nights."""
    members = set.intersection(*(set(n.longest_sleep) for n in nights)) if nights else set()
    return not any(all(n.longest_for(m) < SHORT_SLEEP for n in nights) for m in members)


def short_sleepers(*, household: Household, now: dt.datetime) -> tuple[list[Person], list[Person]]:
    """Parents whose longest sleep stayed under the threshold each of the last few nights; and all parents."""
    ended = _last_ended_nights(household, now, SHORT_SLEEP_NIGHTS)
    if len(ended) < SHORT_SLEEP_NIGHTS:
        return [], []
    # Most days the remembered nights already show nobody is short: then who the parents are is not needed.
    known = remembered(household=household, nights=ended)
    if len(known) == len(ended) and _nobody_short(list(known.values())):
        return [], []
    duties, people = recent_nights(household=household, now=now, count=SHORT_SLEEP_NIGHTS)
    parents = [p for p in people if p.is_parent]
    short = [p for p in parents if all(d.longest_for(p.id) < SHORT_SLEEP for d in duties)]
    return short, parents


def sleep_warning_for(*, household: Household, now: dt.datetime) -> SleepWarning | None:
    """The Today card both parents see when one of them has had too little unbroken sleep lately."""
    short, parents = short_sleepers(household=household, now=now)
    if not short:
        return None
    has_helpers = Member.objects.current().filter(household=household, role=Role.HELPER).exists()
    fed = set(Child.objects.filter(household=household).values_list("feeding_method", flat=True))
    breastfed = bool(fed & {FeedingMethod.BREAST, FeedingMethod.MIXED})
    return sleep_warning(short, parents, has_helpers, breastfed=breastfed)
