"""The product's promise end to end: two parents, two phones, one log that shows who did what."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

PASSWORD = "quiet-nights-and-warm-milk"


def sign_up(page: Page, *, email: str, name: str) -> None:
    expect(page.get_by_role("heading", name="Make an account")).to_be_visible()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    page.get_by_role("button", name="Make my account").click()


def log_a_feed(page: Page, *, method: str) -> None:
    page.goto("/log/")
    page.get_by_role("region", name="Log").get_by_role("link", name=re.compile(r"^Feed")).click()
    expect(page.get_by_role("heading", name="Feed", exact=True)).to_be_visible()
    page.get_by_label(method, exact=True).check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status").filter(has_text="Feed logged for Ada")).to_be_visible()


def log_a_nappy(page: Page, *, contents: str) -> None:
    page.goto("/log/")
    page.get_by_role("region", name="Nappy in one tap").get_by_role(
        "button", name=contents, exact=True
    ).click()
    expect(page.get_by_role("status").filter(has_text="Nappy logged for Ada")).to_be_visible()


def test_two_parents_share_the_log(new_person: Callable[[], Page]) -> None:
    alex = new_person()
    alex.goto("/account/signup/")
    sign_up(alex, email="alex@example.com", name="Alex")

    # A new account has no household yet, so it is sent to make one.
    expect(alex).to_have_url(re.compile(r"/household/start/$"))
    expect(alex.get_by_role("status")).to_have_text("Welcome to Twofold, Alex.")
    alex.get_by_label("Household name").fill("Alex and Sam")
    expect(alex.get_by_label("Your name, as others here see it")).to_have_value("Alex")
    alex.get_by_label("Time zone").select_option("Europe/London")
    alex.get_by_role("button", name="Create the household").click()

    expect(alex.get_by_role("heading", name="Add a child")).to_be_visible()
    alex.get_by_label("Name").fill("Ada")
    alex.get_by_label("Birth date").fill(f"{timezone.localdate() - dt.timedelta(days=20):%Y-%m-%d}")
    alex.get_by_label("Usually fed with").select_option(label="Mixed")
    alex.get_by_role("button", name="Add", exact=True).click()
    expect(alex.get_by_role("status")).to_have_text("Ada is added. You can start logging care.")

    alex.goto("/household/")
    invite = alex.get_by_role("region", name="Invite someone")
    invite.get_by_label("Invite a").select_option(label="Parent")
    invite.get_by_role("button", name="Make an invitation link").click()
    expect(alex.get_by_role("heading", name="Send this link")).to_be_visible()
    link = alex.locator("input#invite-link").input_value()
    assert re.fullmatch(r"http://[^/]+/household/join/[^/]+/", link)

    # Sam opens the link on another phone, logged out, and makes an account on the way.
    sam = new_person()
    sam.goto(link)
    expect(sam.get_by_role("heading", name="You are invited to Alex and Sam")).to_be_visible()
    sam.get_by_role("link", name="Make an account").click()
    sign_up(sam, email="sam@example.com", name="Sam")
    expect(sam.get_by_role("heading", name="Join Alex and Sam")).to_be_visible()
    expect(sam.get_by_text("Alex invited you as a parent.")).to_be_visible()
    sam.get_by_label("Your name, as others here see it").fill("Sam")
    sam.get_by_role("button", name="Join").click()
    expect(sam.get_by_role("status").filter(has_text="You joined Alex and Sam.")).to_be_visible()
    expect(sam.get_by_role("heading", name="Today", exact=True)).to_be_visible()

    log_a_feed(alex, method="Breast")
    log_a_nappy(alex, contents="Wet")
    log_a_feed(sam, method="Bottle of expressed milk")
    log_a_nappy(sam, contents="Wet")
    log_a_nappy(sam, contents="Dirty")

    for page in (alex, sam):
        page.goto("/")
        who = page.locator("ul.who")
        expect(who.locator("li[data-member]")).to_have_count(2)
        expect(who.locator("li[data-member='Alex']")).to_contain_text(re.compile(r"\b1 feed\b"))
        expect(who.locator("li[data-member='Alex']")).to_contain_text(re.compile(r"\b1 nappy\b"))
        expect(who.locator("li[data-member='Sam']")).to_contain_text(re.compile(r"\b1 feed\b"))
        expect(who.locator("li[data-member='Sam']")).to_contain_text(re.compile(r"\b2 napp(y|ies)\b"))
        totals = page.locator("table.totals")
        expect(totals.get_by_role("row", name=re.compile(r"^Feed 2\b"))).to_be_visible()
        expect(totals.get_by_role("row", name=re.compile(r"^Nappy 3\b"))).to_be_visible()
        timeline = page.locator("ul.timeline")
        expect(timeline.locator("li[data-kind='feed']").filter(has_text="Sam")).to_contain_text(
            "Bottle of expressed milk"
        )
        expect(timeline.locator("li[data-kind='feed']").filter(has_text="Alex")).to_contain_text("Breast")
