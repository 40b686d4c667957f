"""The demo's one fever episode, planned: a pure function like the rest of demo_plan.py, which adds it."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from twofold.care.models import Kind
from twofold.households.demo import ALEX, SAM


class Step(NamedTuple):
    """One event of the episode, for demo_plan.py to make a PlannedEvent of (the first baby's)."""

    start: dt.datetime
    kind: str
    by: str
    details: dict[str, Any]
    note: str = ""


# The demo's one fever: a raised temperature on the evening after the first baby's vaccinations, ten days ago
# (inside the 14 days a summary shows), brought down with paracetamol. EVIDENCE.md §3.4 names this as the one
# exception to "under 3 months with 38 °C or more": a fever within 48 hours of vaccinations with no other
# warning signs. Twofold cannot know that, so in a baby under 3 months the readings showed the red card that
# evening, as any would, and the card's own words give the exception; it lasted a day, so the demo's Today
# shows none. Past 3 months the readings stay below the amber card's 39 °C (§9.1). The dose and the label's
# gap are the demo family's entry, not advice (Twofold never suggests a dose, §9.3).
FEVER_DAYS_AGO = 10
# The demo's own choice, not a clinical age: a younger demo baby has no fever episode.
FEVER_FROM_AGE_DAYS = 42
# The vaccinations' note that morning, and the episode: (hours after 18:00, kind, who, details).
VACCINATIONS = (-8.5, "Vaccinations at the surgery this morning. A bit grizzly since.")
_PARACETAMOL = {
    "name": "Paracetamol",
    "dose": "2.5 ml, as the nurse advised",
    "min_gap_minutes": 240,
    "max_per_24h": 4,
}
_FEVER = (
    (0.0, Kind.TEMPERATURE, SAM, {"celsius": "38.4", "method": "armpit"}),
    (0.1, Kind.MEDICINE, SAM, _PARACETAMOL),
    (4.5, Kind.TEMPERATURE, ALEX, {"celsius": "38.1", "method": "armpit"}),
    (4.6, Kind.MEDICINE, ALEX, _PARACETAMOL),
    (13.0, Kind.TEMPERATURE, SAM, {"celsius": "37.2", "method": "armpit"}),
)


def fever_episode(birth_date: dt.date, zone: ZoneInfo, now: dt.datetime) -> list[Step]:
    """The first baby's fever after the vaccinations, in a demo whose baby was 6 weeks or older ten days ago.
    Drawn without the random stream, so it changed no other event of the demo."""
    day = now.astimezone(zone).date() - dt.timedelta(days=FEVER_DAYS_AGO)
    if (day - birth_date).days < FEVER_FROM_AGE_DAYS:
        return []
    evening = dt.datetime.combine(day, dt.time(18, 0), zone)
    after, text = VACCINATIONS
    steps = [Step((evening + dt.timedelta(hours=after)).astimezone(dt.UTC), Kind.NOTE.value, SAM, {}, text)]
    for hours, kind, who, details in _FEVER:
        start = (evening + dt.timedelta(hours=hours)).astimezone(dt.UTC)
        steps.append(Step(start, kind.value, who, dict(details)))
    return [step for step in steps if step.start <= now]
