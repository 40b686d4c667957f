"""Growth over a period, for the summary for a health visit (`health`): the period's weights, lengths and
head circumferences with centile and SDS, and the weight chart from birth to the period's last day, the
same rows and chart as the growth page (EVIDENCE.md §9.2). Plain values in; no database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from threading import Lock

from twofold.growth.centiles import KINDS
from twofold.growth.pages import KIND_NAMES, GrowthPage, Row, growth_page
from twofold.growth.selectors import Measured
from twofold.households.models import Child
from twofold.households.units import MeasureUnits


@dataclass(frozen=True)
class Measurement:
    kind_name: str
    row: Row


@dataclass(frozen=True)
class PeriodGrowth:
    measurements: tuple[Measurement, ...]  # the period's, oldest first
    weight: GrowthPage  # its chart shows every weight up to the period's end; its note, any crossing
    needs_sex: bool  # only said when there is something to place

    @property
    def chart_shown(self) -> bool:
        return self.weight.chart is not None and bool(self.weight.rows)


# Recent answers, by everything an answer is made from: a summary asked for again (the same page reloaded,
# then its PDF) places the same measurements and draws the same chart, which was a tenth of its time.
REMEMBERED = 64
_remembered: dict[tuple[object, ...], PeriodGrowth] = {}
_remembering = Lock()


def _key(
    child: Child, measured: Sequence[Measured], first: dt.date, last: dt.date, units: MeasureUnits
) -> tuple[object, ...]:
    """Every value of the child and household that `growth_page` reads, so an edit is a new key."""
    household = child.household
    facts = (child.pk, child.birth_date, child.sex, child.gestation_weeks, child.gestation_days)
    return (*facts, household.country, household.zone, tuple(measured), first, last, units)


def period_growth(
    *, child: Child, measured: Sequence[Measured], first: dt.date, last: dt.date, units: MeasureUnits
) -> PeriodGrowth:
    """`measured` is everything up to the end of `last` (the chart draws the line so far); the rows are the
    period's only."""
    key = _key(child, measured, first, last, units)
    found = _remembered.get(key)
    if found is None:
        found = _period_growth(child=child, measured=measured, first=first, last=last, units=units)
        with _remembering:
            if len(_remembered) >= REMEMBERED:
                del _remembered[next(iter(_remembered))]  # the oldest: dicts keep their order
            _remembered[key] = found
    return found


def _period_growth(
    *, child: Child, measured: Sequence[Measured], first: dt.date, last: dt.date, units: MeasureUnits
) -> PeriodGrowth:
    zone = child.household.zone
    in_period = [m for m in measured if first <= m.at.astimezone(zone).date() <= last]
    # Every weight so far, for the chart's line; lengths and heads only for the period's rows.
    pages = {
        kind: growth_page(
            child=child,
            measured=measured if kind == "weight" else in_period,
            kind=kind,
            asked="",
            units=units,
            today=last,
            with_chart=kind == "weight",
        )
        for kind in KINDS
    }
    rows = [
        Measurement(KIND_NAMES[kind], row)
        for kind, page in pages.items()
        for row in page.rows
        if first <= row.date <= last
    ]
    rows.sort(key=lambda m: (m.row.date, m.row.id))
    return PeriodGrowth(
        measurements=tuple(rows), weight=pages["weight"], needs_sex=not child.sex and bool(measured)
    )
