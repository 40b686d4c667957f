"""The Us page in a real browser, on the demo household: both parents read the same true sentences."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import Page, expect

from twofold.households.models import Member
from twofold.insights.periods import iso_week
from twofold.insights.selectors import week_report_for

pytestmark = pytest.mark.browser


def test_us_page_tells_the_demo_week(transactional_db, logged_in: Callable[[Member], Page]) -> None:
    call_command("demo", weeks=4, seed=3, stdout=io.StringIO())
    alex = Member.objects.get(user__username="alex@demo.twofold")
    sam = Member.objects.get(user__username="sam@demo.twofold")
    household = alex.household
    today = timezone.now().astimezone(household.zone).date()
    last_monday = today - dt.timedelta(days=today.weekday() + 7)
    # The sentences come from the pure computation over the same log; the page must say exactly these.
    expected = week_report_for(household=household, monday=last_monday, now=timezone.now()).sentences
    assert expected[0].startswith("Alex handled")  # the demo's Alex takes most nights

    for member in (alex, sam):
        page = logged_in(member)
        page.goto("/us/?week=" + iso_week(last_monday + dt.timedelta(weeks=1)))
        page.get_by_role("link", name="← Week before").click()
        expect(page).to_have_url(re.compile(r"week=" + iso_week(last_monday)))
        headline = page.locator(".headline")
        for sentence in expected:
            expect(headline).to_contain_text(sentence)
        expect(
            page.get_by_role("img", name="Bar chart of each parent's longest sleep per night")
        ).to_be_visible()
        expect(page.get_by_role("table").filter(has_text="Night of")).to_contain_text("Alex")


def test_helpers_have_no_us_page(world, logged_in: Callable[[Member], Page]) -> None:
    page = logged_in(world.pat)
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Us")).to_have_count(0)
    response = page.goto("/us/")
    assert response is not None and response.status == 404
