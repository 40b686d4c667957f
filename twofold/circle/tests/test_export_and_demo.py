"""The circle in the household export and in the demo household."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from twofold.care import demo as care_demo
from twofold.circle import demo as circle_demo
from twofold.circle import services
from twofold.circle.export import export_section
from twofold.circle.models import HelpRequest, StandingOffer
from twofold.conftest import client_for
from twofold.households.demo import make_demo_family
from twofold.nights import demo as nights_demo
from twofold.nights.models import NightPlan

from .build import NOW, SUNDAY_MORNING, ask_saturday_night, text

pytestmark = pytest.mark.django_db


@time_machine.travel(NOW, tick=False)
def test_the_export_has_every_request_with_what_became_of_it(world):
    request = ask_saturday_night(world.alex, note="Our first night off")
    services.take(member=world.pat, request=request, now=NOW)
    services.mark(member=world.alex, request=request, taker=world.pat, outcome="given", now=SUNDAY_MORNING)
    services.add_offer(member=world.pat, kind="night", words="One night a week", weekdays="56")
    section = export_section(world.alex.household)
    [row] = section["requests"]
    assert (row["kind"], row["night"], row["note"], row["for_everyone"]) == (
        "night",
        "2026-11-28",
        "Our first night off",
        True,
    )
    assert [(t["member"], t["outcome"], t["marked_by"]) for t in row["takings"]] == [
        (world.pat.pk, "given", world.alex.pk)
    ]
    assert section["offers"] == [
        {"member": world.pat.pk, "kind": "night", "words": "One night a week", "weekdays": [5, 6]}
    ]
    assert export_section(world.robin.household) == {"requests": [], "offers": []}


# A Wednesday afternoon in London: tonight is ahead, so the demo asks the circle for it.
DEMO_NOW = dt.datetime(2026, 11, 18, 15, 0, tzinfo=dt.UTC)


@time_machine.travel(DEMO_NOW, tick=False)
def test_the_demo_has_a_grandparent_who_promises_two_nights_and_a_friend_who_brings_meals():
    demo = make_demo_family(weeks=4, children=1, seed=1, now=DEMO_NOW)
    for section in (care_demo, nights_demo, circle_demo):
        section.add_to_demo(demo)
    household = demo.household
    pat, jo, alex = (demo.members[k] for k in ("pat", "jo", "alex"))
    assert {o.words for o in StandingOffer.objects.filter(household=household)} == {
        "Two nights a week",
        "A meal on Thursdays",
    }
    us = text(client_for(alex).get("/us/"))
    assert "Pat took 5 nights in the last four weeks and did 2; 1 still to come, 2 didn't happen." in us
    assert "Jo took 2 meals in the last four weeks and did 2." in us
    tonight = NightPlan.objects.get(household=household, night=dt.date(2026, 11, 18))
    assert [s.member_id for s in tonight.shifts.all()] == [pat.pk]
    assert HelpRequest.objects.filter(household=household, kind="walk", takings__isnull=True).exists()
    assert "Jo took 2 meals" not in text(client_for(pat).get("/circle/"))
    assert "You took 2 meals in the last four weeks and did 2." in text(client_for(jo).get("/circle/"))


def test_a_demo_made_in_the_small_hours_asks_the_circle_for_the_coming_night():
    small_hours = dt.datetime(2026, 11, 19, 6, 9, tzinfo=dt.UTC)  # the night of the 18th is under way
    demo = make_demo_family(weeks=4, children=1, seed=1, now=small_hours)
    for section in (care_demo, nights_demo, circle_demo):
        section.add_to_demo(demo)
    pat = demo.members["pat"]

    asked = HelpRequest.objects.get(household=demo.household, kind="night", night=dt.date(2026, 11, 19))
    assert [t.member_id for t in asked.takings.all()] == [pat.pk]
    coming = NightPlan.objects.get(household=demo.household, night=dt.date(2026, 11, 19))
    assert [s.member_id for s in coming.shifts.all()] == [pat.pk]
