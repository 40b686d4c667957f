"""The growth readings as plain JSON-ready values, for the API: stored units, ages, centile and SDS."""

from __future__ import annotations

import datetime as dt
from typing import Any

from twofold.growth.ages import chart_age
from twofold.growth.centiles import crossed_two_spaces, place
from twofold.growth.pages import gestation_of
from twofold.growth.references import NAMES, reference_for
from twofold.growth.selectors import measurements
from twofold.households.models import Child

STORED_UNIT = {"weight": "g", "length": "mm", "head": "mm"}


def growth_document(*, child: Child, kind: str, asked: str, today: dt.date) -> dict[str, Any]:
    zone, country = child.household.zone, child.household.country
    gestation = gestation_of(child)
    rows, seen = [], []
    for m in measurements(child=child, kind=kind):
        age = chart_age(child.birth_date, gestation, m.at.astimezone(zone).date())
        reference = reference_for(country, age.years, asked)
        placing = (
            place(reference=reference, kind=kind, stored=m.stored, sex=child.sex, age_years=age.years)
            if child.sex
            else None
        )
        if placing is not None:
            seen.append(placing.sds)
        rows.append(
            {
                "event": m.id,
                "at": m.at,
                "value": m.stored,
                "unit": STORED_UNIT[kind],
                "age_days": age.days,
                "corrected": age.corrected,
                "reference": reference if placing else None,
                "centile": round(placing.centile, 2) if placing else None,
                "sds": round(placing.sds, 3) if placing else None,
            }
        )
    now_reference = reference_for(country, chart_age(child.birth_date, gestation, today).years, asked)
    return {
        "child": child.pk,
        "kind": kind,
        "reference": now_reference,
        "reference_name": NAMES[now_reference],
        "sex_given": bool(child.sex),
        "crossed_two_centile_spaces": crossed_two_spaces(seen),
        "measurements": rows,
    }
