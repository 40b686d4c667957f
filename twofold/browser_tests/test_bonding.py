"""The crying timer's coping card is one tap away, day or night; a bonding suggestion is logged with the
baby's response in one tap."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from twofold.bonding.services import start_plan
from twofold.care.models import CareEvent, Kind
from twofold.households.models import Household, Member

pytestmark = pytest.mark.browser

DARK_BACKGROUND = "rgb(20, 22, 31)"
DARK_WARM = "rgb(240, 180, 108)"  # --warm in the dark theme: the coping link's colour at night


def make_it_night(member: Member) -> None:
    now = timezone.now().astimezone(member.household.zone)
    Household.objects.filter(pk=member.household_id).update(
        night_start=(now - dt.timedelta(hours=1)).time(), night_end=(now + dt.timedelta(hours=1)).time()
    )


def test_starting_a_crying_timer_puts_the_coping_card_one_tap_away_at_night(
    world, logged_in: Callable[[Member], Page]
) -> None:
    make_it_night(world.pat)
    page = logged_in(world.pat)  # a helper: the card is for everyone who holds the baby
    page.goto("/log/")
    page.get_by_role("button", name=re.compile(r"^▶ Crying")).click()

    timer = page.locator("[data-timer='settle']")
    expect(timer).to_contain_text("Crying · Ada · Pat")
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    expect(page.locator("body")).to_have_css("background-color", DARK_BACKGROUND)
    link = timer.get_by_role("link", name="Feeling overwhelmed? What to do now")
    expect(link).to_be_visible()
    expect(link).to_have_css("color", DARK_WARM)

    link.click()  # the one tap
    expect(page.get_by_role("heading", name="When the crying gets too much")).to_be_visible()
    expect(page.get_by_text("it is safe to put your baby down on their back in their cot")).to_be_visible()
    expect(page.get_by_text("Never shake or hurt a baby.")).to_be_visible()
    expect(page.get_by_role("link", name="999")).to_be_visible()

    # Back on Today the timer is still there, and so is the link; it stops in one tap with how it ended.
    page.goto("/")
    timer = page.locator("[data-timer='settle']")
    expect(timer.get_by_role("link", name="Feeling overwhelmed? What to do now")).to_be_visible()
    timer.get_by_role("button", name="Stop: settled").click()
    expect(page.get_by_role("status").filter(has_text="Crying stopped: settled after")).to_be_visible()
    event = CareEvent.objects.get(kind=Kind.SETTLE)
    assert (event.running, event.response) == (False, "settled")


def test_a_suggestion_is_logged_with_the_babys_response_in_one_tap(
    world, logged_in: Callable[[Member], Page]
) -> None:
    start_plan(member=world.sam, child=world.ada)
    page = logged_in(world.sam)
    page.goto("/")
    card = page.get_by_role("region", name="Today with Ada: Skin-to-skin")
    expect(card).to_be_visible()
    card.get_by_text("How to, with sources").click()
    expect(card.get_by_text("Erlandsson, Dsilna, Fagerberg & Christensson 2007", exact=False)).to_be_visible()

    card.get_by_role("button", name="Calm").click()
    expect(page.get_by_role("status").filter(has_text="Logged. Thank you")).to_be_visible()
    card = page.get_by_role("region", name="Today with Ada: Skin-to-skin")
    expect(card).to_contain_text("Done today")
    expect(card.get_by_role("button", name="Calm")).to_have_attribute("aria-pressed", "true")
    event = CareEvent.objects.get()
    assert (event.kind, event.by_id, event.response) == (Kind.SKIN_TO_SKIN, world.sam.pk, "calm")
