"""The household export carries the plans; the demo has last night's and tonight's plans."""

from __future__ import annotations

import pytest
import time_machine

from twofold.care import demo as care_demo
from twofold.conftest import client_for
from twofold.households.demo import make_demo_family
from twofold.nights import demo as nights_demo
from twofold.nights.export import export_section
from twofold.nights.models import NightPlan
from twofold.nights.selectors import last_night, tonight
from twofold.nights.services import make_plan

from .logs import NOW, TONIGHT

pytestmark = pytest.mark.django_db


@time_machine.travel(NOW, tick=False)
def test_the_export_has_every_plan_with_its_shifts_and_no_calendar_secret(world):
    make_plan(member=world.alex, day=TONIGHT, now=NOW)
    section = export_section(world.alex.household)
    (plan,) = section["plans"]
    assert plan["night"] == "2026-11-23"
    assert [s["member"] for s in plan["shifts"]] == [world.alex.pk, world.sam.pk]
    assert plan["explanation"][0] == "The night runs from 22:00 to 07:00 (9 h)."
    assert "token" not in str(section)
    assert export_section(world.robin.household)["plans"] == []


@time_machine.travel(NOW, tick=False)
def test_the_demo_has_a_morning_view_and_tonights_shifts_on_today():
    demo = make_demo_family(weeks=2, children=1, seed=1, now=NOW)
    care_demo.add_to_demo(demo)
    nights_demo.add_to_demo(demo)
    household = demo.household
    nights = set(NightPlan.objects.filter(household=household).values_list("night", flat=True))
    assert nights == {last_night(household, NOW), tonight(household, NOW)}
    alex, sam = demo.members["alex"], demo.members["sam"]
    # Sam works on Tuesday morning, so Sam takes the first half of tonight.
    assert "Sam 22:00–" in client_for(alex).get("/").content.decode()
    morning = client_for(sam).get("/nights/morning/", follow=True)
    assert "against the plan" in morning.content.decode()
