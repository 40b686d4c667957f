"""The demo's care log: the planner's shape without a database, then the care section storing it."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from twofold.care import demo as care_demo
from twofold.care.demo_plan import (
    DemoPlan,
    PlannedEvent,
    demo_crying_minutes,
    is_night,
    plan_demo,
)
from twofold.care.details import DETAIL_MODELS, SETTLE_TECHNIQUES, build_detail
from twofold.care.models import CareEvent, Kind
from twofold.care.rules import response_errors, time_errors
from twofold.households.demo import CHILD_NAMES, make_demo_family

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
    # Lengths and head circumferences come from the growth app's part of the demo (twofold/growth/demo.py).
    assert {e.kind for e in demo.events} == set(Kind.values) - {Kind.LENGTH, Kind.HEAD}
    bath_days = sorted({local(e).date() for e in demo.events if e.kind == Kind.BATH})
    gaps = {(b - a).days for a, b in zip(bath_days, bath_days[1:], strict=False)}
    assert gaps <= {2, 3, 4}  # a bath slips a day when no feed falls in the bath-time hours
    assert {e.by for e in demo.events if e.kind == Kind.PUMPING} == {"alex"}
    assert {e.details["name"] for e in demo.events if e.kind == Kind.MEDICINE} == {"Vitamin D", "Paracetamol"}
    assert 1 <= sum(e.kind == Kind.NOTE for e in demo.events) <= 15


def fever_of(demo: DemoPlan) -> list[PlannedEvent]:
    return [
        e
        for e in demo.events
        if e.kind == Kind.TEMPERATURE or e.details.get("name") == "Paracetamol" or "Vaccinations" in e.note
    ]


@pytest.mark.parametrize("weeks", [8, 20])
def test_the_demos_one_fever_follows_the_vaccinations_ten_days_ago_with_paracetamol(weeks):
    fever = fever_of(plan(weeks=weeks))
    assert [(e.kind, local(e).strftime("%m-%d %H:%M")) for e in fever] == [
        ("note", "04-05 09:30"),
        ("temperature", "04-05 18:00"),
        ("medicine", "04-05 18:06"),
        ("temperature", "04-05 22:30"),
        ("medicine", "04-05 22:36"),
        ("temperature", "04-06 07:00"),
    ]
    assert {e.child for e in fever} == {0}
    assert all(e.details["min_gap_minutes"] == 240 for e in fever if e.kind == Kind.MEDICINE)
    # At 8 weeks (46 days old then) the evening's 38.4 °C is the red card's (EVIDENCE.md §9.1), within 48
    # hours of the vaccinations (the exception §3.4 names); at 20 weeks it stays below the amber card's 39 °C.
    temperatures = [Decimal(e.details["celsius"]) for e in fever if e.kind == Kind.TEMPERATURE]
    assert Decimal(38) <= max(temperatures) < Decimal(39)


def test_a_demo_baby_younger_than_6_weeks_ten_days_ago_has_no_fever():
    assert fever_of(plan(weeks=7)) == []


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


# ---- The care section, on the test database ----


@pytest.mark.django_db
def test_the_care_section_stores_the_planned_log_with_every_kinds_details():
    now = timezone.now()
    family = make_demo_family(weeks=2, children=1, seed=5, now=now)
    care_demo.add_to_demo(family)
    planned = plan_demo(seed=5, weeks=2, children=1, now=now, zone=LONDON)
    events = CareEvent.objects.filter(household=family.household)
    assert events.count() == len(planned.events)
    assert Counter(events.values_list("kind", flat=True)) == Counter(e.kind for e in planned.events)
    assert Counter(events.values_list("by__display_name", flat=True)) == Counter(
        e.by.title() for e in planned.events
    )
    for kind, model in DETAIL_MODELS.items():
        assert (
            model._default_manager.filter(event__household=family.household).count()
            == events.filter(kind=kind).count()
        )
    first = planned.events[0]
    stored = events.order_by("start", "id").select_related(first.kind).first()
    assert stored is not None
    assert (stored.kind, stored.start, stored.end) == (first.kind, first.start, first.end)
    assert getattr(stored, first.kind).method == first.details["method"]
    assert family.household.created_at == planned.log_start
