"""What growth gives the demo household: each baby's sex for the charts, weights that follow one centile
line (care's weekly weighings, re-drawn from the reference), and a length and head circumference each month
on the same line. Drawn without the random stream, so nothing else in the demo changes."""

from __future__ import annotations

import datetime as dt
import uuid

from twofold.care.models import CareEvent, Head, Length, Weight
from twofold.growth.ages import DAYS_PER_YEAR
from twofold.growth.centiles import TO_REFERENCE_UNIT
from twofold.growth.rcpch import library
from twofold.growth.references import reference_for
from twofold.households.demo import DemoFamily
from twofold.households.models import Child

# Each demo baby's place on the chart, as SDS (0.3 is about the 62nd centile), and sex.
DEMO_SDS = (0.3, -0.4, 0.7)
DEMO_SEX = ("female", "male", "female")
MONTH = dt.timedelta(days=30)


def _on_the_line(reference: str, kind: str, sex: str, sds: float, age_days: int) -> int:
    method = {"weight": "weight", "length": "height", "head": "ofc"}[kind]
    value = library().measurement_from_sds(
        reference=reference,
        requested_sds=sds,
        measurement_method=method,
        sex=sex,
        age=age_days / DAYS_PER_YEAR,
    )
    return round(float(value) * TO_REFERENCE_UNIT[kind])


def add_to_demo(family: DemoFamily) -> None:
    household, sam = family.household, family.members.get("sam")
    if sam is None:
        return
    for index, child in enumerate(family.children):
        sex, sds = DEMO_SEX[index % 3], DEMO_SDS[index % 3]
        Child.objects.filter(pk=child.pk).update(sex=sex)
        child.sex = sex

        def value(kind: str, at: dt.datetime, child: Child = child, sex: str = sex, sds: float = sds) -> int:
            age_days = (at.astimezone(household.zone).date() - child.birth_date).days
            return _on_the_line(
                reference_for(household.country, age_days / DAYS_PER_YEAR), kind, sex, sds, age_days
            )

        weights = list(Weight.objects.filter(event__child=child).select_related("event"))
        for weight in weights:
            weight.grams = value("weight", weight.event.start)
        Weight.objects.bulk_update(weights, ["grams"])
        moments = []
        at = dt.datetime.combine(child.birth_date + dt.timedelta(days=14), dt.time(10, 30), household.zone)
        while at < family.now:
            moments.append(at)
            at += MONTH
        for kind, model in (("length", Length), ("head", Head)):
            events = [
                CareEvent(
                    household_id=household.pk,
                    child_id=child.pk,
                    kind=kind,
                    by_id=sam.pk,
                    logged_by_id=sam.pk,
                    start=moment,
                    client_id=uuid.uuid4(),
                    created_at=moment,
                )
                for moment in moments
            ]
            CareEvent.objects.bulk_create(events)
            model.objects.bulk_create(
                [model(event_id=e.pk, mm=value(kind, e.start)) for e in events]  # type: ignore[misc]
            )
