"""Crying minutes per household-local day, and what helped, from plain crying episodes (settle events).

A selector turns settle events into `CryingSpan`s once; these functions never see a QuerySet.
"""

from __future__ import annotations

import bisect
import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from twofold.insights.nights import union_of

# How an episode ended (care.models.SettleOutcome); settled and asleep count as the baby settling.
SETTLED_OUTCOMES = frozenset({"settled", "asleep"})
# When no outcome was picked, the one-tap response says how it went.
SETTLED_RESPONSES = frozenset({"calm", "settled"})

SEVERAL_TRIED = (
    "When several things were tried in one episode, we cannot tell which one helped: each counts as tried, "
    "and as tried in an episode that ended settled."
)


@dataclass(frozen=True)
class CryingSpan:
    """One crying episode: who was with the baby, when, what they tried and how it ended."""

    member_id: int
    start: dt.datetime
    end: dt.datetime | None = None
    running: bool = False
    tried: tuple[str, ...] = ()
    outcome: str = ""
    response: str = ""
    settled_after_minutes: int | None = None

    def finish(self, now: dt.datetime) -> dt.datetime:
        """When the crying stopped: a running timer counts to now; a logged moment with "settled after N
        minutes" lasts N minutes; a bare moment has no length."""
        if self.end is not None:
            return self.end
        if self.running:
            return max(self.start, now)
        if self.settled_after_minutes is not None:
            return self.start + dt.timedelta(minutes=self.settled_after_minutes)
        return self.start

    @property
    def timed(self) -> bool:
        return self.end is not None or self.running or self.settled_after_minutes is not None

    @property
    def ended_settled(self) -> bool | None:
        """Whether the baby settled; None when nobody said (still running, or nothing recorded)."""
        if self.running:
            return None
        if self.outcome:
            return self.outcome in SETTLED_OUTCOMES
        if self.response:
            return self.response in SETTLED_RESPONSES
        return None


@dataclass(frozen=True)
class CryingDay:
    day: dt.date
    minutes: float
    episodes: int  # episodes that touch this day
    untimed: int  # of those, episodes logged as a moment without a length


def _days_touched(edges: Sequence[dt.datetime], start: dt.datetime, end: dt.datetime) -> Iterable[int]:
    """The days (indexes between `edges`) that [start, end) overlaps; only those, since a year of days
    times a year of episodes would be slow."""
    i = max(bisect.bisect_right(edges, start) - 1, 0)
    while i < len(edges) - 1 and edges[i] < end:
        if min(end, edges[i + 1]) > max(start, edges[i]):
            yield i
        i += 1


def daily_crying_minutes(
    spans: Iterable[CryingSpan], zone: ZoneInfo, first: dt.date, last: dt.date, now: dt.datetime
) -> tuple[CryingDay, ...]:
    """Crying minutes on each local day from first to last inclusive; an episode across midnight is split
    at local midnight, so each day gets the minutes that fell in it (23 or 25 hours on a DST day)."""
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    # Each local midnight converted to UTC on its own: adding 24 hours across a clock change would be an
    # hour out.
    edges = [dt.datetime.combine(d, dt.time.min, tzinfo=zone).astimezone(dt.UTC) for d in days]
    edges.append(
        dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, tzinfo=zone).astimezone(dt.UTC)
    )
    minutes = [0.0] * len(days)
    episodes = [0] * len(days)
    untimed = [0] * len(days)
    timed: list[tuple[dt.datetime, dt.datetime]] = []
    for span in spans:
        start, end = span.start, span.finish(now)
        first_day = bisect.bisect_right(edges, start) - 1
        if end > start:
            timed.append((start, end))
            for i in _days_touched(edges, start, end):
                episodes[i] += 1
        elif 0 <= first_day < len(days):
            episodes[first_day] += 1
            untimed[first_day] += 0 if span.timed else 1
    # Two carers logging the same crying (one starts a timer, the other joins) is one baby crying once:
    # the minutes are those of the union of the spells, never their sum.
    for start, end in union_of(timed):
        for i in _days_touched(edges, start, end):
            minutes[i] += (min(end, edges[i + 1]) - max(start, edges[i])).total_seconds() / 60
    return tuple(
        CryingDay(d, round(m, 1), e, u) for d, m, e, u in zip(days, minutes, episodes, untimed, strict=True)
    )


@dataclass(frozen=True)
class Tally:
    """Episodes where something was tried (or someone was with the baby), and how they ended."""

    key: str | int  # a technique key, or a member id
    episodes: int
    settled: int
    not_settled: int  # still crying or handed over
    unknown: int  # no outcome recorded, or still going
    median_minutes_to_settle: float | None

    @property
    def settled_share(self) -> float | None:
        known = self.settled + self.not_settled
        return self.settled / known if known else None


@dataclass(frozen=True)
class WhatHelped:
    by_technique: tuple[Tally, ...]
    by_caregiver: tuple[Tally, ...]
    by_caregiver_and_technique: dict[int, tuple[Tally, ...]]
    note: str = SEVERAL_TRIED


def what_helped(spans: Iterable[CryingSpan]) -> WhatHelped:
    """Per technique, per caregiver, and per technique for each caregiver: how often the baby settled.
    Ordered by most tried, then by key, so the page reads the same on every load."""
    spans = list(spans)
    by_technique: dict[str, list[CryingSpan]] = defaultdict(list)
    by_caregiver: dict[int, list[CryingSpan]] = defaultdict(list)
    by_both: dict[int, dict[str, list[CryingSpan]]] = defaultdict(lambda: defaultdict(list))
    for span in spans:
        by_caregiver[span.member_id].append(span)
        for technique in dict.fromkeys(span.tried):  # a technique named twice is tried once
            by_technique[technique].append(span)
            by_both[span.member_id][technique].append(span)
    return WhatHelped(
        by_technique=_tallies(by_technique),
        by_caregiver=_tallies(by_caregiver),
        by_caregiver_and_technique={member: _tallies(groups) for member, groups in sorted(by_both.items())},
    )


def _tallies(groups: Mapping[str, list[CryingSpan]] | Mapping[int, list[CryingSpan]]) -> tuple[Tally, ...]:
    tallies = [_tally(key, spans) for key, spans in groups.items()]
    return tuple(sorted(tallies, key=lambda t: (-t.episodes, str(t.key))))


def _tally(key: str | int, spans: Sequence[CryingSpan]) -> Tally:
    outcomes = [s.ended_settled for s in spans]
    minutes = [_minutes_to_settle(s) for s in spans if s.ended_settled]
    known = [m for m in minutes if m is not None]
    return Tally(
        key=key,
        episodes=len(spans),
        settled=outcomes.count(True),
        not_settled=outcomes.count(False),
        unknown=outcomes.count(None),
        median_minutes_to_settle=statistics.median(known) if known else None,
    )


def _minutes_to_settle(span: CryingSpan) -> float | None:
    if span.settled_after_minutes is not None:
        return float(span.settled_after_minutes)
    if span.end is not None:
        return (span.end - span.start).total_seconds() / 60
    return None
