"""Care as plain spans of time by a member: what every insight computes from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# The baby's sleep is not a parent's work: a sleep event counts as putting the baby down, with no minutes.
NO_MINUTES_KINDS = frozenset({"sleep"})
# Notes are not care.
NOT_CARE_KINDS = frozenset({"note"})
# What gets a parent out of bed at night. The baby sleeping does not; a note does not.
WAKING_KINDS = frozenset({"feed", "nappy", "settle", "bath", "skin_to_skin", "play", "pumping", "medicine"})


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
