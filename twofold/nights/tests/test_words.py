"""How the night pages say things: rounded expected counts, the night window in the household's time, what
planning again did, and a plan form that starts coherent for a mixed-fed baby."""

from __future__ import annotations

import re

import pytest
import time_machine

from twofold.conftest import client_for
from twofold.nights.explain import about, roughly
from twofold.nights.forms import PlanForm
from twofold.nights.models import NightPlan
from twofold.nights.services import make_plan

from .logs import NOW, TONIGHT, log_two_weeks
from .test_calendar_and_cli import plan_night
from .test_pages import edit_data, make_tonight, text

DECIMAL_COUNT = re.compile(r"\b\d+\.\d+ (?:wakings?|feeds?)\b")


@pytest.mark.parametrize(
    ("count", "said"),
    [
        (0.0, "under 1"),
        (0.49, "under 1"),
        (0.5, "about 1"),
        (1.4, "about 1"),
        (1.9, "about 2"),
        (2.5, "about 3"),
    ],
)
def test_expected_counts_are_said_as_whole_numbers(count, said):
    assert roughly(count) == said


def test_the_noun_agrees_with_the_number_said():
    assert about(1.9, "waking") == "about 2 wakings"
    assert about(1.4, "feed") == "about 1 feed"
    assert about(0.2, "feed") == "under 1 feed"


@time_machine.travel(NOW, tick=False)
def test_the_plan_page_cli_and_api_prose_say_about_n_but_the_api_keeps_the_numbers(world):
    log_two_weeks(world)
    plan = make_plan(member=world.alex, day=TONIGHT, now=NOW)
    alex = client_for(world.alex)
    page = text(alex.get(f"/nights/plans/{plan.pk}/"))
    shifts_table = page[page.index('id="shifts"') : page.index("</table>", page.index('id="shifts"'))]
    assert "about 2" in shifts_table or "about 1" in shifts_table or "under 1" in shifts_table
    assert not re.search(r"<td[^>]*>\d+\.\d+</td>", shifts_table)
    assert not DECIMAL_COUNT.search(page)
    assert "about 3 wakings a night" in page

    body = alex.get(f"/api/v1/nights/plans/{plan.pk}/").json()
    assert isinstance(body["shifts"][0]["expected_wakings"], float)
    assert not any(DECIMAL_COUNT.search(line) for line in body["explanation"])
    assert not DECIMAL_COUNT.search(plan_night("--household", str(world.alex.household_id)))


@time_machine.travel(NOW, tick=False)
def test_the_edit_page_gives_the_night_in_the_households_own_time(world):
    plan = make_plan(member=world.alex, day=TONIGHT, now=NOW)
    page = text(client_for(world.alex).get(f"/nights/plans/{plan.pk}/edit/"))
    assert "The night runs 22:00–07:00 (your household's night, Europe/London time)." in page
    assert "UTC" not in page


@time_machine.travel(NOW, tick=False)
def test_planning_says_what_it_did(world):
    alex = client_for(world.alex)
    first = alex.post(
        "/nights/plan/", {"night": TONIGHT.isoformat(), "feeding": "bottle", "fairness": "even"}
    )
    assert "Tonight's plan is made. It's on Today." in text(alex.get(first["Location"]))

    again = make_tonight(alex)
    assert "Tonight's plan is made again from the latest log and preferences." in text(
        alex.get(again["Location"])
    )

    plan = NightPlan.objects.get(night=TONIGHT)
    alex.post(
        f"/nights/plans/{plan.pk}/edit/",
        edit_data([{"member": world.sam.pk, "start": "22:00", "end": "07:00"}]),
    )
    replaced = make_tonight(alex, replace="on")
    assert "Tonight's plan is made again; the changes made by hand are replaced." in text(
        alex.get(replaced["Location"])
    )


def _checked_feeding(page: str) -> str:
    found = re.search(r'value="(\w+)"[^>]*checked', page[page.index('id="plan-form"') :])
    assert found
    return found.group(1)


@time_machine.travel(NOW, tick=False)
def test_a_mixed_fed_baby_starts_on_bottles_with_nobody_named_as_breastfeeding(world):
    # Ada is mixed-fed and Alex gave birth: bottles is the start, so no breastfeeder is filled in.
    page = text(client_for(world.alex).get("/nights/"))
    assert _checked_feeding(page) == "bottle"
    assert re.search(r'<option value="" selected>Nobody</option>', page)
    assert "A mixed-fed baby: choose breastfeeding on nights the night feeds are at the breast." in page


@time_machine.travel(NOW, tick=False)
def test_breastfeeding_starts_with_the_breastfeeding_parent_filled_in(world):
    world.ada.feeding_method = "breast"
    world.ada.save()
    page = text(client_for(world.alex).get("/nights/"))
    assert _checked_feeding(page) == "breast"
    assert re.search(rf'<option value="{world.alex.pk}" selected>Alex</option>', page)


def test_a_breastfeeder_sent_with_bottles_is_ignored():
    form = PlanForm(
        {"night": "2026-11-23", "feeding": "bottle", "feeder": "7", "fairness": "even"},
        parents=[(7, "Alex"), (8, "Sam")],
        has_helper=False,
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["feeder"] is None
    breast = PlanForm(
        {"night": "2026-11-23", "feeding": "breast", "feeder": "7", "fairness": "even"},
        parents=[(7, "Alex"), (8, "Sam")],
        has_helper=False,
    )
    assert breast.is_valid() and breast.cleaned_data["feeder"] == 7
