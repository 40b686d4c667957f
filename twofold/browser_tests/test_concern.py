"""“I'm worried about you” on two phones: Alex sends a gentle invitation, Sam sees it on Today without a
name, follows it to the quick check, and can put it aside."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from twofold.households.models import Member
from twofold.wellbeing.models import Concern

pytestmark = pytest.mark.browser

CARD_TEXT = "Your partner is thinking of you and wondered how you are doing."


def test_a_worried_parent_invites_the_other_to_a_check(world, logged_in: Callable[[Member], Page]) -> None:
    alex = logged_in(world.alex)
    alex.goto("/wellbeing/concern/")
    expect(alex.get_by_role("heading", name="Worried about Sam?")).to_be_visible()
    expect(alex.get_by_role("heading", name="How to start the conversation")).to_be_visible()
    expect(alex.get_by_role("link", name="Call 999")).to_have_attribute("href", "tel:999")
    alex.get_by_role("button", name="Send the invitation").click()
    expect(alex.get_by_role("heading", name="Invitation sent")).to_be_visible()
    expect(alex.get_by_text("Pick a calm moment.")).to_be_visible()
    assert Concern.objects.filter(raised_by=world.alex, about=world.sam, closed_at=None).count() == 1

    # Sam's phone: the invitation is on Today, from "your partner" and nobody by name.
    sam = logged_in(world.sam)
    sam.goto("/")
    card = sam.get_by_role("region", name="Your partner is thinking of you")
    expect(card).to_contain_text(CARD_TEXT)
    assert "Alex" not in card.inner_text()
    check = card.get_by_role("link", name="Take the two-minute check")
    expect(check).to_have_attribute("href", "/wellbeing/")
    check.click()
    expect(sam).to_have_url(re.compile(r"/wellbeing/$"))
    expect(sam.get_by_role("heading", name="Check in with yourself")).to_be_visible()

    # "Not now" puts it aside; Alex's Today never had it.
    sam.goto("/")
    sam.get_by_role("region", name="Your partner is thinking of you").get_by_role(
        "button", name="Not now"
    ).click()
    expect(sam.get_by_text("The quick check is there whenever you want it.")).to_be_visible()
    expect(sam.get_by_role("region", name="Your partner is thinking of you")).to_have_count(0)
    alex.goto("/")
    expect(alex.get_by_role("heading", name="Today", exact=True)).to_be_visible()
    expect(alex.get_by_text(CARD_TEXT)).to_have_count(0)
