"""Reading and keeping NightRecords: finished nights come from the table, the rest from the log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from twofold.db import Prepared, json_value
from twofold.households.models import Household
from twofold.insights.models import NightRecord
from twofold.insights.nights import NightSummary
from twofold.insights.periods import Night

# Bump when the way a night is computed changes, so records made under the old rules are recomputed.
RULES_VERSION = 2


def rules_key(household: Household) -> str:
    return f"{household.time_zone}|{household.night_start:%H:%M}-{household.night_end:%H:%M}|v{RULES_VERSION}"


def _summary(night: Night, wakings: int, values: dict[str, list[float]]) -> NightSummary:
    people = {int(member): v for member, v in values.items()}
    return NightSummary(
        night,
        wakings,
        {m: int(v[0]) for m, v in people.items()},
        {m: float(v[1]) for m, v in people.items()},
        {m: dt.timedelta(seconds=v[2]) for m, v in people.items()},
    )


# Compiled once (see twofold.db.Prepared). The nights asked for are consecutive, so a range finds them.
_REMEMBERED = Prepared(
    lambda household, first, last, rules: NightRecord.objects.filter(
        household_id=household, night_of__gte=first, night_of__lte=last, rules=rules
    ).values_list("night_of", "wakings", "people"),
    household=int,
    first=dt.date,
    last=dt.date,
    rules=str,
)


def remembered(*, household: Household, nights: Sequence[Night]) -> dict[dt.date, NightSummary]:
    """Summaries kept for these nights under the household's current rules, by night date."""
    if not nights:
        return {}
    by_date = {n.of: n for n in nights}
    records = _REMEMBERED.fetch(
        household=household.pk, first=min(by_date), last=max(by_date), rules=rules_key(household)
    )
    found = {}
    for night_of, wakings, people in records:
        day = night_of if isinstance(night_of, dt.date) else dt.date.fromisoformat(night_of)
        if day in by_date:
            found[day] = _summary(by_date[day], wakings, json_value(people))
    return found


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


def forget(*, household_id: int, nights: Iterable[dt.date]) -> None:
    """Drop the records of these nights, so the next look works them out again from the log."""
    NightRecord.objects.filter(household_id=household_id, night_of__in=list(nights)).delete()
