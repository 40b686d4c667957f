"""When a feed is due: after the household's own interval, or the one learned from the last 14 days."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

LEARN_FROM = dt.timedelta(days=14)
# Twofold's own numbers, not clinical ones: too few feeds teach nothing, and a learned interval outside these
# bounds is more likely a gap in the logging than the baby's rhythm, so no feed reminder is learned from it.
FEWEST_FEEDS_TO_LEARN = 6
SHORTEST_LEARNED = dt.timedelta(hours=1)
LONGEST_LEARNED = dt.timedelta(hours=6)
# A reminder older than this is not sent (a worker that was stopped for a day does not catch up).
STALE_AFTER = dt.timedelta(hours=1)


@dataclass(frozen=True)
class Interval:
    every: dt.timedelta
    learned: bool  # True: learned from the log; False: the household set it

    @property
    def source(self) -> str:
        return "learned from the last 14 days" if self.learned else "the interval your household set"


@dataclass(frozen=True)
class FeedLog:
    """What the log says of a child's feeds in the last 14 days, as one aggregate row."""

    first: dt.datetime
    last: dt.datetime
    count: int
    running: bool = False


def learned_interval(log: FeedLog) -> dt.timedelta | None:
    """The mean gap between the starts of the feeds in the last 14 days, when there are enough of them."""
    if log.count < FEWEST_FEEDS_TO_LEARN:
        return None
    every = (log.last - log.first) / (log.count - 1)
    if not SHORTEST_LEARNED <= every <= LONGEST_LEARNED:
        return None
    return every


def interval_for(log: FeedLog, set_minutes: int | None) -> Interval | None:
    if set_minutes:
        return Interval(dt.timedelta(minutes=set_minutes), learned=False)
    learned = learned_interval(log)
    return Interval(learned, learned=True) if learned is not None else None


def due_at(log: FeedLog, interval: Interval) -> dt.datetime:
    return log.last + interval.every


def is_due(log: FeedLog, interval: Interval, now: dt.datetime) -> bool:
    """Due from the last feed's start plus the interval, for an hour; never while a feed is going."""
    if log.running:
        return False
    due = due_at(log, interval)
    return due <= now < due + STALE_AFTER
