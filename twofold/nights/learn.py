"""Learn the shape of the baby's nights from the log: when wakings start, how long they take, which feed."""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from twofold.insights.nights import wakings_in
from twofold.insights.periods import Night
from twofold.insights.spans import CareSpan
from twofold.nights.evidence import LEARN_NIGHTS

SLOT_MINUTES = 30
_DAY_MINUTES = 24 * 60


def _clock_minutes(local: dt.time) -> int:
    return local.hour * 60 + local.minute


@dataclass(frozen=True)
class NightPattern:
    """Expected wakings (and feeds) per half-hour of the household's night window, by the local clock.

    Slots follow the clock, not the time since the night began: on a DST night the hour the clocks skip
    has no wakings and the hour they repeat is lived twice, just as the baby lives it.
    """

    night_start: dt.time
    night_end: dt.time
    nights: int
    wakings: tuple[float, ...]
    feeds: tuple[float, ...]
    median_waking: dt.timedelta
    feed_share: float

    @property
    def per_night(self) -> float:
        return sum(self.wakings)

    def slot_of(self, local: dt.time) -> int | None:
        offset = (_clock_minutes(local) - _clock_minutes(self.night_start)) % _DAY_MINUTES
        slot = offset // SLOT_MINUTES
        return slot if slot < len(self.wakings) else None

    def per_minute(
        self, start: dt.datetime, end: dt.datetime, zone: ZoneInfo
    ) -> tuple[list[float], list[float]]:
        """Expected wakings and feeds in each minute of [start, end), for sums over any stretch."""
        if start.astimezone(zone).utcoffset() == end.astimezone(zone).utcoffset():
            return self._per_minute_steady(start, end, zone)
        wakes: list[float] = []
        feeds: list[float] = []
        minute = dt.timedelta(minutes=1)
        moment = start
        while moment < end:
            slot = self.slot_of(moment.astimezone(zone).time())
            wakes.append(0.0 if slot is None else self.wakings[slot] / SLOT_MINUTES)
            feeds.append(0.0 if slot is None else self.feeds[slot] / SLOT_MINUTES)
            moment += minute  # UTC arithmetic on purpose: real minutes, whatever the clocks do
        return wakes, feeds

    def _per_minute_steady(
        self, start: dt.datetime, end: dt.datetime, zone: ZoneInfo
    ) -> tuple[list[float], list[float]]:
        """per_minute for a stretch the clocks do not change in (all but two nights a year): the local
        clock then moves with real time, so each minute's slot is plain arithmetic, no zone lookup."""
        local = _clock_minutes(start.astimezone(zone).time())
        first = (local - _clock_minutes(self.night_start)) % _DAY_MINUTES
        count = math.ceil((end - start).total_seconds() / 60)
        slots = [((first + i) % _DAY_MINUTES) // SLOT_MINUTES for i in range(count)]
        size = len(self.wakings)
        wakes = [self.wakings[s] / SLOT_MINUTES if s < size else 0.0 for s in slots]
        feeds = [self.feeds[s] / SLOT_MINUTES if s < size else 0.0 for s in slots]
        return wakes, feeds

    def expected(self, start: dt.datetime, end: dt.datetime, zone: ZoneInfo, *, feeds: bool = False) -> float:
        wakes, feed_list = self.per_minute(start, end, zone)
        return round(math.fsum(feed_list if feeds else wakes), 9)


def _slot_count(night_start: dt.time, night_end: dt.time) -> int:
    window = (_clock_minutes(night_end) - _clock_minutes(night_start)) % _DAY_MINUTES or _DAY_MINUTES
    return -(-window // SLOT_MINUTES)


def empty_pattern(night_start: dt.time, night_end: dt.time) -> NightPattern:
    slots = (0.0,) * _slot_count(night_start, night_end)
    return NightPattern(night_start, night_end, 0, slots, slots, dt.timedelta(0), 0.0)


def learn(
    spans: Sequence[CareSpan],
    nights: Sequence[Night],
    *,
    zone: ZoneInfo,
    night_start: dt.time,
    night_end: dt.time,
    now: dt.datetime,
) -> NightPattern:
    """The pattern of the last LEARN_NIGHTS nights given (EVIDENCE.md §4 expects 2–4 wakings early on).

    A night with nothing logged at all is left out rather than counted as a night without wakings: more
    often the log was forgotten than the baby slept through, and counting it would promise quiet nights.
    """
    pattern = empty_pattern(night_start, night_end)
    wakes = [0] * len(pattern.wakings)
    feeds = [0] * len(pattern.wakings)
    lengths: list[float] = []
    logged = 0
    for night in list(nights)[-LEARN_NIGHTS:]:
        if not any(night.start <= s.start < night.end for s in spans):
            continue
        logged += 1
        for waking in wakings_in(spans, night, now):
            slot = pattern.slot_of(waking.start.astimezone(zone).time())
            if slot is None:
                continue
            wakes[slot] += 1
            fed = any(s.kind == "feed" for s in waking.spans)
            feeds[slot] += fed
            lengths.append((waking.end - waking.start).total_seconds())
    if not logged:
        return pattern
    fed_total = sum(feeds)
    return NightPattern(
        night_start,
        night_end,
        logged,
        tuple(n / logged for n in wakes),
        tuple(n / logged for n in feeds),
        dt.timedelta(seconds=round(statistics.median(lengths))) if lengths else dt.timedelta(0),
        fed_total / len(lengths) if lengths else 0.0,
    )
