"""The demo household composed on the top floor, and the `twofold demo` command end to end."""

from __future__ import annotations

import datetime as dt
import io
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from twofold.bonding.reports import settling_report
from twofold.care.models import CareEvent
from twofold.checkins.models import Checkin
from twofold.checkins.selectors import current_state, log_shares
from twofold.checkins.thresholds import LARGE_SHARE_GAP
from twofold.home import demo as home_demo
from twofold.home.demo import DEFAULT_SEED, create_demo_household, demo_option_errors
from twofold.home.management.commands.demo import ALREADY_HAS_HOUSEHOLDS
from twofold.households.demo import DEMO_EXISTS, DEMO_HOUSEHOLD_NAME, DEMO_PASSWORD, DEMO_PEOPLE
from twofold.households.models import Household, Member

LONDON = ZoneInfo("Europe/London")


def test_option_errors_say_what_to_change():
    assert demo_option_errors(weeks=8, children=1) == []
    assert demo_option_errors(weeks=1, children=3) == []
    assert demo_option_errors(weeks=104, children=1) == []
    [weeks] = demo_option_errors(weeks=0, children=1)
    assert "--weeks from 1 to 104" in weeks
    [children] = demo_option_errors(weeks=8, children=4)
    assert "--children from 1 to 3" in children
    assert len(demo_option_errors(weeks=105, children=0)) == 2


# ---- The command, on the test database ----


def run_demo(**options) -> str:
    out = io.StringIO()
    call_command("demo", stdout=out, **options)
    return out.getvalue()


@pytest.mark.django_db
def test_demo_makes_the_household_its_people_and_a_baby():
    output = run_demo(weeks=1)
    household = Household.objects.get()
    assert household.name == DEMO_HOUSEHOLD_NAME
    assert (household.time_zone, household.country, household.locale) == ("Europe/London", "GB", "en-GB")
    assert (household.night_start, household.night_end) == (dt.time(22), dt.time(7))
    members = {m.user.email: m for m in Member.objects.select_related("user") if m.user}
    assert set(members) == {p.email for p in DEMO_PEOPLE}
    alex, sam, pat, jo = (members[p.email] for p in DEMO_PEOPLE)
    assert (alex.display_name, alex.role, alex.gave_birth) == ("Alex", "parent", True)
    assert (sam.display_name, sam.role, sam.gave_birth) == ("Sam", "parent", False)
    assert (pat.display_name, pat.role, pat.relationship) == ("Pat", "helper", "Grandma")
    assert (jo.display_name, jo.role, jo.relationship) == ("Jo", "helper", "Friend")
    assert all(
        m.user and m.user.username == m.user.email and m.user.check_password(DEMO_PASSWORD)
        for m in members.values()
    )
    [child] = household.children.all()
    assert (child.name, child.feeding_method) == ("Robin", "mixed")
    assert child.birth_date == timezone.localdate(timezone=LONDON) - dt.timedelta(weeks=1)
    events = CareEvent.objects.filter(household=household)
    assert events.count() > 100
    assert not events.filter(running=True).exists()
    assert set(events.values_list("by__display_name", flat=True)) >= {"Alex", "Sam"}
    assert f"(id {household.pk})" in output
    assert all(p.email in output for p in DEMO_PEOPLE)
    assert DEMO_PASSWORD in output
    assert "Open http://127.0.0.1:8000" in output


@pytest.mark.django_db
def test_the_sections_run_in_the_listed_order_each_on_the_same_family(monkeypatch):
    seen = []
    sections = tuple(lambda family, name=name: seen.append((name, family)) for name in ("first", "second"))
    monkeypatch.setattr(home_demo, "SECTIONS", sections)
    now = timezone.now()
    demo = create_demo_household(weeks=1, now=now)
    assert [name for name, _ in seen] == ["first", "second"]
    first, second = (family for _, family in seen)
    assert first is second
    assert (first.household, first.now, first.seed) == (demo.household, now, DEFAULT_SEED)
    assert demo.events == 0


def test_every_app_with_a_demo_section_is_in_the_list():
    listed = {section.__module__ for section in home_demo.SECTIONS}
    assert listed == {
        "twofold.care.demo",
        "twofold.bonding.demo",
        "twofold.nights.demo",
        "twofold.checkins.demo",
        "twofold.growth.demo",
        "twofold.circle.demo",
        "twofold.imports.demo",
    }
    # The log comes first: every other section reads it.
    assert home_demo.SECTIONS[0].__module__ == "twofold.care.demo"


@pytest.mark.django_db
def test_the_event_count_includes_what_every_section_logged():
    demo = create_demo_household(weeks=2)
    assert demo.events == CareEvent.objects.filter(household=demo.household).count() > 100


@pytest.mark.django_db
def test_twins_get_the_same_birth_date():
    run_demo(weeks=1, children=2)
    children = list(Household.objects.get().children.order_by("name"))
    assert [c.name for c in children] == ["Kit", "Robin"]
    assert children[0].birth_date == children[1].birth_date


@pytest.mark.django_db
def test_running_the_demo_again_is_refused():
    run_demo(weeks=1)
    with pytest.raises(CommandError, match="fresh database") as error:
        run_demo(weeks=1)
    assert str(error.value) == DEMO_EXISTS
    assert Household.objects.count() == 1


def test_if_empty_leaves_a_database_with_households_alone(world):
    before = (Household.objects.count(), CareEvent.objects.count())
    output = run_demo(weeks=1, if_empty=True)
    assert (Household.objects.count(), CareEvent.objects.count()) == before
    assert ALREADY_HAS_HOUSEHOLDS in output
    assert DEMO_PASSWORD not in output


@pytest.mark.django_db
def test_if_empty_makes_the_demo_in_an_empty_database_then_only_prints_its_logins():
    run_demo(weeks=1, if_empty=True)
    assert Household.objects.get().name == DEMO_HOUSEHOLD_NAME
    events = CareEvent.objects.count()
    output = run_demo(weeks=1, if_empty=True)
    assert (Household.objects.count(), CareEvent.objects.count()) == (1, events)
    assert ALREADY_HAS_HOUSEHOLDS in output
    assert "alex@demo.twofold" in output and DEMO_PASSWORD in output


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"weeks": 0}, "--weeks from 1 to 104"),
        ({"weeks": 105}, "--weeks from 1 to 104"),
        ({"children": 0}, "--children from 1 to 3"),
        ({"children": 4}, "--children from 1 to 3"),
    ],
)
def test_options_out_of_range_are_refused_with_what_to_change(options, message):
    with pytest.raises(CommandError, match=message):
        run_demo(**options)
    assert not Household.objects.exists()


# ---- The story, whatever day the demo is made ----
# The demo takes its dates from `now` alone, so unlike the shared fixtures (dated late 2026) it can be made
# on 2026's clock changes too.

STORY_INSTANTS = [
    dt.datetime(2026, 12, 1, 2, 45, tzinfo=dt.UTC),  # a Tuesday night: the check-in gap once read 14 here
    dt.datetime(2026, 3, 29, 3, tzinfo=LONDON),  # Sunday, the morning the clocks go forward
    dt.datetime(2026, 10, 25, 15, tzinfo=LONDON),  # Sunday, the day the clocks go back
    dt.datetime(2027, 3, 28, 3, tzinfo=LONDON),  # the same, a year on
    dt.datetime(2027, 10, 31, 15, tzinfo=LONDON),  # the same, a year on
    dt.datetime(2027, 10, 31, 1, 30, fold=1, tzinfo=LONDON),  # the hour that happens twice, second time
    dt.datetime(2027, 6, 14, 15, tzinfo=LONDON),  # a Monday afternoon in summer
    dt.datetime(2027, 1, 2, 23, 30, tzinfo=LONDON),  # a Saturday, just into the night
    dt.datetime(2027, 2, 17, 7, tzinfo=LONDON),  # a Wednesday, as the night ends
]


@pytest.mark.django_db
@pytest.mark.parametrize("now", STORY_INSTANTS, ids=lambda now: now.isoformat())
def test_the_demo_tells_the_same_story_whatever_day_it_is_made(now):
    with time_machine.travel(now, tick=False):
        demo = create_demo_household(now=now)
        household, alex, sam = demo.household, demo.members["alex"], demo.members["sam"]
        monday = current_state(household=household, now=now).monday
        for back in (1, 2, 3):
            week = monday - dt.timedelta(weeks=back)
            log = log_shares(household=household, monday=week, now=now)
            # The uneven nights: Alex handles most of them...
            assert log.night is not None and log.night[alex.pk] > Fraction(7, 10)
            # ...and Sam's estimate of his share is well above what the log shows.
            said = Checkin.objects.get(member=sam, week=week).answers.night_share
            assert said - round(float(log.night[sam.pk]) * 100) >= LARGE_SHARE_GAP
        # The baby grows calmer with Sam: the settling trend rises.
        (trend,) = [t for t in settling_report(child=demo.children[0], now=now) if t.member_id == sam.pk]
        weeks = [p for p in trend.weeks if p.with_response >= 3]
        earliest, latest = weeks[0].share, weeks[-1].share
        assert earliest is not None and latest is not None
        assert earliest < Fraction(1, 2) < latest
