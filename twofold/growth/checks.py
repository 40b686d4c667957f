"""Measurements that look wrong, asked about before they are saved, with the reason (issue: a 30 kg
newborn, a 2 kg drop in a day, a head circumference off every chart).

Two checks. Off the chart: an SDS beyond ±4, the bound at which rcpchgrowth itself advises a measurement be
checked (its `MAXIMUM_HEIGHT_WEIGHT_OFC_ADVISORY_SDS`). A jump: a weight two centile spaces or more from the
nearest other weighing less than a week apart, both read on the child's chart. Two centile spaces is the
chart's own measure of a change worth a second look (UK-WHO chart guidance, EVIDENCE.md §9.2); the week is
Twofold's choice, not a clinical number: over longer, the growth page's note about crossing centile spaces
speaks instead. EVIDENCE.md gives no figure for a change in grams, so none is used. Either way the question
is only "please check the number", and the parent can always save it as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from twofold.growth import selectors
from twofold.growth.ages import Gestation, chart_age
from twofold.growth.centiles import KINDS, TWO_SPACES_SDS, Placing, place
from twofold.growth.references import reference_for
from twofold.households.models import Child
from twofold.households.units import format_mass, units_of

ADVISORY_SDS = 4.0
CHANGE_WITHIN = dt.timedelta(days=7)
SEXES = ("female", "male")

_WHAT = {"weight": "weight", "length": "length", "head": "head circumference"}


@dataclass(frozen=True)
class Neighbour:
    """Another weighing of the same child, the nearest in time."""

    at: dt.datetime
    grams: int


def off_the_chart(kind: str, placing: Placing | None) -> str:
    if placing is None or abs(placing.sds) < ADVISORY_SDS:
        return ""
    side = "above" if placing.sds > 0 else "below"
    return (
        f"This {_WHAT[kind]} is far {side} every line of the growth chart for this age (more than "
        f"{ADVISORY_SDS:.0f} standard deviations from the middle). Check the number and the unit."
    )


def big_change(
    grams: int, at: dt.datetime, other: Neighbour | None, sds_apart: float | None, mass_unit: str
) -> str:
    """`sds_apart`: how far apart the two weighings sit on the child's chart, in SDS (None: off its ages)."""
    if (
        other is None
        or sds_apart is None
        or abs(at - other.at) >= CHANGE_WITHIN
        or sds_apart < TWO_SPACES_SDS
    ):
        return ""
    days = abs(at - other.at).days
    when = (
        "the same day"
        if days == 0
        else f"{days} day{'s' if days != 1 else ''} {'before' if other.at < at else 'after'}"
    )
    direction = "more" if grams > other.grams else "less"
    return (
        f"This is {format_mass(abs(grams - other.grams), mass_unit)} {direction} than the weighing "
        f"{when} ({format_mass(other.grams, mass_unit)}): two centile spaces or more apart on the growth "
        "chart in under a week. A typo, a unit mixed up or a different scale can do that: please check the "
        "number, and save it as it is if it is right."
    )


def doubts(
    *,
    kind: str,
    stored: int,
    placing: Placing | None,
    at: dt.datetime,
    neighbour: Neighbour | None,
    sds_apart: float | None,
    mass_unit: str,
) -> list[str]:
    found = [off_the_chart(kind, placing)]
    if kind == "weight":
        found.append(big_change(stored, at, neighbour, sds_apart, mass_unit))
    return [text for text in found if text]


def placing_for(child: Child, kind: str, stored: int, on: dt.date, sex: str = "") -> Placing | None:
    sex = sex or child.sex
    if not sex:
        return None
    gestation = Gestation(child.gestation_weeks, child.gestation_days or 0) if child.gestation_weeks else None
    age = chart_age(child.birth_date, gestation, on)
    reference = reference_for(child.household.country, age.years)
    return place(reference=reference, kind=kind, stored=stored, sex=sex, age_years=age.years)


def sds_apart(child: Child, grams: int, on: dt.date, other: Neighbour) -> float | None:
    """How far apart two weighings sit on the child's chart. Without the child's sex, on both sexes' charts,
    the nearer: the check must not ask more of a family that has not given it."""
    other_on = other.at.astimezone(child.household.zone).date()
    if other_on < child.birth_date:
        return None
    apart = []
    for sex in (child.sex,) if child.sex else SEXES:
        now, then = (
            placing_for(child, "weight", grams, on, sex),
            placing_for(child, "weight", other.grams, other_on, sex),
        )
        if now is None or then is None:
            return None
        apart.append(abs(now.sds - then.sds))
    return min(apart)


def doubts_for_event(
    *, child: Child, kind: str, details: Mapping[str, Any], at: dt.datetime, event_id: int | None
) -> list[str]:
    """The care hook: what to ask about before saving this measurement (empty: nothing)."""
    field = "grams" if kind == "weight" else "mm"
    stored = details.get(field)
    if kind not in KINDS or not isinstance(stored, int):
        return []
    on = at.astimezone(child.household.zone).date()
    if on < child.birth_date:
        return []
    nearest = (
        selectors.nearest_weighing(child=child, at=at, other_than=event_id) if kind == "weight" else None
    )
    neighbour = Neighbour(*nearest) if nearest and abs(at - nearest[0]) < CHANGE_WITHIN else None
    return doubts(
        kind=kind,
        stored=stored,
        placing=placing_for(child, kind, stored, on),
        at=at,
        neighbour=neighbour,
        sds_apart=sds_apart(child, stored, on, neighbour) if neighbour else None,
        mass_unit=units_of(child.household).mass,
    )
