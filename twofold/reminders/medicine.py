"""When the next dose of a medicine is allowed, from the gap the parent entered (EVIDENCE.md §9.3).

Twofold never says a dose is "due" and never suggests a dose: it only says from when the next one is
allowed by the parent's own numbers, and when the most doses in 24 hours they entered have been given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from twofold.care.doses import allowed_from

DAY = dt.timedelta(hours=24)
STALE_AFTER = dt.timedelta(hours=1)


@dataclass(frozen=True)
class NextDose:
    allowed_from: dt.datetime
    at_most_in_24h: bool  # the doses in the 24 hours up to the last one reach the most the parent entered


def next_dose(doses: Sequence[dt.datetime], gap: dt.timedelta, most_in_24h: int | None) -> NextDose | None:
    """From the times of the doses given (any order), the parent's gap and their most doses in 24 hours:
    the moment is care.doses.allowed_from's, the one the medicine card on Today shows."""
    if not doses or gap <= dt.timedelta(0):
        return None
    minutes = int(gap.total_seconds() // 60)
    allowed = allowed_from(doses, min_gap_minutes=minutes, max_per_24h=most_in_24h)
    if allowed is None:
        return None
    last = max(doses)
    recent = [d for d in doses if last - DAY < d <= last]
    return NextDose(
        allowed_from=allowed, at_most_in_24h=most_in_24h is not None and len(recent) >= most_in_24h
    )


def is_allowed_now(dose: NextDose, now: dt.datetime) -> bool:
    return dose.allowed_from <= now < dose.allowed_from + STALE_AFTER
