"""What the summary page shows: each chosen child's days, growth, temperatures, medicines and chosen notes.
Two queries for every chosen child, however many days: the period's events, and the measurements up to its end
(the growth chart draws the line from birth)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from twofold.care.day import local_day_bounds
from twofold.care.kinds.temperature import format_temperature
from twofold.care.models import CareEvent, Kind, TemperatureMethod
from twofold.care.rules import LONGEST_EVENT
from twofold.growth.period import PeriodGrowth, period_growth
from twofold.growth.selectors import measurements_until
from twofold.health.summary import Fact, SummaryDay, summarise_days
from twofold.households.ages import age_in_words
from twofold.households.models import Child, Household
from twofold.households.units import units_of

_FIELDS = {
    "feed__method": "method",
    "feed__amount_ml": "amount_ml",
    "nappy__contents": "contents",
    "temperature__celsius": "celsius",
    "temperature__method": "temperature_method",
    "medicine__name": "name",
    "medicine__dose": "dose",
}


@dataclass(frozen=True)
class Line:
    at: dt.datetime
    text: str
    by: str
    id: int = 0  # the event's, for a note's checkbox


@dataclass
class ChildSummary:
    child: Child
    age: str
    days: list[SummaryDay]
    growth: PeriodGrowth
    temperatures: list[Line] = field(default_factory=list)
    medicines: list[Line] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)
    offered_notes: list[Line] = field(default_factory=list)

    @property
    def has_log(self) -> bool:
        return any(d.feeds or d.wet or d.dirty or d.sleep_minutes or d.crying_minutes for d in self.days)


def read_facts(
    household: int, children: Sequence[int], lo: dt.datetime, hi: dt.datetime
) -> dict[int, list[Fact]]:
    """The period's live events of these children, anything that overlaps it, in one query."""
    rows = (
        # One index range: nothing that started longer than any care lasts before the period reaches into it.
        CareEvent.objects.filter(
            household_id=household,
            child_id__in=children,
            deleted_at__isnull=True,
            start__gte=lo - LONGEST_EVENT,
            start__lt=hi,
        )
        .exclude(end__isnull=True, start__lt=lo)
        .exclude(end__lt=lo)
        .order_by("start", "id")
        .values("id", "child_id", "kind", "start", "end", "note", "by__display_name", *_FIELDS)
    )
    found: dict[int, list[Fact]] = {c: [] for c in children}
    for row in rows:
        details = {name: row[column] for column, name in _FIELDS.items() if row[column] is not None}
        fact = Fact(
            row["id"], row["kind"], row["start"], row["end"], details, row["note"], row["by__display_name"]
        )
        found[row["child_id"]].append(fact)
    return found


def _lines(
    facts: list[Fact], lo: dt.datetime, household: Household
) -> tuple[list[Line], list[Line], list[Line]]:
    """The period's temperatures, medicines and notes (not what began before it)."""
    temperatures: list[Line] = []
    medicines: list[Line] = []
    notes: list[Line] = []
    for f in facts:
        if f.start < lo:
            continue
        if f.kind == Kind.TEMPERATURE and "celsius" in f.details:
            method = f.details.get("temperature_method")
            how = f", {TemperatureMethod(method).label.lower()}" if method else ""
            reading = format_temperature(f.details["celsius"], household.temperature_unit)
            temperatures.append(Line(f.start, reading + how, f.by))
        if f.kind == Kind.MEDICINE:
            text = " ".join(p for p in (f.details.get("name"), f.details.get("dose")) if p)
            medicines.append(Line(f.start, text, f.by))
        if f.note.strip():
            notes.append(Line(f.start, f.note.strip(), f.by, f.id))
    return temperatures, medicines, notes


def summaries(
    *,
    household: Household,
    children: Sequence[Child],
    first: dt.date,
    last: dt.date,
    chosen_notes: set[int],
    now: dt.datetime,
) -> list[ChildSummary]:
    zone = household.zone
    lo, _ = local_day_bounds(first, zone)
    _, hi = local_day_bounds(last, zone)
    facts = read_facts(household.pk, [c.pk for c in children], lo, hi)
    measured = measurements_until(child_ids=[c.pk for c in children], before=hi)
    units = units_of(household)
    found = []
    for child in children:
        mine = facts[child.pk]
        # No rows for days before the birth: a young baby's 14 days start on their birthday.
        since = max(first, min(child.birth_date, last))
        days = summarise_days(mine, first=since, last=last, zone=zone, birth_date=child.birth_date, now=now)
        temperatures, medicines, offered = _lines(mine, lo, household)
        chosen = [line for line in offered if line.id in chosen_notes]
        found.append(
            ChildSummary(
                child=child,
                age=age_in_words(child.birth_date, last),
                days=days,
                growth=period_growth(
                    child=child, measured=measured[child.pk], first=first, last=last, units=units
                ),
                temperatures=temperatures,
                medicines=medicines,
                notes=chosen,
                offered_notes=offered,
            )
        )
    return found
