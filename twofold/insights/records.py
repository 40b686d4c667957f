"""Reading and keeping NightRecords: finished nights come from the table, the rest from the log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from twofold.households.models import Household
from twofold.insights.models import NightRecord
from twofold.insights.nights import NightSummary
from twofold.insights.periods import Night

# Bump when the way a night is computed changes, so records made under the old rules are recomputed.
RULES_VERSION = 1


def rules_key(household: Household) -> str:
    return f"{household.time_zone}|{household.night_start:%H:%M}-{household.night_end:%H:%M}|v{RULES_VERSION}"


def _summary(night: Night, record: NightRecord) -> NightSummary:
    people = {int(member): values for member, values in record.people.items()}
    return NightSummary(
        night,
        record.wakings,
        {m: int(v[0]) for m, v in people.items()},
        {m: float(v[1]) for m, v in people.items()},
        {m: dt.timedelta(seconds=v[2]) for m, v in people.items()},
    )


def remembered(*, household: Household, nights: Sequence[Night]) -> dict[dt.date, NightSummary]:
    """Summaries kept for these nights under the household's current rules, by night date."""
    if not nights:
        return {}
    by_date = {n.of: n for n in nights}
    records = NightRecord.objects.filter(
        household=household, night_of__in=list(by_date), rules=rules_key(household)
    )
    return {r.night_of: _summary(by_date[r.night_of], r) for r in records}


def remember(*, household: Household, summaries: Iterable[NightSummary], now: dt.datetime) -> None:
    """Keep summaries of nights that have ended; a night still going is never kept."""
    key = rules_key(household)
    fresh = [
        NightRecord(
            household=household,
            night_of=s.night.of,
            rules=key,
            wakings=s.wakings,
            people={
                str(m): [
                    s.handled.get(m, 0),
                    round(s.awake_minutes.get(m, 0.0), 2),
                    s.longest_sleep[m].total_seconds(),
                ]
                for m in s.longest_sleep
            },
        )
        for s in summaries
        if s.night.end <= now
    ]
    if not fresh:
        return
    # Records made under other rules for the same nights are stale: replace them.
    NightRecord.objects.filter(household=household, night_of__in=[r.night_of for r in fresh]).exclude(
        rules=key
    ).delete()
    NightRecord.objects.bulk_create(fresh, ignore_conflicts=True)


def forget(*, household_id: int, moments: Iterable[dt.datetime | None]) -> None:
    """Drop the records of every night these moments could fall in.

    A night is named by the local date it begins on, and local dates run up to a day either side of UTC, so
    the nights from two days before to one day after each moment's UTC date cover any time zone.
    """
    days: set[dt.date] = set()
    for moment in moments:
        if moment is not None:
            utc = moment.astimezone(dt.UTC).date()
            days |= {utc + dt.timedelta(days=offset) for offset in (-2, -1, 0, 1)}
    if days:
        NightRecord.objects.filter(household_id=household_id, night_of__in=days).delete()
