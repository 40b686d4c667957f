"""The medicine reminder's reads: the doses of the last two days and the rule the parent entered with each.

A medicine's reminder needs the shortest gap the parent copied from its label; without one no reminder is
made, and nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.urls import reverse

from twofold.care.models import CareEvent, Kind, Medicine
from twofold.households.models import Child, Household
from twofold.reminders import medicine, words
from twofold.reminders.topics import Topic

LOOK_BACK = dt.timedelta(hours=48)


@dataclass(frozen=True)
class Rule:
    gap: dt.timedelta
    most_in_24h: int | None


def rule_of(detail: Medicine) -> Rule | None:
    """The parent's own gap and most doses in 24 hours for this medicine; None when no gap was entered."""
    if not detail.min_gap_minutes:
        return None
    return Rule(gap=dt.timedelta(minutes=detail.min_gap_minutes), most_in_24h=detail.max_per_24h)


def reminders(
    households: Sequence[Household], children: dict[int, Child], now: dt.datetime
) -> Iterator[words.Reminder]:
    zones = {h.pk: h.zone for h in households}
    doses = (
        Medicine.objects.filter(
            event__child_id__in=list(children),
            event__kind=Kind.MEDICINE,
            event__deleted_at__isnull=True,
            event__start__gt=now - LOOK_BACK,
            event__start__lte=now,
        )
        .select_related("event")
        .order_by("event__start")
    )
    by_medicine: dict[tuple[int, str], list[Medicine]] = defaultdict(list)
    for detail in doses:
        by_medicine[(detail.event.child_id, detail.name.strip().lower())].append(detail)
    for (child_id, _), given in by_medicine.items():
        latest = given[-1]
        rule = rule_of(latest)
        if rule is None:
            continue
        yield from _reminder(
            children[child_id], latest.event, given, rule, zones[children[child_id].household_id], now
        )


def _reminder(
    child: Child, latest: CareEvent, given: list[Medicine], rule: Rule, zone: dt.tzinfo, now: dt.datetime
) -> Iterator[words.Reminder]:
    dose = medicine.next_dose([d.event.start for d in given], rule.gap, rule.most_in_24h)
    if dose is None or not medicine.is_allowed_now(dose, now):
        return
    name = given[-1].name
    title, body = words.dose_allowed(child.name, name, dose.allowed_from, dose.at_most_in_24h, zone)  # type: ignore[arg-type]
    yield words.Reminder(
        household_id=child.household_id,
        topic=Topic.MEDICINE,
        key=f"dose:{latest.pk}",
        title=title,
        body=body,
        url=reverse("care:quick_log"),
        tag=f"medicine-{child.pk}",
    )
