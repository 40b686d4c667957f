"""A fever in a 6-week-old, end to end: one parent logs 38.2 °C, and the red card is on Today for the other
parent and for the helper, in the red-flags page's words."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
import time_machine
from playwright.sync_api import Page, expect

from twofold.households.models import Member

pytestmark = pytest.mark.browser

# A Tuesday afternoon in London, the clock ticking on from there.
NOW = dt.datetime(2027, 2, 2, 14, 30, tzinfo=dt.UTC)


def test_38_2_in_a_6_week_old_brings_the_red_card_to_everyone(
    world, logged_in: Callable[[Member], Page]
) -> None:
    with time_machine.travel(NOW, tick=True):
        world.ada.birth_date = NOW.date() - dt.timedelta(weeks=6)
        world.ada.save()

        alex = logged_in(world.alex)
        alex.goto("/log/")
        alex.get_by_role("region", name="Log").get_by_role("link", name=re.compile(r"^Temperature")).click()
        expect(alex.get_by_role("heading", name="Temperature", exact=True)).to_be_visible()
        alex.get_by_label("Temperature (°C)").fill("38.2")
        alex.get_by_label("Taken in the").select_option("armpit")
        alex.get_by_role("button", name="Save").click()
        # Where it was logged: Quick log, at once.
        card = alex.locator('[data-fever="red"]')
        expect(card).to_be_visible()
        expect(card).to_contain_text("Ada: 38.2 °C")

        for member in (world.sam, world.pat):
            page = logged_in(member)
            page.goto("/")
            card = page.get_by_role("alert").filter(has_text="Ada: 38.2 °C")
            expect(card).to_be_visible()
            expect(card).to_contain_text("Call 999 or go to A&E now.")
            expect(card).to_contain_text("Under 3 months old with a temperature of 38 °C (100.4 °F) or more.")
            expect(card.get_by_role("link", name="All the red flags")).to_be_visible()
