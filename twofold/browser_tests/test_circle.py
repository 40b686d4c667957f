"""The support circle end to end: a parent asks for Saturday night, Grandma takes it on her phone, Saturday's
plan has her on duty, and on Sunday morning it is marked as it went and the Us page says it was given."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import time_machine
from playwright.sync_api import Page, expect

from twofold.circle.models import HelpRequest
from twofold.circle.tests.build import NOW, SATURDAY, SUNDAY_MORNING
from twofold.households.models import Member
from twofold.nights.models import NightPlan

pytestmark = pytest.mark.browser


def test_a_night_asked_for_is_taken_on_a_phone_planned_and_given(
    world, logged_in: Callable[[Member], Page]
) -> None:
    with time_machine.travel(NOW, tick=True):
        alex = logged_in(world.alex)
        alex.goto("/circle/")
        alex.get_by_role("link", name="Ask the circle").click()
        alex.get_by_label("What do you need?").select_option("night")
        alex.get_by_label("Day").fill("2026-11-28")
        expect(alex.get_by_label("From")).to_have_value("22:00")
        alex.get_by_label("A note").fill("Our first night off since the birth")
        alex.get_by_role("button", name="Ask", exact=True).click()
        expect(alex.locator("#request-state")).to_have_text("Open")
        assert HelpRequest.objects.get().night == SATURDAY

        pat = logged_in(world.pat)
        pat.set_viewport_size({"width": 360, "height": 740})
        pat.goto("/")
        card = pat.locator("#circle-today")
        expect(card).to_contain_text("A night (or part of one), Sat 28 Nov, 22:00–07:00")
        card.get_by_role("button", name="I'll do it").click()
        expect(pat.get_by_text("Thank you: it's yours.")).to_be_visible()
        width = pat.evaluate("document.documentElement.scrollWidth")
        assert width <= 360

        plan = NightPlan.objects.get(household=world.alex.household, night=SATURDAY)
        alex.goto(f"/nights/plans/{plan.pk}/")
        expect(alex.locator("#plan-line")).to_have_text("Pat 22:00–07:00")

    with time_machine.travel(SUNDAY_MORNING, tick=True):
        pat.goto("/")
        pat.locator("#circle-today").get_by_role("link", name="A night (or part of one)").click()
        pat.get_by_role("button", name="It happened").click()
        expect(pat.locator("#request-state")).to_have_text("Given")
        alex.goto("/us/")
        expect(alex.locator("#circle-us")).to_contain_text(
            "Pat took 1 night in the last four weeks and did 1."
        )


def test_choosing_a_meal_clears_the_nights_times_but_never_typed_ones(
    world, logged_in: Callable[[Member], Page]
) -> None:
    with time_machine.travel(NOW, tick=True):
        alex = logged_in(world.alex)
        alex.goto("/circle/ask/")
        expect(alex.get_by_label("From")).to_have_value("22:00")

        alex.get_by_label("What do you need?").select_option("meal")
        expect(alex.get_by_label("From")).to_have_value("")
        expect(alex.get_by_label("Until")).to_have_value("")

        alex.get_by_label("What do you need?").select_option("night")
        expect(alex.get_by_label("Until")).to_have_value("07:00")
        alex.get_by_label("From").fill("23:30")
        alex.get_by_label("What do you need?").select_option("evening")
        expect(alex.get_by_label("From")).to_have_value("23:30")
