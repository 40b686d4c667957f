"""Deleting an account in the browser: Sam reads what goes and what stays, a slip is refused kindly, then the
account goes and Alex's log shows Sam's care as a former member's."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from twofold.care.services import log_care_event
from twofold.conftest import PASSWORD
from twofold.households.models import Member

pytestmark = pytest.mark.browser


def test_sam_deletes_their_account(world, logged_in: Callable[[Member], Page]) -> None:
    start = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
    log_care_event(
        member=world.sam,
        child=world.ada,
        kind="nappy",
        start=start,
        details={"contents": "wet"},
        now=start,
    )
    sam = logged_in(world.sam)
    sam.goto("/account/")
    sam.get_by_role("link", name="Delete my account…").click()
    expect(sam.get_by_role("heading", name="Delete your account")).to_be_visible()
    expect(sam.get_by_role("heading", name="What goes")).to_be_visible()
    expect(sam.get_by_text("It will show as “a former member”, without your name.")).to_be_visible()

    sam.get_by_label("Your password").fill(PASSWORD)
    sam.get_by_label("Type “delete my account”").fill("delete my acount")
    sam.get_by_role("button", name="Delete my account").click()
    expect(
        sam.get_by_text("Type “delete my account” to confirm, so nothing is deleted by a slip.")
    ).to_be_visible()
    assert get_user_model().objects.filter(username="sam@example.com").exists()

    sam.get_by_label("Your password").fill(PASSWORD)
    sam.get_by_label("Type “delete my account”").fill("delete my account")
    sam.get_by_role("button", name="Delete my account").click()
    expect(sam).to_have_url(re.compile(r"/account/deleted/$"))
    expect(sam.get_by_role("heading", name="Your account is deleted")).to_be_visible()
    assert not get_user_model().objects.filter(username="sam@example.com").exists()

    alex = logged_in(world.alex)
    alex.goto("/history/")
    expect(alex.locator("main li").filter(has_text="a former member").first).to_be_visible()
