"""Removing a parent on two phones: Alex is asked first and can step back; Sam, removed, lands on a page
that says so and still reaches their own results."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from twofold.households.models import Member
from twofold.wellbeing import services

pytestmark = pytest.mark.browser


def take_a_quick_check(member: Member) -> None:
    screening = services.start_screening(member=member, instrument="phq2")
    for item in services.offered_instruments()["phq2"].items:
        services.record_answer(member=member, screening=screening, item=item.number, position=1)
    services.finish_screening(member=member, screening=screening)


def test_removing_a_parent_is_confirmed_and_leaves_them_their_results(
    world, logged_in: Callable[[Member], Page]
) -> None:
    take_a_quick_check(world.sam)
    alex = logged_in(world.alex)
    alex.goto("/household/")
    people = alex.get_by_role("region", name="People")
    people.get_by_role("link", name="Remove Sam").click()

    expect(alex.get_by_role("heading", name="Remove Sam from Alex and Sam?")).to_be_visible()
    expect(alex.get_by_role("region", name="What Sam keeps")).to_contain_text("Their own screening results")
    # Stepping back removes no one.
    alex.get_by_role("link", name="Keep Sam").click()
    expect(alex).to_have_url(re.compile(r"/household/$"))
    assert Member.objects.get(pk=world.sam.pk).is_active

    people.get_by_role("link", name="Remove Sam").click()
    alex.get_by_role("button", name="Remove Sam").click()
    expect(alex.get_by_role("status")).to_contain_text("Sam is removed.")
    expect(people.get_by_role("link", name="Remove Sam")).to_have_count(0)

    # Sam's phone: no household left, a page that says why, and the way to their own results.
    sam = logged_in(world.sam)
    sam.goto("/")
    expect(sam).to_have_url(re.compile(r"/household/start/$"))
    expect(sam.get_by_role("heading", name="You are not in a household now")).to_be_visible()
    expect(
        sam.get_by_text(re.compile(r"Alex removed you from Alex and Sam on \d+ \w+ \d{4}\."))
    ).to_be_visible()
    sam.get_by_role("link", name="Read your own results").click()
    expect(sam.get_by_role("heading", name="Your own results")).to_be_visible()
    expect(sam.get_by_role("region", name="From Alex and Sam")).to_contain_text("PHQ-2")
