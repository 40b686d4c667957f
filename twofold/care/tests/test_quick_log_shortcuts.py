"""Quick log's one-tap bottles, breastfeed sides and medicines: what the page offers, and what a tap logs."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from html.parser import HTMLParser
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from twofold.care import hooks, selectors
from twofold.care.models import CareEvent
from twofold.care.services import log_care_event, start_timer
from twofold.conftest import client_for, page_text
from twofold.households.services import add_child

# 15:00 in London: daytime, so no night plan is asked.
NOW = dt.datetime(2026, 12, 2, 15, 0, tzinfo=dt.UTC)


class Forms(HTMLParser):
    """The page's forms, each with its action, its inputs and its button's attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []
        self._open: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._open = {"action": found.get("action", ""), "attrs": found, "data": {}, "button": {}}
            self.forms.append(self._open)
        elif self._open is not None and tag == "input":
            self._open["data"][found.get("name", "")] = found.get("value", "")
        elif self._open is not None and tag == "button":
            self._open["button"] = found

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._open = None


def forms_on(html: str, button_attr: str) -> list[dict[str, Any]]:
    parser = Forms()
    parser.feed(html)
    return [f for f in parser.forms if button_attr in f["button"]]


def parent_of(world, child):
    return world.robin if child.household_id == world.robin.household_id else world.alex


def feed(world, child, ml: str | None, method: str = "formula", side: str = "", hours_ago: float = 1) -> None:
    details: dict[str, Any] = {"method": method}
    if ml is not None:
        details["amount_ml"] = Decimal(ml)
    if side:
        details["side"] = side
    start = NOW - dt.timedelta(hours=hours_ago)
    log_care_event(member=parent_of(world, child), child=child, kind="feed", start=start, details=details)


def quick_log(member, **query: Any) -> str:
    response = client_for(member).get(reverse("care:quick_log"), query)
    assert response.status_code == 200
    return page_text(response)


@time_machine.travel(NOW, tick=False)
def test_the_households_usual_bottles_are_one_tap_buttons(world):
    for n, ml in enumerate(["90", "120", "120", "150", "120", "60"]):
        feed(world, world.ada, ml, hours_ago=1 + 3 * n)
    page = quick_log(world.alex)
    bottles = forms_on(page, "data-bottle")
    assert [f["data"]["d-amount_ml"] for f in bottles] == ["90", "120", "150", "60"]
    assert "Bottle 90 ml" in page and "Another amount" in page
    assert all(f["data"]["d-method"] == "formula" for f in bottles)
    assert all("start" not in f["data"] for f in bottles)


@time_machine.travel(NOW, tick=False)
def test_bottles_older_than_two_weeks_are_not_offered(world):
    feed(world, world.ada, "200", hours_ago=24 * 15)
    feed(world, world.ada, "100", hours_ago=2)
    assert [f["data"]["d-amount_ml"] for f in forms_on(quick_log(world.alex), "data-bottle")] == ["100"]


@time_machine.travel(NOW, tick=False)
def test_a_tap_on_a_bottle_logs_it_at_the_tap_with_its_amount_and_method(world):
    feed(world, world.ada, "120", method="expressed", hours_ago=3)
    client = client_for(world.sam)
    (form,) = forms_on(page_text(client.get(reverse("care:quick_log"))), "data-bottle")
    response = client.post(form["action"], form["data"])
    assert response.status_code == 302
    event = CareEvent.objects.filter(kind="feed").latest("start")
    assert event.start == NOW and event.by == world.sam and event.logged_by == world.sam
    assert (event.feed.method, event.feed.amount_ml, event.feed.side) == ("expressed", Decimal("120"), "")


@time_machine.travel(NOW, tick=False)
def test_a_us_household_taps_its_bottles_in_fluid_ounces(world):
    household = world.robin.household
    household.volume_unit = "fl_oz"
    household.save()
    feed(world, world.bo, "177.4", hours_ago=2)  # 6 fl oz
    feed(world, world.bo, "118.3", hours_ago=5)  # 4 fl oz
    client = client_for(world.robin)
    page = page_text(client.get(reverse("care:quick_log")))
    assert "Bottle 6.0 fl oz" in page and "Bottle 4.0 fl oz" in page and " ml" not in page
    first = forms_on(page, "data-bottle")[0]
    assert first["data"]["d-amount_ml"] == "6.0"
    assert client.post(first["action"], first["data"]).status_code == 302
    assert CareEvent.objects.filter(kind="feed").latest("start").feed.amount_ml == Decimal("177.4")


@time_machine.travel(NOW, tick=False)
def test_a_bottle_fed_baby_with_no_bottles_yet_is_pointed_to_the_feed_form(world):
    page = quick_log(world.robin)  # Bo is formula-fed, nothing logged
    assert 'data-empty="bottles"' in page and "Log a feed with its amount" in page
    assert forms_on(page, "data-bottle") == []


@time_machine.travel(NOW, tick=False)
def test_a_breastfed_baby_gets_no_bottle_row_but_a_breastfeed_row(world):
    world.ada.feeding_method = "breast"
    world.ada.save()
    page = quick_log(world.alex)
    assert 'data-shortcuts="bottles"' not in page
    assert 'data-shortcuts="breast"' in page and "No breastfeed logged lately." in page


@time_machine.travel(NOW, tick=False)
def test_a_formula_fed_baby_gets_no_breastfeed_row(world):
    assert 'data-shortcuts="breast"' not in quick_log(world.robin)


@time_machine.travel(NOW, tick=False)
def test_the_last_side_shows_and_the_other_side_is_offered_first(world):
    feed(world, world.ada, None, method="breast", side="left", hours_ago=2)
    feed(world, world.ada, None, method="breast", side="right", hours_ago=5)
    page = quick_log(world.alex)
    assert "Last: <b>left</b>, 2 h ago" in page
    sides = forms_on(page, "data-side")
    assert [f["data"]["side"] for f in sides] == ["right", "left"]
    assert "primary" in sides[0]["button"]["class"] and "primary" not in sides[1]["button"]["class"]


@time_machine.travel(NOW, tick=False)
def test_a_tap_on_start_right_runs_a_breastfeed_on_the_right(world):
    feed(world, world.ada, None, method="breast", side="left", hours_ago=2)
    client = client_for(world.alex)
    first = forms_on(page_text(client.get(reverse("care:quick_log"))), "data-side")[0]
    assert client.post(first["action"], first["data"]).status_code == 302
    running = CareEvent.objects.get(kind="feed", running=True)
    assert (running.feed.method, running.feed.side, running.start) == ("breast", "right", NOW)


@time_machine.travel(NOW, tick=False)
def test_a_feed_timer_started_without_a_side_keeps_its_defaults(world):
    response = client_for(world.alex).post(
        reverse("care:timer_start"),
        {"kind": "feed", "child": world.ada.pk, "by": world.alex.pk, "client_id": str(uuid.uuid4())},
    )
    assert response.status_code == 302
    running = CareEvent.objects.get(kind="feed", running=True)
    assert (running.feed.method, running.feed.side) == ("breast", "both")


def _medicine(world, child, name: str, dose: str, hours_ago: float) -> None:
    start = NOW - dt.timedelta(hours=hours_ago)
    details = {"name": name, "dose": dose}
    log_care_event(member=parent_of(world, child), child=child, kind="medicine", start=start, details=details)


@time_machine.travel(NOW, tick=False)
def test_a_recent_medicine_is_repeated_in_one_tap_with_its_name_and_dose(world):
    _medicine(world, world.ada, "Paracetamol", "2.5 ml", 4)
    _medicine(world, world.ada, "Paracetamol", "2.5 ml", 10)
    _medicine(world, world.ada, "Vitamin D", "1 drop", 20)
    _medicine(world, world.ada, "Old cream", "", 24 * 40)
    client = client_for(world.sam)
    page = page_text(client.get(reverse("care:quick_log")))
    again = forms_on(page, "data-medicine")
    assert [f["button"]["data-medicine"] for f in again] == ["Paracetamol", "Vitamin D"]
    assert "Again: Paracetamol 2.5 ml" in page and "Old cream" not in page
    assert client.post(again[0]["action"], again[0]["data"]).status_code == 302
    event = CareEvent.objects.filter(kind="medicine").latest("start")
    assert (event.medicine.name, event.medicine.dose, event.start, event.by) == (
        "Paracetamol",
        "2.5 ml",
        NOW,
        world.sam,
    )


@time_machine.travel(NOW, tick=False)
def test_shortcuts_are_each_childs_own(world):
    feed(world, world.bo, "90", hours_ago=1)
    _medicine(world, world.bo, "Ibuprofen", "2.5 ml", 1)
    page = quick_log(world.alex)
    assert forms_on(page, "data-bottle") == [] and forms_on(page, "data-medicine") == []


@time_machine.travel(NOW, tick=False)
def test_the_shortcuts_follow_the_chosen_child(world):
    cy = add_child(member=world.alex, name="Cy", birth_date=dt.date(2026, 10, 1), feeding_method="formula")
    feed(world, cy, "75", hours_ago=1)
    assert forms_on(quick_log(world.alex), "data-bottle") == []
    cys = forms_on(quick_log(world.alex, child=cy.pk), "data-bottle")
    assert [(f["data"]["d-amount_ml"], f["data"]["child"]) for f in cys] == [("75", str(cy.pk))]


@time_machine.travel(NOW, tick=False)
def test_the_shortcuts_cost_two_queries_whatever_the_log(world, django_assert_num_queries):
    for n in range(30):
        feed(world, world.ada, "120", hours_ago=n)
    with django_assert_num_queries(2):
        selectors.quick_shortcuts(child=world.ada, unit="ml", now=NOW)


def test_on_duty_is_nobody_until_a_higher_app_says_otherwise(world):
    previous = hooks.register_on_duty(hooks._nobody)
    try:
        assert hooks.on_duty(household=world.alex.household, now=NOW) is None
    finally:
        hooks.register_on_duty(previous)


@pytest.fixture
def sam_on_duty(world):
    def provider(household, now):
        return world.sam.pk if household.pk == world.sam.household_id else None

    previous = hooks.register_on_duty(provider)
    yield
    hooks.register_on_duty(previous)


@time_machine.travel(NOW, tick=False)
def test_the_person_on_duty_comes_first_in_the_picker_and_the_viewer_stays_chosen(world, sam_on_duty):
    page = quick_log(world.alex)
    picker = page[page.index('aria-label="Who is doing it"') :]
    picker = picker[: picker.index("</nav>")]
    assert picker.index("Sam") < picker.index("Alex (you)") < picker.index("Pat")
    assert 'data-on-duty="1">Sam <small class="on-duty">on duty</small>' in picker
    assert all(f["data"]["by"] == str(world.alex.pk) for f in forms_on(page, "data-nappy"))


@time_machine.travel(NOW, tick=False)
def test_no_breastfeed_start_is_offered_while_a_feed_runs(world):
    start_timer(member=world.sam, child=world.ada, kind="feed", start=NOW - dt.timedelta(minutes=5))
    page = quick_log(world.alex)
    assert forms_on(page, "data-side") == [] and 'data-feed-running="1"' in page


@time_machine.travel(NOW, tick=False)
def test_a_helper_is_not_told_who_else_is_on_duty(world, sam_on_duty):
    page = quick_log(world.pat)
    assert "on duty" not in page and 'data-on-duty="1"' not in page
