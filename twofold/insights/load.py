"""Who did how much: events and minutes of care per member and kind, day and night, and their shares."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from fractions import Fraction

from twofold.insights.percent import whole_percents
from twofold.insights.spans import NOT_CARE_KINDS, CareSpan


@dataclass
class Tally:
    events: int = 0
    minutes: float = 0.0

    def add(self, minutes: float) -> None:
        self.events += 1
        self.minutes += minutes


@dataclass
class MemberLoad:
    member_id: int
    total: Tally = field(default_factory=Tally)
    day: Tally = field(default_factory=Tally)
    night: Tally = field(default_factory=Tally)
    by_kind: dict[str, Tally] = field(default_factory=dict)


@dataclass
class Load:
    members: dict[int, MemberLoad]
    events: int
    minutes: float
    night_events: int
    night_minutes: float

    def event_share(self, member_id: int) -> Fraction:
        return (
            _share(self.members[member_id].total.events, self.events)
            if member_id in self.members
            else Fraction(0)
        )

    def minute_share(self, member_id: int) -> Fraction:
        if member_id not in self.members or self.minutes <= 0:
            return Fraction(0)
        return Fraction(self.members[member_id].total.minutes) / Fraction(self.minutes)

    def event_percents(self) -> dict[int, int]:
        """Every member's share of the events as whole percents that add up to 100."""
        return whole_percents({m: self.event_share(m) for m in self.members})

    def minute_percents(self) -> dict[int, int]:
        return whole_percents({m: self.minute_share(m) for m in self.members})

    def night_event_share(self, member_id: int) -> Fraction:
        if member_id not in self.members:
            return Fraction(0)
        return _share(self.members[member_id].night.events, self.night_events)


def _share(part: int, whole: int) -> Fraction:
    return Fraction(part, whole) if whole else Fraction(0)


def care_load(
    spans: Iterable[CareSpan],
    *,
    lo: dt.datetime,
    hi: dt.datetime,
    is_night: Callable[[dt.datetime], bool],
    now: dt.datetime,
    member_ids: Iterable[int] = (),
) -> Load:
    """Load over care that started in [lo, hi). Every member named in member_ids appears, even with none."""
    members: dict[int, MemberLoad] = {m: MemberLoad(m) for m in member_ids}
    totals: defaultdict[str, float] = defaultdict(float)
    for span in spans:
        if span.kind in NOT_CARE_KINDS or not lo <= span.start < hi:
            continue
        minutes = span.care_minutes(now)
        load = members.setdefault(span.member_id, MemberLoad(span.member_id))
        load.total.add(minutes)
        load.by_kind.setdefault(span.kind, Tally()).add(minutes)
        night = is_night(span.start)
        (load.night if night else load.day).add(minutes)
        totals["events"] += 1
        totals["minutes"] += minutes
        if night:
            totals["night_events"] += 1
            totals["night_minutes"] += minutes
    return Load(
        members,
        int(totals["events"]),
        totals["minutes"],
        int(totals["night_events"]),
        totals["night_minutes"],
    )
