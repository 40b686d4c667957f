"""A parent removed from their household still reaches their own check-in answers in a real browser, and
deletes them after a confirmation; the other parent's answers are never on the page."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from twofold.checkins.models import Checkin
from twofold.checkins.services import submit_checkin
from twofold.households.models import Member
from twofold.households.services import remove_member

pytestmark = pytest.mark.browser

ANSWERS = {"care_share": 50, "night_share": 70, "fairness": 8, "sleep": 7, "mood": 7, "connection": 6}


def test_a_removed_parent_reads_and_deletes_their_own_check_in_answers(
    world, logged_in: Callable[[Member], Page]
) -> None:
    now = timezone.now()
    submit_checkin(member=world.alex, answers={**ANSWERS, "appreciated": "Alex's own words"}, now=now)
    submit_checkin(member=world.sam, answers={**ANSWERS, "appreciated": "The night feeds"}, now=now)
    remove_member(by=world.alex, member=world.sam)

    sam = logged_in(world.sam)
    sam.goto("/")
    expect(sam.get_by_role("heading", name="You are not in a household now")).to_be_visible()
    sam.get_by_role("link", name="Read your own check-in answers").click()
    expect(sam.get_by_role("heading", name="Your own check-in answers", exact=True)).to_be_visible()
    household = sam.get_by_role("region", name="From Alex and Sam")
    expect(household).to_contain_text("You are no longer in Alex and Sam")
    expect(household).to_contain_text("The night feeds")
    expect(sam.get_by_text("Alex's own words")).to_have_count(0)

    household.get_by_role("link", name=re.compile(r"^Delete these answers for the week of ")).click()
    confirm = sam.get_by_role("heading", name=re.compile(r"^Delete your answers for the week of "))
    expect(confirm).to_be_visible()
    expect(sam.get_by_text(re.compile("They also disappear from Alex and Sam's check-in"))).to_be_visible()
    sam.get_by_role("button", name="Delete them").click()
    expect(sam.get_by_role("status")).to_contain_text(re.compile(r"in Alex and Sam are deleted\."))
    expect(sam.get_by_text(re.compile("There are none"))).to_be_visible()
    assert list(Checkin.objects.values_list("member_id", flat=True)) == [world.alex.pk]
