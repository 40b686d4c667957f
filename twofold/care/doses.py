"""When a medicine's label allows the next dose, and how many were given in the last 24 hours: pure functions.

Twofold never suggests a dose or calls one "due" (EVIDENCE.md §9.3). The shortest gap and the most doses in 24
hours are what the parent copied from the label; without them Twofold only counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

DAY = dt.timedelta(hours=24)


@dataclass(frozen=True)
class Given:
    """One dose given, with what its label said (None where the parent did not copy it in)."""

    name: str
    dose: str
    at: dt.datetime
    min_gap_minutes: int | None = None
    max_per_24h: int | None = None


@dataclass(frozen=True)
class MedicineDay:
    """One medicine over the last 24 hours: its doses, the label's rules, and the next time it allows."""

    name: str
    dose: str
    last: dt.datetime
    count_24h: int
    min_gap_minutes: int | None
    max_per_24h: int | None
    # None: the label (as copied in) allows a dose now, or nothing was copied in.
    next_allowed: dt.datetime | None

    @property
    def at_most_reached(self) -> bool:
        return self.max_per_24h is not None and self.count_24h >= self.max_per_24h


def allowed_from(
    times: Sequence[dt.datetime], *, min_gap_minutes: int | None, max_per_24h: int | None
) -> dt.datetime | None:
    """The moment the label allows the next dose (it may be past), or None when nothing was copied in.

    `times` are the doses of one medicine, any order. The gap counts from the last dose; the daily most counts
    the doses in the 24 hours before a moment, so a dose is allowed again when the oldest of the last
    `max_per_24h` leaves that window. The reminders' worker reads the same moment.
    """
    newest_first = sorted(times, reverse=True)
    if not newest_first:
        return None
    moments = []
    if min_gap_minutes:
        moments.append(newest_first[0] + dt.timedelta(minutes=min_gap_minutes))
    if max_per_24h and len(newest_first) >= max_per_24h:
        moments.append(newest_first[max_per_24h - 1] + DAY)
    return max(moments, default=None)


def next_allowed(
    times: Sequence[dt.datetime], *, min_gap_minutes: int | None, max_per_24h: int | None, now: dt.datetime
) -> dt.datetime | None:
    """The first moment after `now` the label allows another dose, or None when it allows one now."""
    later = allowed_from(times, min_gap_minutes=min_gap_minutes, max_per_24h=max_per_24h)
    return later if later is not None and later > now else None


def medicines_today(given: Sequence[Given], *, now: dt.datetime) -> list[MedicineDay]:
    """Each medicine given in the last 24 hours (by name, whatever its case), newest first, with the label's
    rules from its latest dose that carried them."""
    by_name: dict[str, list[Given]] = {}
    for dose in sorted(given, key=lambda g: g.at, reverse=True):
        if dose.at <= now and now - dose.at < DAY and dose.name.strip():
            by_name.setdefault(dose.name.strip().casefold(), []).append(dose)
    days = []
    for doses in by_name.values():
        gap = next((d.min_gap_minutes for d in doses if d.min_gap_minutes), None)
        most = next((d.max_per_24h for d in doses if d.max_per_24h), None)
        times = [d.at for d in doses]
        days.append(
            MedicineDay(
                name=doses[0].name.strip(),
                dose=doses[0].dose,
                last=doses[0].at,
                count_24h=len(doses),
                min_gap_minutes=gap,
                max_per_24h=most,
                next_allowed=next_allowed(times, min_gap_minutes=gap, max_per_24h=most, now=now),
            )
        )
    return days
