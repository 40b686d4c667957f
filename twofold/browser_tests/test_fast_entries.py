"""Capture at 3 a.m. on a 390 px phone: the menu on one row, a bottle in one tap, the baby's state first."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import Page, ViewportSize, expect

from twofold.care.models import CareEvent
from twofold.care.services import log_care_event
from twofold.households.models import Member

pytestmark = pytest.mark.browser

PHONE: ViewportSize = {"width": 390, "height": 844}


def on_a_phone(logged_in: Callable[[Member], Page], member: Member) -> Page:
    page = logged_in(member)
    page.set_viewport_size(PHONE)
    return page


def top_level_tops(page: Page) -> list[int]:
    """The offsetTop of every item on the main menu's first level (its links and More)."""
    return page.eval_on_selector_all(
        "nav[aria-label='Main'] > a, nav[aria-label='Main'] > details > summary",
        "items => items.map(item => item.getBoundingClientRect().top)",
    )


def no_sideways_scroll(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


@pytest.mark.parametrize("who", ["alex", "pat"])
@pytest.mark.parametrize("path", ["/", "/log/", "/history/"])
def test_the_main_menu_fits_one_row_on_a_phone(world, logged_in, an_ordinary_afternoon, who, path) -> None:
    page = on_a_phone(logged_in, getattr(world, who))
    page.goto(path)
    tops = top_level_tops(page)
    assert len(tops) >= 4 and len(set(tops)) == 1, tops
    assert no_sideways_scroll(page)
    menu = page.get_by_role("navigation", name="Main")
    expect(menu.get_by_role("link", name="Crying help")).to_be_visible()


def test_more_opens_by_keyboard_and_leads_to_every_other_page(world, logged_in, an_ordinary_afternoon):
    page = on_a_phone(logged_in, world.alex)
    page.goto("/")
    menu = page.get_by_role("navigation", name="Main")
    history = menu.get_by_role("link", name="History")
    expect(history).to_be_hidden()
    menu.locator("summary").focus()
    page.keyboard.press("Enter")
    for name in ("History", "Nights", "Check-in", "Bonding", "Wellbeing", "Household"):
        expect(menu.get_by_role("link", name=name)).to_be_visible()
    assert no_sideways_scroll(page)
    page.keyboard.press("Tab")
    expect(history).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/history/"))
    expect(menu.locator("summary")).to_have_class("current")
    expect(menu.locator("a[aria-current='page']")).to_have_text("History")  # inside More, still marked


def test_a_bottle_logged_in_one_tap_appears_on_today(world, logged_in, an_ordinary_afternoon) -> None:
    earlier = timezone.now() - dt.timedelta(hours=3)
    details = {"method": "formula", "amount_ml": Decimal(120)}
    log_care_event(member=world.sam, child=world.ada, kind="feed", start=earlier, details=details)
    page = on_a_phone(logged_in, world.alex)
    page.goto("/log/")
    page.get_by_role("button", name=re.compile(r"^Bottle 120 ml")).click()
    expect(page.get_by_text("Feed logged for Ada")).to_be_visible()
    assert CareEvent.objects.filter(kind="feed", by=world.alex).count() == 1
    page.goto("/")
    expect(page.locator(".status")).to_contain_text("just now")
    rows = page.locator(".timeline li[data-kind='feed']")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Bottle of formula, 120 ml")
    expect(rows.first).to_contain_text("Alex")


def test_todays_status_is_above_the_first_card(world, logged_in, an_ordinary_afternoon) -> None:
    log_care_event(member=world.sam, child=world.ada, kind="nappy", details={"contents": "wet"})
    page = on_a_phone(logged_in, world.alex)
    page.goto("/")
    status = page.locator(".status")
    expect(status).to_contain_text("Last nappy")
    status_bottom = status.evaluate("e => e.getBoundingClientRect().bottom")
    first_card = page.locator("main .card").first.evaluate("e => e.getBoundingClientRect().top")
    assert status_bottom <= first_card
    # On a phone it is on the first screen, whatever the cards below.
    assert status_bottom < PHONE["height"]
    assert no_sideways_scroll(page)
