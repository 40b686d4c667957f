"""Care as plain spans of time by a member: what every insight computes from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from twofold.care.kinds import KEYS, Reading, keys_where

# Which kinds count, and how, is each kind's definition's to say (twofold.care.kinds).
# Kinds counted as care events at all: a note or a weighing is not care work.
_CARE_KINDS = keys_where(reading=Reading.LOAD_EVENTS)
NOT_CARE_KINDS = frozenset(KEYS) - _CARE_KINDS
# The baby's sleep is not a parent's work: a sleep event counts as putting the baby down, with no minutes.
NO_MINUTES_KINDS = _CARE_KINDS - keys_where(reading=Reading.LOAD_MINUTES)
# What gets a parent out of bed at night. The baby sleeping does not; a note does not.
WAKING_KINDS = keys_where(reading=Reading.NIGHT_WAKING)


@dataclass(frozen=True)
class CareSpan:
    member_id: int
    kind: str
    start: dt.datetime
    end: dt.datetime | None = None
    running: bool = False

    def finish(self, now: dt.datetime) -> dt.datetime:
        """When the care ended: a running timer counts up to now; a moment is a moment."""
        if self.end is not None:
            return self.end
        return max(self.start, now) if self.running else self.start

    def care_minutes(self, now: dt.datetime) -> float:
        if self.kind in NO_MINUTES_KINDS:
            return 0.0
        return (self.finish(now) - self.start).total_seconds() / 60
