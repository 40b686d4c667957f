"""What the summary page shows: each chosen child's days, growth, temperatures, medicines and chosen notes.
Two queries for every chosen child, however many days: the period's events, and the measurements up to its end
(the growth chart draws the line from birth)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.dateformat import format as date_format
from django.utils.text import Truncator
from django.utils.translation import get_language

from twofold.care.day import local_day_bounds
from twofold.care.kinds.temperature import format_temperature
from twofold.care.models import Kind, TemperatureMethod
from twofold.growth.period import PeriodGrowth, period_growth
from twofold.growth.selectors import measurements_until
from twofold.health.facts import read_facts
from twofold.health.summary import Fact, SummaryDay, hours_and_minutes, summarise_days
from twofold.households.ages import age_in_words
from twofold.households.models import Child, Household
from twofold.households.units import units_of
from twofold.households.words import format_volume


@dataclass(frozen=True)
class Line:
    at: dt.datetime
    text: str
    by: str
    id: int = 0  # the event's, for a note's checkbox
    when: str = ""  # "Mon 7 Dec 14:05", in the household's zone
    offered: str = ""  # a note's checkbox: "7 Dec 14:05: " and its first 80 characters


@lru_cache(maxsize=4096)
def _dated(value: dt.date | dt.datetime, zone: str, pattern: str, language: str | None) -> str:
    # Django's date format takes tens of microseconds, and a summary shows the same days and times on every
    # visit (and its PDF): remembered by value, zone, pattern and language, so a cached text is never wrong.
    return date_format(value, pattern)


def dated(value: dt.date | dt.datetime, pattern: str) -> str:
    """`value` in Django's date `pattern` ("D j M"), as the template's date filter would write it."""
    # Aware times are equal (and hash alike) in any zone: the zone is part of the key, or 10:00 in London
    # could be remembered for 11:00 in Paris.
    zone = value.tzinfo if isinstance(value, dt.datetime) else None
    return _dated(value, str(zone or ""), pattern, get_language())


@dataclass(frozen=True)
class DayRow:
    """A day's figures as the page and the PDF print them."""

    day: str
    cells: tuple[str, ...]


def _dash(minutes: int) -> str:
    return hours_and_minutes(minutes) if minutes else "–"


def day_row(day: SummaryDay, volume_unit: str) -> DayRow:
    norm = "–"
    if day.norm and day.norm.band:
        norm = day.norm.band.text + ("*" if day.norm.interpolated else "")
    bottles = format_volume(day.bottle_ml, volume_unit) if day.bottle_ml else "–"
    return DayRow(
        dated(day.date, "D j M"),
        (
            str(day.feeds),
            bottles,
            _dash(day.breast_minutes),
            str(day.wet),
            str(day.dirty),
            _dash(day.sleep_minutes),
            _dash(day.longest_sleep_minutes),
            _dash(day.crying_minutes),
            norm,
        ),
    )


@dataclass
class ChildSummary:
    child: Child
    age: str
    days: list[SummaryDay]
    day_rows: list[DayRow]
    growth: PeriodGrowth
    temperatures: list[Line] = field(default_factory=list)
    medicines: list[Line] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)
    offered_notes: list[Line] = field(default_factory=list)

    @property
    def has_log(self) -> bool:
        return any(d.feeds or d.wet or d.dirty or d.sleep_minutes or d.crying_minutes for d in self.days)


def _lines(
    facts: list[Fact], lo: dt.datetime, household: Household
) -> tuple[list[Line], list[Line], list[Line]]:
    """The period's temperatures, medicines and notes (not what began before it)."""
    temperatures: list[Line] = []
    medicines: list[Line] = []
    notes: list[Line] = []
    zone = household.zone
    for f in facts:
        if f.start < lo:
            continue
        note = f.note.strip()
        if f.kind not in (Kind.TEMPERATURE, Kind.MEDICINE) and not note:
            continue
        local = f.start.astimezone(zone)
        when = dated(local, "D j M H:i")
        if f.kind == Kind.TEMPERATURE and "celsius" in f.details:
            method = f.details.get("temperature_method")
            how = f", {TemperatureMethod(method).label.lower()}" if method else ""
            reading = format_temperature(f.details["celsius"], household.temperature_unit)
            temperatures.append(Line(f.start, reading + how, f.by, when=when))
        if f.kind == Kind.MEDICINE:
            text = " ".join(p for p in (f.details.get("name"), f.details.get("dose")) if p)
            medicines.append(Line(f.start, text, f.by, when=when))
        if note:
            offered = f"{dated(local, 'j M H:i')}: {Truncator(note).chars(80)}"
            notes.append(Line(f.start, note, f.by, f.id, when=when, offered=offered))
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
                # Formatted here, once, for the page and the PDF alike: a year is 366 rows.
                day_rows=[day_row(d, household.volume_unit) for d in days],
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
