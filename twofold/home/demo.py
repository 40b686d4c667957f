"""The demo household, composed on the top floor from each app's own demo section.

The households section makes the people, the household and the children; every other section adds what its
app shows, in the order of `SECTIONS`, each reading what the ones before it stored (the check-in's
estimates are set against the log the care section made).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from twofold.bonding import demo as bonding
from twofold.care import demo as care
from twofold.care.models import CareEvent
from twofold.checkins import demo as checkins
from twofold.circle import demo as circle
from twofold.growth import demo as growth
from twofold.households.demo import CHILD_NAMES, DemoFamily, make_demo_family
from twofold.households.models import Child, Household, Member
from twofold.imports import demo as imports
from twofold.nights import demo as nights

DEMO_URL = "http://127.0.0.1:8000"
DEFAULT_WEEKS = 8
DEFAULT_CHILDREN = 1
DEFAULT_SEED = 1
MIN_WEEKS, MAX_WEEKS = 1, 104
MIN_CHILDREN, MAX_CHILDREN = 1, len(CHILD_NAMES)

WEEKS_OUT_OF_RANGE = "Choose --weeks from 1 to 104 (up to two years of care); {weeks} is outside that."
CHILDREN_OUT_OF_RANGE = (
    "Choose --children from 1 to 3 (twins and triplets share a birth date); {children} is outside that."
)

# Each app's section, in the order they run: the log first, then what reads it.
SECTIONS: tuple[Callable[[DemoFamily], None], ...] = (
    care.add_to_demo,
    bonding.add_to_demo,
    nights.add_to_demo,
    checkins.add_to_demo,
    growth.add_to_demo,
    circle.add_to_demo,
    # Last: its first weeks' nappies, pumping and measurements are brought back in through the importer.
    imports.add_to_demo,
)


@dataclass(frozen=True)
class DemoHousehold:
    household: Household
    members: dict[str, Member]
    children: list[Child]
    events: int


def demo_option_errors(*, weeks: int, children: int) -> list[str]:
    errors = []
    if not MIN_WEEKS <= weeks <= MAX_WEEKS:
        errors.append(WEEKS_OUT_OF_RANGE.format(weeks=weeks))
    if not MIN_CHILDREN <= children <= MAX_CHILDREN:
        errors.append(CHILDREN_OUT_OF_RANGE.format(children=children))
    return errors


@transaction.atomic
def create_demo_household(
    *,
    weeks: int = DEFAULT_WEEKS,
    children: int = DEFAULT_CHILDREN,
    seed: int = DEFAULT_SEED,
    now: dt.datetime | None = None,
) -> DemoHousehold:
    """Make the demo household, its three people, its children, their whole log since birth and what
    each app shows of it."""
    errors = demo_option_errors(weeks=weeks, children=children)
    if errors:
        raise ValidationError(errors)
    family = make_demo_family(weeks=weeks, children=children, seed=seed, now=now or timezone.now())
    for add_section in SECTIONS:
        add_section(family)
    events = CareEvent.objects.filter(household=family.household).count()
    return DemoHousehold(
        household=family.household, members=family.members, children=family.children, events=events
    )
