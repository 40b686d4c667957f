"""What the care app gives the demo household: its log since the birth, planned by care/demo_plan.py and
bulk-inserted in one go, so a year of care is stored in seconds."""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

from twofold.care.demo_plan import DemoPlan, plan_log
from twofold.care.details import DETAIL_MODELS
from twofold.care.models import CareEvent
from twofold.households.demo import DemoFamily


def add_to_demo(family: DemoFamily) -> None:
    """Plan the family's log from the birth up to now and store it."""
    plan = plan_log(
        seed=family.seed,
        born=family.born,
        children=len(family.children),
        now=family.now,
        zone=family.household.zone,
    )
    store_log(plan, family)


def store_log(plan: DemoPlan, family: DemoFamily) -> int:
    """Bulk-insert the events, then each kind's details (bulk_create sets the events' ids first)."""
    household, members, kids = family.household, family.members, family.children
    rows = [
        CareEvent(
            household_id=household.pk,
            child_id=kids[planned.child].pk,
            kind=planned.kind,
            by_id=members[planned.by].pk,
            logged_by_id=members[planned.logged_by].pk,
            start=planned.start,
            end=planned.end,
            response=planned.response,
            settled_after_minutes=planned.settled_after_minutes,
            note=planned.note,
            client_id=uuid.uuid4(),
            created_at=planned.end or planned.start,
        )
        for planned in plan.events
    ]
    CareEvent.objects.bulk_create(rows, batch_size=2000)
    details: dict[type, list[Any]] = defaultdict(list)
    for planned, row in zip(plan.events, rows, strict=True):
        model = DETAIL_MODELS.get(planned.kind)
        if model is not None:
            details[model].append(model(event_id=row.pk, **planned.details))
    for model, objects in details.items():
        model.objects.bulk_create(objects, batch_size=2000)  # type: ignore[attr-defined]
    return len(rows)
