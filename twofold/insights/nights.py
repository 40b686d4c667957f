"""Night duty: who got up, for how long, and the longest stretch each parent could have slept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from twofold.insights.periods import Night
from twofold.insights.spans import WAKING_KINDS, CareSpan
from twofold.insights.thresholds import RESETTLE_ALLOWANCE, SHORT_SLEEP, WAKING_GAP

Interval = tuple[dt.datetime, dt.datetime]

# How far before a night to look for care still going when it began; care longer than this is a timer
# someone forgot to stop, not a night's work.
CARRY_IN = dt.timedelta(hours=12)


@dataclass(frozen=True)
class Waking:
    """One time out of bed: care events that started in the night, each within WAKING_GAP of the last."""

    start: dt.datetime
    end: dt.datetime
    spans: tuple[CareSpan, ...]
    handled_by: int

    def members(self) -> set[int]:
        return {s.member_id for s in self.spans}


@dataclass
class NightDuty:
    night: Night
    wakings: list[Waking]
    handled: dict[int, int] = field(default_factory=dict)
    awake_minutes: dict[int, float] = field(default_factory=dict)
    longest_sleep: dict[int, dt.timedelta] = field(default_factory=dict)

    def carried_alone_by(self) -> int | None:
        """The member who handled every waking of a night that had any."""
        if not self.wakings:
            return None
        who = {w.handled_by for w in self.wakings}
        return who.pop() if len(who) == 1 else None


@dataclass(frozen=True)
class NightSummary:
    """What a night came to, without its events: all the Us page, the trend and the warning need."""

    night: Night
    wakings: int
    handled: dict[int, int]
    awake_minutes: dict[int, float]
    longest_sleep: dict[int, dt.timedelta]

    def carried_alone_by(self) -> int | None:
        """The member who handled every waking of a night that had any."""
        if self.wakings == 0:
            return None
        return next((member for member, count in self.handled.items() if count == self.wakings), None)

    def longest_for(self, member: int) -> dt.timedelta:
        """A parent with no care that night could have slept all of it."""
        return self.longest_sleep.get(member, self.night.length)


def summarise(duty: NightDuty) -> NightSummary:
    return NightSummary(
        duty.night, len(duty.wakings), dict(duty.handled), dict(duty.awake_minutes), dict(duty.longest_sleep)
    )


def union_of(intervals: Iterable[Interval]) -> list[Interval]:
    """The time the intervals cover together, as the fewest intervals in order (crying counts it too)."""
    merged: list[Interval] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _covered_minutes(spans: Iterable[CareSpan], now: dt.datetime) -> float:
    return sum((e - s).total_seconds() for s, e in union_of((x.start, x.finish(now)) for x in spans)) / 60


def wakings_in(spans: Iterable[CareSpan], night: Night, now: dt.datetime) -> list[Waking]:
    """Group the care that started inside the night into wakings, and say who handled each.

    A waking shared by two people is credited to whoever gave it the most minutes (the first to get up,
    on a tie), so the handled counts add up to the number of wakings.
    """
    inside = sorted(
        (s for s in spans if s.kind in WAKING_KINDS and night.start <= s.start < night.end),
        key=lambda s: (s.start, s.member_id),
    )
    groups: list[list[CareSpan]] = []
    group_end = night.start
    for span in inside:
        if groups and span.start - group_end < WAKING_GAP:
            groups[-1].append(span)
        else:
            groups.append([span])
            group_end = span.start
        group_end = max(group_end, span.finish(now))
    return [_waking(group, now) for group in groups]


def _waking(group: list[CareSpan], now: dt.datetime) -> Waking:
    first_up = group[0].member_id
    minutes: dict[int, float] = {}
    for member in dict.fromkeys(s.member_id for s in group):
        minutes[member] = _covered_minutes((s for s in group if s.member_id == member), now)
    handled_by = max(minutes, key=lambda m: (minutes[m], m == first_up))
    end = max(s.finish(now) for s in group)
    return Waking(group[0].start, end, tuple(group), handled_by)


def _busy(waking: Waking, member: int, now: dt.datetime) -> Interval:
    own = [s for s in waking.spans if s.member_id == member]
    return own[0].start, max(s.finish(now) for s in own) + RESETTLE_ALLOWANCE


def carried_in(spans: Iterable[CareSpan], night: Night, now: dt.datetime) -> list[CareSpan]:
    """Care begun before the night and still going when it began: not a waking, but it costs sleep."""
    return [s for s in spans if s.kind in WAKING_KINDS and s.start < night.start < s.finish(now)]


def _awake(
    member: int, wakings: Iterable[Waking], carried: Iterable[CareSpan], night: Night, now: dt.datetime
) -> list[Interval]:
    """A member's time up in the night: their own care, then the allowance to fall back asleep after it.

    One union of times, so allowances that overlap the next waking never count a minute twice, and care
    carried into the night counts from the night's start.
    """
    times: list[Interval] = []
    for waking in wakings:
        own = [s for s in waking.spans if s.member_id == member]
        times += [(s.start, s.finish(now)) for s in own]
        end = max(s.finish(now) for s in own)
        times.append((end, end + RESETTLE_ALLOWANCE))
    for span in carried:
        times += [(night.start, span.finish(now)), (span.finish(now), span.finish(now) + RESETTLE_ALLOWANCE)]
    return union_of(times)


def longest_free_stretch(night: Night, busy: Iterable[Interval]) -> dt.timedelta:
    """The longest part of the night window not covered by any busy interval."""
    longest = dt.timedelta(0)
    cursor = night.start
    for start, end in union_of(busy):
        start, end = max(start, night.start), min(end, night.end)
        if end <= cursor:
            continue
        longest = max(longest, start - cursor)
        cursor = end
    return max(longest, night.end - cursor)


def night_duty(
    spans: Sequence[CareSpan], night: Night, *, parent_ids: Iterable[int], now: dt.datetime
) -> NightDuty:
    """Wakings, handled counts, minutes awake and longest sleep opportunity for one night.

    Each waking a member took part in costs them their own minutes plus the resettling allowance, and
    blocks their sleep from their first event to the end of their last plus the allowance. Care begun
    before the night and still going at its start costs its minutes inside the night and the allowance.
    """
    wakings = wakings_in(spans, night, now)
    carried = carried_in(spans, night, now)
    duty = NightDuty(night, wakings)
    everyone = set(parent_ids) | {m for w in wakings for m in w.members()} | {s.member_id for s in carried}
    for member in sorted(everyone):
        mine = [w for w in wakings if member in w.members()]
        own_carried = [s for s in carried if s.member_id == member]
        duty.handled[member] = sum(1 for w in wakings if w.handled_by == member)
        awake = _awake(member, mine, own_carried, night, now)
        duty.awake_minutes[member] = sum((e - s).total_seconds() for s, e in awake) / 60
        busy = [_busy(w, member, now) for w in mine]
        busy += [(night.start, s.finish(now) + RESETTLE_ALLOWANCE) for s in own_carried]
        duty.longest_sleep[member] = longest_free_stretch(night, busy)
    return duty


@dataclass(frozen=True)
class Streaks:
    """Nights in a row, ending with the latest night given, for one parent."""

    carried_every_waking: int
    short_sleep: int


def streaks(nights: Sequence[NightSummary], member: int) -> Streaks:
    carried = short = 0
    for night in reversed(nights):
        if night.carried_alone_by() != member:
            break
        carried += 1
    for night in reversed(nights):
        if night.longest_for(member) >= SHORT_SLEEP:
            break
        short += 1
    return Streaks(carried, short)
