"""The health cards for a household's children: a fever card, the wet-nappy note and the medicines of the last
24 hours. Shown on Today to every member (helpers included) and on Quick log, where care is logged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from twofold.bonding import guidance
from twofold.care.doses import MedicineDay, medicines_today
from twofold.care.kinds.temperature import format_temperature
from twofold.care.models import TemperatureMethod
from twofold.health import selectors
from twofold.health.fever import Level, fever_level, no_wet_nappy_since, worst
from twofold.households.crisis import lines_for
from twofold.households.models import Child, Household
from twofold.households.words import word

# The red-flags page's own items (bonding/data/red_flags.json, EVIDENCE.md §3.4 and §9.1), so the card and the
# page say the same thing in the same country's words.
ITEM_FOR = {Level.RED: "fever_under_3_months", Level.AMBER: "fever_and_other_signs"}
US_ITEM = "us_fever_by_age"
WET_ITEM = "not_feeding_or_dehydrated"


@dataclass(frozen=True)
class Advice:
    """One red-flags item as the page shows it: the urgency in the country's words, the text, the source."""

    label: str
    text: str
    source: str
    secondary: bool


@dataclass(frozen=True)
class FeverCard:
    level: Level
    reading: str  # "38.2 °C", in the household's unit
    at: dt.datetime
    advice: list[Advice]
    emergency: str


@dataclass(frozen=True)
class WetNote:
    since: dt.datetime
    hours: int
    nappy: str
    advice: Advice


@dataclass(frozen=True)
class LastTemperature:
    reading: str  # "37.2 °C", in the household's unit
    at: dt.datetime
    method: str


@dataclass
class ChildHealth:
    child: Child
    last_temperature: LastTemperature | None = None
    fever: FeverCard | None = None
    wet: WetNote | None = None
    medicines: list[MedicineDay] = field(default_factory=list)

    @property
    def anything(self) -> bool:
        return bool(self.last_temperature or self.fever or self.wet or self.medicines)


def _advice(item_id: str, labels: dict[str, str], country: str) -> Advice:
    item = next(i for i in guidance.red_flags().items if i.id == item_id).for_country(country)
    return Advice(labels[item.urgency], item.text, item.source, item.secondary)


def _fever_card(child: Child, readings: list[selectors.Reading], household: Household) -> FeverCard | None:
    zone = household.zone
    levels = [
        (fever_level(r.celsius, birth_date=child.birth_date, taken_on=r.at.astimezone(zone).date()), r)
        for r in readings
    ]
    level = worst([lvl for lvl, _ in levels])
    if level is None:
        return None
    reading = next(r for lvl, r in levels if lvl is level)  # the newest reading at that level
    country = lines_for(household.country)
    labels = guidance.urgency_labels(household.country, country.emergency_numbers)
    advice = [_advice(ITEM_FOR[level], labels, household.country)]
    if household.country == "US":
        advice.append(_advice(US_ITEM, labels, household.country))
    return FeverCard(
        level=level,
        reading=format_temperature(reading.celsius, household.temperature_unit),
        at=reading.at,
        advice=advice,
        emergency=country.emergency_numbers,
    )


def health_of(household: Household, children: Sequence[Child], now: dt.datetime) -> list[ChildHealth]:
    """Each child's health cards now: four queries for all the children."""
    ids = [c.pk for c in children]
    if not ids:
        return []
    temperatures = selectors.recent_temperatures(ids, now=now)
    wet = selectors.last_wet_nappies(ids, now=now)
    doses = selectors.doses_in_last_day(ids, now=now)
    last = selectors.last_temperatures(ids, now=now)
    today = now.astimezone(household.zone).date()
    found = []
    for child in children:
        health = ChildHealth(child)
        if child.pk in last:
            reading = last[child.pk]
            health.last_temperature = LastTemperature(
                format_temperature(reading.celsius, household.temperature_unit),
                reading.at,
                TemperatureMethod(reading.method).label.lower() if reading.method else "",
            )
        health.fever = _fever_card(child, [r for r in temperatures if r.child_id == child.pk], household)
        since = no_wet_nappy_since(wet.get(child.pk), birth_date=child.birth_date, now=now, today=today)
        if since is not None:
            labels = guidance.urgency_labels(
                household.country, lines_for(household.country).emergency_numbers
            )
            health.wet = WetNote(
                since=since,
                hours=int((now - since).total_seconds() // 3600),
                nappy=word(household.locale, "nappy"),
                advice=_advice(WET_ITEM, labels, household.country),
            )
        health.medicines = medicines_today(doses.get(child.pk, []), now=now)
        found.append(health)
    return found


def health_context(*, household: Household, children: Sequence[Child], now: dt.datetime) -> dict[str, Any]:
    cards = [h for h in health_of(household, children, now) if h.anything]
    return {"health_cards": cards, "now": now} if cards else {}


def quick_log_alerts(
    household: Household, children: Sequence[Child], now: dt.datetime
) -> tuple[str, dict[str, Any]] | None:
    """Quick log's alerts (care's hook): the same cards as Today's, fever first."""
    context = health_context(household=household, children=children, now=now)
    return ("health/_today.html", {"health": context}) if context else None
