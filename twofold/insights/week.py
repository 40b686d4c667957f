"""A week of the household, put together for both parents: shares, nights, sleep and plain sentences."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from zoneinfo import ZoneInfo

from twofold.insights.load import Load, care_load
from twofold.insights.nights import CARRY_IN, NightSummary, Streaks, night_duty, streaks, summarise
from twofold.insights.percent import shown
from twofold.insights.periods import Night, Week, in_night, nights_between, week_of
from twofold.insights.spans import CareSpan

TREND_WEEKS = 8


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    is_parent: bool


@dataclass(frozen=True)
class Settings:
    zone: ZoneInfo
    night_start: dt.time
    night_end: dt.time


@dataclass(frozen=True)
class TrendPoint:
    week: str
    wakings: int
    night_share: dict[int, Fraction]


@dataclass(frozen=True)
class WeekReport:
    week: Week
    people: tuple[Person, ...]
    load: Load
    duties: tuple[NightSummary, ...]
    complete: tuple[NightSummary, ...]
    handled: dict[int, int]
    wakings: int
    average_longest_sleep: dict[int, dt.timedelta | None]
    streaks: dict[int, Streaks]
    trend: tuple[TrendPoint, ...]
    sentences: tuple[str, ...]
    # The care the report was made from, oldest first: pages that set other things beside the same week
    # (the nights planned against what happened) read it here instead of reading the log again.
    spans: tuple[CareSpan, ...] = ()

    @property
    def parents(self) -> tuple[Person, ...]:
        return tuple(p for p in self.people if p.is_parent)

    @property
    def helpers(self) -> tuple[Person, ...]:
        return tuple(p for p in self.people if not p.is_parent)


def hours_minutes(delta: dt.timedelta | None) -> str:
    """“6 h 10”, as people say a length of sleep."""
    if delta is None:
        return "—"
    minutes = round(delta.total_seconds() / 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d}" if hours else f"{minutes} min"


def _is_night(settings: Settings) -> Callable[[dt.datetime], bool]:
    def check(moment: dt.datetime) -> bool:
        local = moment.astimezone(settings.zone).time()
        return in_night(local, settings.night_start, settings.night_end)

    return check


Known = Mapping[dt.date, NightSummary]


def summarise_nights(
    spans: Sequence[CareSpan],
    nights: Sequence[Night],
    parent_ids: Sequence[int],
    now: dt.datetime,
    known: Known | None = None,
) -> list[NightSummary]:
    """A summary of each night that has begun: from `known` if it has ended and is there, else from spans.

    `spans` must be in order of start.
    """
    known = known or {}
    ordered = spans
    starts = [s.start for s in ordered] if any(n.of not in known or n.end > now for n in nights) else []
    summaries = []
    for night in nights:
        if night.start >= now:
            continue
        if night.of in known and night.end <= now:
            summaries.append(known[night.of])
            continue
        # Care that started inside this night, and any begun in the day before it still going at its start.
        inside = ordered[bisect_left(starts, night.start - CARRY_IN) : bisect_left(starts, night.end)]
        summaries.append(summarise(night_duty(inside, night, parent_ids=parent_ids, now=now)))
    return summaries


def week_nights(
    spans: Sequence[CareSpan],
    week: Week,
    parent_ids: Sequence[int],
    now: dt.datetime,
    known: Known | None = None,
) -> list[NightSummary]:
    return summarise_nights(spans, week.nights, parent_ids, now, known)


def _list(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def night_sentence(people: Sequence[Person], handled: dict[int, int], wakings: int) -> str:
    if wakings == 0:
        return "No night wakings were logged this week."
    ranked = sorted((p for p in people if handled.get(p.id)), key=lambda p: -handled[p.id])
    first, *rest = ranked
    sentence = f"{first.name} handled {handled[first.id]} of {wakings} night wakings"
    if rest:
        sentence += "; " + _list([f"{p.name} {handled[p.id]}" for p in rest])
    return sentence + "."


def sleep_sentence(parents: Sequence[Person], average: dict[int, dt.timedelta | None]) -> str | None:
    known = [p for p in parents if average.get(p.id) is not None]
    if not known:
        return None
    first, *rest = known
    sentence = f"{first.name}'s longest sleep averaged {hours_minutes(average[first.id])}"
    if rest:
        sentence += ", " + _list([f"{p.name}'s {hours_minutes(average[p.id])}" for p in rest])
    return sentence + "."


def care_sentence(people: Sequence[Person], load: Load) -> str:
    if load.events == 0:
        return "Nothing was logged this week yet."
    ranked = sorted(
        (p for p in people if p.id in load.members and load.members[p.id].total.events),
        key=lambda p: -load.members[p.id].total.events,
    )
    first, *rest = ranked
    percents = load.event_percents()
    sentence = (
        f"{first.name} did {shown(percents[first.id])} of the logged care "
        f"({load.members[first.id].total.events} of {load.events} events)"
    )
    if rest:
        sentence += ", " + _list([f"{p.name} {shown(percents[p.id])}" for p in rest])
    return sentence + "."


def streak_sentences(parents: Sequence[Person], found: dict[int, Streaks]) -> list[str]:
    sentences = []
    for p in parents:
        s = found[p.id]
        if s.carried_every_waking >= 2:
            sentences.append(f"{p.name} handled every waking for the last {s.carried_every_waking} nights.")
        if s.short_sleep >= 2:
            sentences.append(
                f"{p.name}'s longest sleep was under 4 hours for the last {s.short_sleep} nights."
            )
    return sentences


def trend_point(
    spans: Sequence[CareSpan],
    week: Week,
    people: Sequence[Person],
    now: dt.datetime,
    known: Known | None = None,
) -> TrendPoint:
    duties = week_nights(spans, week, [p.id for p in people if p.is_parent], now, known)
    total = sum(d.wakings for d in duties)
    handled: dict[int, int] = {}
    for duty in duties:
        for member, count in duty.handled.items():
            handled[member] = handled.get(member, 0) + count
    shares = {p.id: Fraction(handled.get(p.id, 0), total) if total else Fraction(0) for p in people}
    return TrendPoint(week.label, total, shares)


def week_report(
    spans: Sequence[CareSpan],
    *,
    monday: dt.date,
    people: Sequence[Person],
    settings: Settings,
    now: dt.datetime,
    known: Known | None = None,
    logged_since: dt.datetime | None = None,
) -> WeekReport:
    """Everything the Us page and the weekly summary say about one week.

    `spans` must cover the week, and every night of the trend's earlier weeks that `known` (summaries of
    finished nights, by the date each began) does not. `logged_since` is when the household's log begins:
    a night over before it is no data, not a night of unbroken sleep, so it is left out.
    """
    week = week_of(monday, settings.zone, settings.night_start, settings.night_end)
    spans = sorted(spans, key=lambda s: s.start)
    parent_ids = [p.id for p in people if p.is_parent]
    load = care_load(
        spans,
        lo=week.start,
        hi=week.end,
        is_night=_is_night(settings),
        now=now,
        member_ids=[p.id for p in people],
    )
    duties = week_nights(spans, week, parent_ids, now, known)
    if logged_since is not None:
        duties = [d for d in duties if d.night.end > logged_since]
    # A night still under way has not yet shown how much sleep it allowed.
    complete = [d for d in duties if d.night.end <= now]
    handled = {p.id: sum(d.handled.get(p.id, 0) for d in duties) for p in people}
    wakings = sum(d.wakings for d in duties)
    average: dict[int, dt.timedelta | None] = {}
    for member in parent_ids:
        lengths = [d.longest_for(member) for d in complete]
        average[member] = sum(lengths, dt.timedelta()) / len(lengths) if lengths else None
    found = {member: streaks(complete, member) for member in parent_ids}
    trend = tuple(
        trend_point(
            spans,
            week_of(
                monday - dt.timedelta(weeks=back), settings.zone, settings.night_start, settings.night_end
            ),
            people,
            now,
            known,
        )
        for back in range(TREND_WEEKS - 1, -1, -1)
    )
    parents = [p for p in people if p.is_parent]
    sentences = [night_sentence(people, handled, wakings)]
    sleep = sleep_sentence(parents, average)
    if sleep:
        sentences.append(sleep)
    sentences.append(care_sentence(people, load))
    sentences.extend(streak_sentences(parents, found))
    return WeekReport(
        week=week,
        people=tuple(people),
        load=load,
        duties=tuple(duties),
        complete=tuple(complete),
        handled=handled,
        wakings=wakings,
        average_longest_sleep=average,
        streaks=found,
        trend=trend,
        sentences=tuple(sentences),
        spans=tuple(spans),
    )


def trend_nights(monday: dt.date, settings: Settings) -> list[Night]:
    """Every night of the trend's weeks, oldest first, the given week's included."""
    first = monday - dt.timedelta(weeks=TREND_WEEKS - 1)
    last = monday + dt.timedelta(days=6)
    return nights_between(first, last, settings.zone, settings.night_start, settings.night_end)
