"""Selectors on a hand-built log, the export's bonding section, and the demo's plan for Sam."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from twofold.bonding import demo as bonding_demo
from twofold.bonding import selectors
from twofold.bonding.export import export_section
from twofold.bonding.models import BondingPlan, DayStatus
from twofold.bonding.reports import crying_report, settling_report
from twofold.bonding.services import do_activity, start_plan
from twofold.bonding.tests.helpers import at, cry
from twofold.bonding.trend import Reading, session_from
from twofold.care import demo as care_demo
from twofold.care.services import delete_care_event, log_care_event
from twofold.households.demo import make_demo_family

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 10, 22, 12, tzinfo=dt.UTC)


def test_a_crying_spell_without_a_response_reads_its_outcome():
    start = dt.datetime(2026, 10, 20, 9, tzinfo=dt.UTC)
    end = start + dt.timedelta(minutes=17)
    common: dict[str, Any] = {
        "member_id": 1,
        "kind": "settle",
        "start": start,
        "end": end,
        "settled_after_minutes": None,
    }
    assert session_from(**common, response="", outcome="asleep") == session_from(
        **common | {"settled_after_minutes": 17}, response="settled"
    )
    assert session_from(**common, response="", outcome="handed_over").response == "crying"
    assert session_from(**common | {"kind": "play"}, response="", outcome="").response == ""


def test_crying_is_split_at_local_midnight_and_deleted_spells_do_not_count(world):
    # 23:30 to 00:30 London time: 30 minutes on each day.
    cry(world.alex, world.ada, at(world.ada, dt.date(2026, 10, 20), 23, 30), 60, outcome="settled")
    gone = cry(world.alex, world.ada, at(world.ada, dt.date(2026, 10, 20), 10), 45)
    delete_care_event(member=world.alex, event=gone)
    cry(world.robin, world.bo, at(world.bo, dt.date(2026, 10, 20), 10), 45)  # another household's baby
    report = crying_report(child=world.ada, now=NOW, days=3)
    assert [(r.day.day.day, r.day.minutes) for r in report.rows] == [(20, 30.0), (21, 30.0), (22, 0.0)]
    assert [r.week for r in report.rows] == [3, 3, 4]


def test_the_crying_report_is_two_queries_however_long_the_log(world, django_assert_num_queries):
    for day in range(10):
        cry(world.alex, world.ada, at(world.ada, dt.date(2026, 10, 1) + dt.timedelta(days=day), 19), 30)
    with django_assert_num_queries(2):
        crying_report(child=world.ada, now=NOW)


def test_the_settling_trend_counts_time_together_and_plan_activities_per_caregiver(world):
    plan = start_plan(member=world.sam, child=world.ada, now=at(world.ada, dt.date(2026, 10, 19), 8))
    do_activity(
        member=world.sam,
        plan=plan,
        activity="skin_to_skin",
        response="calm",
        now=at(world.ada, dt.date(2026, 10, 19), 19),
    )
    start = at(world.ada, dt.date(2026, 10, 20), 8)
    log_care_event(
        member=world.sam,
        child=world.ada,
        kind="nappy",
        start=start,
        details={"contents": "wet"},
        response="crying",
        now=start,
    )  # a nappy not from the plan: not a session
    cry(world.alex, world.ada, at(world.ada, dt.date(2026, 10, 20), 9), 20, outcome="settled")
    trends = {t.name: t for t in settling_report(child=world.ada, now=NOW)}
    assert trends["Sam"].weeks[-1].sessions == 1 and trends["Sam"].weeks[-1].calm_or_settled == 1
    assert trends["Alex"].weeks[-1].median_minutes_to_settle == 20
    assert trends["Sam"].reading.reading is Reading.TOO_EARLY


@time_machine.travel(NOW, tick=False)  # two days after the crying: the trend's weeks end at the real date
def test_the_export_carries_plans_trends_and_daily_crying(world):
    plan = start_plan(member=world.sam, child=world.ada)
    cry(world.alex, world.ada, at(world.ada, dt.date(2026, 10, 20), 9), 20, outcome="settled")
    section = export_section(world.alex.household)
    json.dumps(section)  # the export is written as JSON, and this section needs no help to be
    assert section["plans"][0]["id"] == plan.pk
    (child,) = section["children"]
    assert child["child"] == world.ada.pk
    assert any(d["date"] == "2026-10-20" and d["minutes"] == 20.0 for d in child["crying_days"])
    assert child["crying_days"][0]["date"] == "2026-10-01"  # from the birth
    assert {t["name"] for t in child["settling_trend"]} == {"Alex"}
    other = export_section(world.robin.household)
    assert other["plans"] == [] and other["children"][0]["crying_days"][0]["minutes"] == 0


def test_the_demo_gives_sam_a_plan_with_responses_that_grow_calmer(db):
    demo = make_demo_family(weeks=8, children=1, seed=1, now=timezone.now())
    care_demo.add_to_demo(demo)
    bonding_demo.add_to_demo(demo)
    sam = demo.members["sam"]
    plan = BondingPlan.objects.get(member=sam)
    assert plan.status == "active"
    assert (timezone.now().date() - plan.started_on).days >= 21
    done = plan.days.filter(status=DayStatus.DONE)
    assert done.count() >= 14 and all(d.event is not None and d.event.by_id == sam.pk for d in done)
    (trend,) = [t for t in settling_report(child=plan.child, now=timezone.now()) if t.member_id == sam.pk]
    weeks = [p for p in trend.weeks if p.with_response >= 3]
    latest, earliest = weeks[-1].share, weeks[0].share
    # The baby starts out unsettled with Sam and is mostly calm by the last weeks, whatever the date.
    assert latest is not None and earliest is not None
    assert earliest < Fraction(1, 2) < latest
    assert selectors.done_counts(selectors.days_of(plans=[plan]), plan.pk)


def test_the_demo_deals_calm_sessions_along_a_rising_curve():
    assert bonding_demo.calm_chance(0.0) == pytest.approx(0.3)
    assert bonding_demo.calm_chance(1.0) == pytest.approx(0.75)
    assert bonding_demo.calm_chance(-1.0) == bonding_demo.calm_chance(0.0)
    assert bonding_demo.calm_chance(0.5) < bonding_demo.calm_chance(0.9) <= bonding_demo.calm_chance(2.0)
