"""The demo household: the planner's shape without a database, then the command end to end."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter, defaultdict
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from twofold.care import demo as demo_module
from twofold.care.demo import (
    CHILD_NAMES,
    DEMO_EXISTS,
    DEMO_HOUSEHOLD_NAME,
    DEMO_PASSWORD,
    DEMO_PEOPLE,
    DemoPlan,
    PlannedEvent,
    create_demo_household,
    demo_crying_minutes,
    demo_option_errors,
    is_night,
    plan_demo,
)
from twofold.care.details import DETAIL_MODELS, SETTLE_TECHNIQUES, build_detail
from twofold.care.management.commands.demo import ALREADY_HAS_HOUSEHOLDS
from twofold.care.models import CareEvent, Kind
from twofold.care.rules import response_errors, time_errors
from twofold.households.models import Household, Member

LONDON = ZoneInfo("Europe/London")
# Eight weeks back from here crosses the clocks going forward (29 March 2026).
NOW = dt.datetime(2026, 4, 15, 9, 30, tzinfo=dt.UTC)


def plan(seed: int = 1, weeks: int = 8, children: int = 1) -> DemoPlan:
    return plan_demo(seed=seed, weeks=weeks, children=children, now=NOW, zone=LONDON)


def local(event: PlannedEvent) -> dt.datetime:
    return event.start.astimezone(LONDON)


def at_night(event: PlannedEvent) -> bool:
    return is_night(local(event).time())


def share(events: list[PlannedEvent], person: str) -> float:
    return sum(e.by == person for e in events) / len(events)


def full_days(demo: DemoPlan) -> set[dt.date]:
    """Days wholly inside the log: not the day of the birth, nor today."""
    days = {local(e).date() for e in demo.events}
    return days - {min(days), max(days)}


# ---- The plan ----


def test_the_same_seed_plans_the_same_log():
    assert plan(seed=7) == plan(seed=7)


def test_different_seeds_plan_different_logs():
    first, second = plan(seed=1), plan(seed=2)
    assert [(e.kind, e.start) for e in first.events] != [(e.kind, e.start) for e in second.events]


def test_the_log_runs_from_the_birth_up_to_now_with_nothing_left_running():
    demo = plan(weeks=8)
    assert demo.children[0].birth_date == dt.date(2026, 2, 18)
    assert local(demo.events[0]).date() == demo.children[0].birth_date
    assert all(e.start <= NOW for e in demo.events)
    assert all(e.end is None or e.end <= NOW for e in demo.events)
    assert max(e.end or e.start for e in demo.events) > NOW - dt.timedelta(hours=4)
    timed = [e for e in demo.events if e.kind in (Kind.FEED, Kind.SLEEP, Kind.SETTLE)]
    assert all(e.end is not None for e in timed)


def test_alex_handles_most_night_wakings():
    demo = plan(weeks=8)
    night_feeds = [e for e in demo.events if e.kind == Kind.FEED and at_night(e)]
    night_care = [e for e in demo.events if at_night(e)]
    assert 0.78 <= share(night_feeds, "alex") <= 0.95
    assert share(night_care, "alex") >= 0.75
    assert share(night_care, "sam") > 0.05


def test_sam_does_more_at_weekends_than_on_weekdays():
    demo = plan(weeks=8)
    days = [e for e in demo.events if not at_night(e) and local(e).date() in full_days(demo)]
    weekdays = [e for e in days if local(e).weekday() < 5 and local(e).date() >= dt.date(2026, 3, 4)]
    weekends = [e for e in days if local(e).weekday() >= 5]
    assert share(weekends, "sam") > 2 * share(weekdays, "sam")
    assert share(weekdays, "alex") > 0.7


def test_the_helper_comes_only_in_the_daytime_at_weekends():
    demo = plan(weeks=8)
    pats = [e for e in demo.events if e.by == "pat"]
    assert len(pats) > 20
    assert all(local(e).weekday() >= 5 for e in pats)
    assert all(8 <= local(e).hour < 22 for e in pats)
    assert {e.kind for e in pats} >= {Kind.FEED, Kind.NAPPY, Kind.SLEEP}
    assert all(e.details.get("method") != "breast" for e in pats)


def daily_crying_by_week(demo: DemoPlan) -> dict[int, float]:
    birth = demo.children[0].birth_date
    days = full_days(demo)
    per_day: dict[dt.date, float] = dict.fromkeys(days, 0.0)
    for event in demo.events:
        day = local(event).date()
        if event.kind == Kind.SETTLE and day in days and event.end is not None:
            per_day[day] += (event.end - event.start).total_seconds() / 60
    weeks: dict[int, list[float]] = defaultdict(list)
    for day, minutes in per_day.items():
        weeks[(day - birth).days // 7].append(minutes)
    return {week: sum(values) / len(values) for week, values in weeks.items()}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_crying_rises_to_a_peak_near_six_weeks_and_falls_after(seed):
    weekly = daily_crying_by_week(plan(seed=seed, weeks=16))
    peak_week = max(weekly, key=weekly.__getitem__)
    assert 3 <= peak_week <= 7  # the 4th to the 8th week of life
    early, peak, later = weekly[0] + weekly[1], weekly[4] + weekly[5], weekly[10] + weekly[11]
    assert early < peak
    assert later < 0.7 * peak


def test_the_crying_curve_uses_the_evidence_points():
    assert demo_crying_minutes(0) == 117
    assert demo_crying_minutes(6) == 133
    assert demo_crying_minutes(10) == demo_crying_minutes(12) == 68
    assert demo_crying_minutes(11) == 68
    assert 68 < demo_crying_minutes(8) < 133
    assert demo_crying_minutes(30) < 68


def test_one_childs_sleeps_never_overlap():
    demo = plan(weeks=8, children=2)
    for child in range(2):
        sleeps = sorted(
            (e for e in demo.events if e.kind == Kind.SLEEP and e.child == child), key=lambda e: e.start
        )
        assert all(a.end is not None and a.end <= b.start for a, b in zip(sleeps, sleeps[1:], strict=False))


def test_feeds_come_every_two_to_four_hours_across_a_clock_change():
    demo = plan(weeks=8)
    feeds = [e.start for e in demo.events if e.kind == Kind.FEED]
    gaps = [later - earlier for earlier, later in zip(feeds, feeds[1:], strict=False)]
    assert all(dt.timedelta(hours=2) <= gap <= dt.timedelta(hours=4) for gap in gaps)


def test_breastfeeds_are_alexs_and_bottles_hold_60_to_180_ml():
    feeds = [e for e in plan(weeks=8).events if e.kind == Kind.FEED]
    breast = [e for e in feeds if e.details["method"] == "breast"]
    bottles = [e for e in feeds if e.details["method"] != "breast"]
    assert breast and bottles
    assert {e.by for e in breast} == {"alex"}
    assert {e.by for e in bottles} == {"alex", "sam", "pat"}
    assert {e.details["method"] for e in bottles} == {"expressed", "formula"}
    assert all(60 <= e.details["amount_ml"] <= 180 for e in bottles)


def test_nappies_come_six_to_eight_times_a_day():
    demo = plan(weeks=8)
    days = full_days(demo)
    nappies = [e for e in demo.events if e.kind == Kind.NAPPY and local(e).date() in days]
    assert 6 <= len(nappies) / len(days) <= 8
    assert {e.details["contents"] for e in nappies} == {"wet", "dirty", "both"}


def test_every_kind_appears_with_baths_every_two_or_three_days():
    demo = plan(weeks=8)
    assert {e.kind for e in demo.events} == set(Kind.values)
    bath_days = sorted({local(e).date() for e in demo.events if e.kind == Kind.BATH})
    gaps = {(b - a).days for a, b in zip(bath_days, bath_days[1:], strict=False)}
    assert gaps <= {2, 3, 4}  # a bath slips a day when no feed falls in the bath-time hours
    assert {e.by for e in demo.events if e.kind == Kind.PUMPING} == {"alex"}
    assert {e.details["name"] for e in demo.events if e.kind == Kind.MEDICINE} == {"Vitamin D"}
    assert 1 <= sum(e.kind == Kind.NOTE for e in demo.events) <= 15


def test_crying_episodes_say_what_was_tried_and_how_they_ended():
    settles = [e for e in plan(weeks=8).events if e.kind == Kind.SETTLE]
    assert all(e.details["tried"] and set(e.details["tried"]) <= set(SETTLE_TECHNIQUES) for e in settles)
    outcomes = Counter(e.details["outcome"] for e in settles)
    assert outcomes["settled"] and outcomes["asleep"] and outcomes["handed_over"]
    for event in settles:
        if event.details["outcome"] in ("settled", "asleep"):
            assert event.response == "settled" and event.settled_after_minutes is not None
        else:
            assert event.response == "crying" and event.settled_after_minutes is None


def test_every_planned_event_passes_the_care_logs_own_checks():
    for event in plan(weeks=8, children=2).events:
        assert time_errors(kind=event.kind, start=event.start, end=event.end, now=NOW) == {}
        assert (
            response_errors(
                kind=event.kind, response=event.response, settled_after_minutes=event.settled_after_minutes
            )
            == {}
        )
        if event.kind in DETAIL_MODELS:
            build_detail(event.kind, CareEvent(kind=event.kind), dict(event.details))
        else:
            assert event.details == {}


def test_twins_share_a_birth_date_and_each_have_a_log():
    demo = plan(weeks=4, children=2)
    assert [c.name for c in demo.children] == list(CHILD_NAMES[:2])
    assert demo.children[0].birth_date == demo.children[1].birth_date
    assert {e.child for e in demo.events if e.kind == Kind.FEED} == {0, 1}


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
    members = {m.user.email: m for m in Member.objects.select_related("user")}
    assert set(members) == {p.email for p in DEMO_PEOPLE}
    alex, sam, pat = (members[p.email] for p in DEMO_PEOPLE)
    assert (alex.display_name, alex.role, alex.gave_birth) == ("Alex", "parent", True)
    assert (sam.display_name, sam.role, sam.gave_birth) == ("Sam", "parent", False)
    assert (pat.display_name, pat.role, pat.relationship) == ("Pat", "helper", "Grandma")
    assert all(
        m.user.username == m.user.email and m.user.check_password(DEMO_PASSWORD) for m in members.values()
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
def test_demo_stores_the_planned_log_with_every_kinds_details(monkeypatch):
    # The care log exactly as planned: the other apps' demo additions (a bonding plan's activities) are
    # their own tests' business.
    monkeypatch.setattr(demo_module, "_add_app_demos", lambda *args, **kwargs: None)
    now = timezone.now()
    demo = create_demo_household(weeks=2, children=1, seed=5, now=now)
    planned = plan_demo(seed=5, weeks=2, children=1, now=now, zone=LONDON)
    events = CareEvent.objects.filter(household=demo.household)
    assert demo.events == events.count() == len(planned.events)
    assert Counter(events.values_list("kind", flat=True)) == Counter(e.kind for e in planned.events)
    assert Counter(events.values_list("by__display_name", flat=True)) == Counter(
        e.by.title() for e in planned.events
    )
    for kind, model in DETAIL_MODELS.items():
        assert (
            model.objects.filter(event__household=demo.household).count() == events.filter(kind=kind).count()
        )
    first = planned.events[0]
    stored = events.order_by("start", "id").select_related(first.kind).first()
    assert (stored.kind, stored.start, stored.end) == (first.kind, first.start, first.end)
    assert getattr(stored, first.kind).method == first.details["method"]
    assert demo.household.created_at == planned.log_start


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
