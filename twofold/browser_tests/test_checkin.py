"""The weekly check-in in a real browser: two parents, two browser contexts. Neither sees the other's
answers until both have answered; then both see both, side by side with the log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from twofold.care.services import log_care_event
from twofold.checkins.models import Agreement, AgreementReview, Checkin, Weekday
from twofold.checkins.schedule import current_window
from twofold.households.models import Member

pytestmark = pytest.mark.browser

RATINGS = {
    "How fair does the split feel?": "fairness",
    "My sleep": "sleep",
    "My mood": "mood",
    "How connected do we feel?": "connection",
}


def log_nights(world, monday: dt.date) -> None:
    """Night wakings in the check-in's week: Alex 3, Sam 1 (75 % and 25 %)."""
    zone = world.alex.household.zone
    for member, day, hour, minute in (
        (world.alex, 1, 0, 30),
        (world.alex, 1, 3, 30),
        (world.alex, 2, 2, 0),
        (world.sam, 2, 4, 30),
    ):
        start = dt.datetime.combine(monday + dt.timedelta(days=day), dt.time(hour, minute), tzinfo=zone)
        log_care_event(
            member=member,
            child=world.ada,
            kind="feed",
            start=start,
            end=start + dt.timedelta(minutes=20),
            details={"method": "formula", "amount_ml": 90},
        )


def answer(page: Page, *, care: int, night: int, ratings: dict[str, int], appreciated: str) -> None:
    page.goto("/")
    page.get_by_role("link", name="Start the check-in").click()
    page.get_by_label("My share of the baby care this week (%)").fill(str(care))
    page.get_by_label("My share of the night wakings (%)").fill(str(night))
    for label, key in RATINGS.items():
        page.get_by_role("group", name=label).get_by_text(str(ratings[key]), exact=True).click()
    page.get_by_label("One thing I appreciated from you this week").fill(appreciated)
    page.get_by_role("button", name="Save my answers").click()


def test_two_parents_answer_reveal_and_agree(world, logged_in: Callable[[Member], Page]) -> None:
    monday = current_window(timezone.now(), Weekday.SUNDAY, world.alex.household.zone).monday
    log_nights(world, monday)
    alex, sam = logged_in(world.alex), logged_in(world.sam)

    answer(
        alex,
        care=70,
        night=50,
        ratings={"fairness": 2, "sleep": 3, "mood": 5, "connection": 6},
        appreciated="Thank you for the Saturday lie-in",
    )
    expect(alex.get_by_role("status").filter(has_text="private until Sam has answered")).to_be_visible()

    sam.goto("/checkin/")
    expect(sam.get_by_text("Alex has answered.")).to_be_visible()
    expect(sam.get_by_text("Thank you for the Saturday lie-in")).to_have_count(0)
    expect(sam.get_by_role("table")).to_have_count(0)

    answer(
        sam,
        care=45,
        night=70,
        ratings={"fairness": 8, "sleep": 7, "mood": 7, "connection": 7},
        appreciated="How calm you are at 3 a.m.",
    )
    for page in (alex, sam):
        page.goto("/checkin/")
        table = page.get_by_role("table").filter(has_text="One thing I appreciated")
        expect(table.get_by_role("columnheader", name="Alex")).to_be_visible()
        expect(table.get_by_role("columnheader", name="Sam")).to_be_visible()
        expect(table).to_contain_text("Thank you for the Saturday lie-in")
        expect(table).to_contain_text("How calm you are at 3 a.m.")
        expect(
            page.get_by_text(
                "Alex and Sam, you estimated your share of the night wakings at 50 % and 70 %; "
                "the log shows 75 % and 25 %."
            )
        ).to_be_visible()
        expect(page.get_by_role("heading", name="For your talk")).to_be_visible()

    sam.get_by_label("An agreement for next week").fill(
        "I take the 2 a.m. feed on Monday, Wednesday and Friday"
    )
    sam.get_by_role("button", name="Add the agreement").click()
    expect(alex.get_by_text("Sam:")).to_have_count(0)  # Alex's page is as it was until reloaded
    alex.reload()
    expect(alex.get_by_role("listitem").filter(has_text="I take the 2 a.m. feed")).to_be_visible()

    # A week later: the check-in and its agreement move back one week, so this week's check-in is open.
    Checkin.objects.update(week=monday - dt.timedelta(weeks=1))
    Agreement.objects.update(week=monday - dt.timedelta(weeks=1))
    alex.goto("/checkin/")
    reviews = alex.get_by_role("group", name="Last week's agreements: how did they go?")
    question = reviews.get_by_role(
        "group", name="Sam: “I take the 2 a.m. feed on Monday, Wednesday and Friday”"
    )
    expect(question).to_be_visible()
    question.get_by_text("Partly kept", exact=True).click()
    alex.get_by_label("My share of the baby care this week (%)").fill("65")
    alex.get_by_label("My share of the night wakings (%)").fill("60")
    for label in RATINGS:
        alex.get_by_role("group", name=label).get_by_text("5", exact=True).click()
    alex.get_by_role("button", name="Save my answers").click()
    expect(alex.get_by_role("status").filter(has_text="private until Sam has answered")).to_be_visible()
    assert AgreementReview.objects.get().outcome == "partly"
