"""What the households app gives the demo: its people, the household and the children, dated from the birth.

Every other app's demo section builds on the `DemoFamily` made here (home/demo.py lists them in order).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError

from twofold.households.models import Child, FeedingMethod, Household, Member, Role
from twofold.households.services import accept_invitation, add_child, create_household, invite

# Public on purpose: the demo is for trying Twofold on your own machine, and the command says so.
DEMO_PASSWORD = "twofold-demo"  # noqa: S105
DEMO_HOUSEHOLD_NAME = "The Demo household"
DEMO_TIME_ZONE = "Europe/London"
DEMO_COUNTRY = "GB"
DEMO_LOCALE = "en-GB"
DEMO_NIGHT_START = dt.time(22, 0)
DEMO_NIGHT_END = dt.time(7, 0)
CHILD_NAMES = ("Robin", "Kit", "Wren")

DEMO_EXISTS = (
    "The demo logins already exist in this database. Use a fresh database (a new TWOFOLD_DATA_DIR or "
    "DATABASE_URL), or run `twofold demo --if-empty` to leave this one as it is."
)

ALEX, SAM, PAT = "alex", "sam", "pat"


@dataclass(frozen=True)
class DemoPerson:
    key: str
    email: str
    display_name: str
    role: str
    relationship: str = ""
    gave_birth: bool | None = None


DEMO_PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson(ALEX, "alex@demo.twofold", "Alex", Role.PARENT, gave_birth=True),
    DemoPerson(SAM, "sam@demo.twofold", "Sam", Role.PARENT, gave_birth=False),
    DemoPerson(PAT, "pat@demo.twofold", "Pat", Role.HELPER, relationship="Grandma"),
    # A friend of the family's support circle, who brings meals (circle/demo.py).
    DemoPerson("jo", "jo@demo.twofold", "Jo", Role.HELPER, relationship="Friend"),
)


@dataclass(frozen=True)
class DemoFamily:
    """The stored household, its people by key and its children, with the demo's seed and clock.

    `born` is the birth moment (UTC): the household has been in use since then and the log starts there.
    """

    household: Household
    members: dict[str, Member]
    children: list[Child]
    now: dt.datetime
    seed: int
    born: dt.datetime


def demo_birth(*, seed: int, weeks: int, now: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """The moment the demo baby was born, `weeks` before today (household time), in UTC.

    The same seed gives the same hour of the day; the date follows `now`.
    """
    rng = random.Random(f"birth-{seed}")  # noqa: S311  a demo, not security
    birth_date = now.astimezone(zone).date() - dt.timedelta(weeks=weeks)
    moment = dt.time(rng.randrange(1, 20), rng.choice((0, 15, 30, 45)))
    return dt.datetime.combine(birth_date, moment, zone).astimezone(dt.UTC)


def make_demo_family(*, weeks: int, children: int, seed: int, now: dt.datetime) -> DemoFamily:
    """Store the demo's three logins, the household, its members and its children, dated from the birth."""
    users = get_user_model().objects
    if users.filter(username__in=[person.email for person in DEMO_PEOPLE]).exists():
        raise ValidationError(DEMO_EXISTS)
    zone = ZoneInfo(DEMO_TIME_ZONE)
    born = demo_birth(seed=seed, weeks=weeks, now=now, zone=zone)
    # One hash for the three logins: hashing is deliberately slow, and they share the password anyway.
    password = make_password(DEMO_PASSWORD)
    made = {
        person.key: users.create(
            username=person.email, email=person.email, first_name=person.display_name, password=password
        )
        for person in DEMO_PEOPLE
    }
    alex, *others = DEMO_PEOPLE
    members = {
        ALEX: create_household(
            user=made[ALEX],
            name=DEMO_HOUSEHOLD_NAME,
            display_name=alex.display_name,
            time_zone=DEMO_TIME_ZONE,
            country=DEMO_COUNTRY,
            locale=DEMO_LOCALE,
            night_start=DEMO_NIGHT_START,
            night_end=DEMO_NIGHT_END,
            gave_birth=alex.gave_birth,
        )
    }
    for person in others:
        token = invite(member=members[ALEX], role=person.role, now=born).token
        members[person.key] = accept_invitation(
            user=made[person.key],
            token=token,
            display_name=person.display_name,
            relationship=person.relationship,
            gave_birth=person.gave_birth,
            now=born,
        )
    birth_date = born.astimezone(zone).date()
    kids = [
        add_child(member=members[ALEX], name=name, birth_date=birth_date, feeding_method=FeedingMethod.MIXED)
        for name in CHILD_NAMES[:children]
    ]
    household = members[ALEX].household
    # The household has been in use since the birth, so its dates say so too.
    Household.objects.filter(pk=household.pk).update(created_at=born)
    Member.objects.filter(household=household).update(joined_at=born)
    Child.objects.filter(household=household).update(created_at=born)
    household.refresh_from_db()
    for member in members.values():
        member.household = household
    return DemoFamily(household=household, members=members, children=kids, now=now, seed=seed, born=born)


def find_demo_household() -> Household | None:
    member = Member.objects.filter(user__username=DEMO_PEOPLE[0].email).select_related("household").first()
    return member.household if member else None


def database_has_households() -> bool:
    return Household.objects.exists()
