"""Nights end to end: a parent makes tonight's plan in a tap, moves a handover, and both parents see it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from twofold.households.models import Member

pytestmark = pytest.mark.browser


def test_a_plan_is_made_edited_and_shown_on_today(
    world, an_ordinary_afternoon, logged_in: Callable[[Member], Page]
) -> None:
    # A weekday afternoon: tonight is a nine-hour night, so the even split falls at 02:30 (on the night the
    # clocks change it would not).
    alex = logged_in(world.alex)
    alex.goto("/")
    alex.get_by_role("link", name="Make tonight's night plan").click()
    alex.get_by_role("button", name="Make tonight's plan").click()

    expect(alex.locator("#plan-line")).to_have_text("Alex 22:00–02:30, Sam 02:30–07:00")
    expect(alex.locator("#explanation")).to_contain_text("whoever is on duty feeds")
    expect(alex.get_by_role("table").first).to_contain_text("Alex")

    alex.get_by_role("link", name="Change the shifts").click()
    alex.locator("#shift-0").get_by_label("To").fill("01:30")
    alex.locator("#shift-1").get_by_label("From").fill("01:30")
    alex.get_by_role("button", name="Keep these shifts").click()
    expect(alex.get_by_role("status").filter(has_text="Changes kept")).to_be_visible()
    expect(alex.locator("#plan-line")).to_have_text("Alex 22:00–01:30, Sam 01:30–07:00")

    alex.get_by_role("link", name="Today", exact=True).click()
    expect(alex.locator("#tonight-shifts")).to_have_text("Alex 22:00–01:30, Sam 01:30–07:00")

    sam = logged_in(world.sam)
    sam.goto("/")
    expect(sam.locator("#tonight-shifts")).to_have_text("Alex 22:00–01:30, Sam 01:30–07:00")
    sam.get_by_role("link", name="The plan").click()
    expect(sam.locator("#explanation")).to_contain_text("These shifts were set by hand")


def test_an_overlapping_edit_is_refused_in_the_browser_and_nothing_is_lost(
    world, an_ordinary_afternoon, logged_in: Callable[[Member], Page]
) -> None:
    alex = logged_in(world.alex)
    alex.goto("/nights/")
    alex.get_by_role("button", name="Make tonight's plan").click()
    alex.get_by_role("link", name="Change the shifts").click()
    alex.locator("#shift-0").get_by_label("To").fill("03:00")
    alex.get_by_role("button", name="Keep these shifts").click()
    expect(alex.locator("#shift-1")).to_contain_text("This shift overlaps Alex's 22:00–03:00")
    expect(alex.locator("#shift-0").get_by_label("To")).to_have_value("03:00")
