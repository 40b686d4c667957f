"""The growth page for one child and one measurement: rows with centile and SDS, the chart, the reference
named, and the note when the line has crossed two centile spaces. No judgement words (EVIDENCE.md §9.2)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.urls import reverse
from django.utils.safestring import SafeString

from twofold.growth.ages import ChartAge, Gestation, chart_age, corrected_until, weeks_and_days
from twofold.growth.centiles import centile_words, crossed_two_spaces, lines, place, reference_value
from twofold.growth.chart import CM_AXIS, IN_AXIS, KG_AXIS, LB_AXIS, Drawing, Point, growth_svg
from twofold.growth.references import NAMES, choices_for, reference_for
from twofold.growth.selectors import Measured
from twofold.households.models import Child
from twofold.households.professionals import in_local_words
from twofold.households.units import INCH, LB_OZ, MeasureUnits, format_length, format_mass

KIND_NAMES = {"weight": "Weight", "length": "Length or height", "head": "Head circumference"}
CROSSED = (
    "Between these measurements the line has crossed two centile spaces. One measurement alone says little, "
    "and scales and tape measures vary; it is worth showing to your health visitor or doctor."
)
# How many ages each centile line is drawn at: smooth enough at a phone's width.
LINE_POINTS = 30


@dataclass(frozen=True)
class Row:
    id: int
    date: dt.date  # household-local
    on: str
    edit_url: str
    age: str
    value: str
    centile: str
    sds: str
    by_name: str


@dataclass(frozen=True)
class GrowthPage:
    kind: str
    kind_name: str
    rows: tuple[Row, ...]
    chart: SafeString | None
    drawing: Drawing | None  # the chart's plain values, for a drawer other than the SVG
    reference_name: str
    references: tuple[tuple[str, str], ...]
    reference: str
    crossed: str
    corrected: str
    needs_sex: bool


def shown(kind: str, stored: int, units: MeasureUnits) -> str:
    return format_mass(stored, units.mass) if kind == "weight" else format_length(stored, units.length)


def gestation_of(child: Child) -> Gestation | None:
    return Gestation(child.gestation_weeks, child.gestation_days or 0) if child.gestation_weeks else None


def _month_span(ages: Sequence[float], today_years: float) -> tuple[float, float]:
    """The chart's ages, snapped to whole months so the lines are the same all month (and cached)."""
    month = 1 / 12
    first = min([0.0, *ages])
    last = max([today_years, *ages, 2 * month])
    return math.floor(first / month) * month, math.ceil(last / month) * month


def _line_ages(first: float, last: float) -> tuple[float, ...]:
    step = (last - first) / (LINE_POINTS - 1)
    return tuple(round(first + i * step, 5) for i in range(LINE_POINTS))


def growth_page(
    *,
    child: Child,
    measured: Sequence[Measured],
    kind: str,
    asked: str,
    units: MeasureUnits,
    today: dt.date,
    with_chart: bool = True,
) -> GrowthPage:
    """The child's measurements of one kind with centile and SDS, and (`with_chart`) the chart to `today`."""
    household = child.household
    gestation = gestation_of(child)
    zone = household.zone
    now_age = chart_age(child.birth_date, gestation, today)
    reference = reference_for(household.country, now_age.years, asked)
    mine = [m for m in measured if m.kind == kind]
    ages: list[ChartAge] = [
        chart_age(child.birth_date, gestation, m.at.astimezone(zone).date()) for m in mine
    ]
    rows, points, sds_seen = [], [], []
    # Formatted here, not by template filters: a year of weekly weighings is 52 rows.
    edit = reverse("care:event_edit", args=[0]).replace("/0/", "/{}/")
    for m, age in zip(mine, ages, strict=True):
        value = shown(kind, m.stored, units)
        age_text = weeks_and_days(age.days) + (" (corrected)" if age.corrected else "")
        placing = None
        if child.sex:
            ref = reference_for(household.country, age.years, asked)
            placing = place(reference=ref, kind=kind, stored=m.stored, sex=child.sex, age_years=age.years)
        if placing is not None:
            sds_seen.append(placing.sds)
            points.append(
                Point(
                    age.years,
                    reference_value(kind, m.stored),
                    f"{value} at {age_text}: {centile_words(placing.centile)} centile",
                )
            )
        local = m.at.astimezone(zone)
        rows.append(
            Row(
                id=m.id,
                date=local.date(),
                on=f"{local.day} {local:%b %Y}",
                edit_url=edit.format(m.id),
                age=age_text,
                value=value,
                centile=centile_words(placing.centile) if placing else "",
                sds=f"{placing.sds:+.2f}" if placing else "",
                by_name=m.by_name,
            )
        )
    drawing = None
    if with_chart and child.sex and (points or not mine):
        drawing = _chart(
            reference,
            kind,
            child.sex,
            [a.years for a in ages],
            now_age.years,
            points,
            units,
            household.country,
            asked,
        )
    until = corrected_until(child.birth_date, gestation)
    corrected = ""
    if gestation is not None and until is not None:
        corrected = (
            f"Born at {gestation.weeks} weeks and {gestation.days} days: ages on the chart are corrected for "
            f"prematurity until {until:%-d %B %Y}, as the UK-WHO charts advise."
        )
    names = {ref: NAMES[ref] for ref in choices_for(household.country, now_age.years)}
    return GrowthPage(
        kind=kind,
        kind_name=KIND_NAMES[kind],
        rows=tuple(reversed(rows)),
        chart=growth_svg(drawing, title_id=f"growth-{kind}") if drawing else None,
        drawing=drawing,
        reference_name=_reference_name(household.country, reference),
        references=tuple(names.items()) if len(names) > 1 else (),
        reference=reference,
        crossed=in_local_words(CROSSED, household.country) if crossed_two_spaces(sds_seen) else "",
        corrected=corrected,
        needs_sex=not child.sex,
    )


def _reference_name(country: str, reference: str) -> str:
    if reference == "cdc":
        return f"{NAMES['who']} under 2, {NAMES['cdc']} from 2"
    return NAMES[reference]


def _chart(
    reference: str,
    kind: str,
    sex: str,
    ages: list[float],
    today_years: float,
    points: list[Point],
    units: MeasureUnits,
    country: str,
    asked: str,
) -> Drawing:
    first, last = _month_span(ages, today_years)
    sample = _line_ages(first, last)
    drawn: list[list[tuple[float, float]]] = [[] for _ in range(9)]
    # Each stretch of ages against its own reference (WHO under 2 when CDC is chosen over it).
    for ref in dict.fromkeys(reference_for(country, a, asked) for a in sample):
        stretch = tuple(a for a in sample if reference_for(country, a, asked) == ref)
        for i, line in enumerate(lines(ref, kind, sex, stretch)):
            drawn[i].extend(line)
    if kind == "weight":
        axis = LB_AXIS if units.mass == LB_OZ else KG_AXIS
    else:
        axis = IN_AXIS if units.length == INCH else CM_AXIS
    return Drawing(
        lines=tuple(tuple(line) for line in drawn),
        points=tuple(points),
        ages=(first, last),
        axis=axis,
        title=f"{KIND_NAMES[kind]} over the centile lines of the {_reference_name(country, reference)}",
    )
