"""Tried as a new parent would: on Today, "Tell Twofold how it's going"; three paragraphs about a partner
who will not hold the baby and says the baby is ruining their lives; what Twofold heard, highlighted; the
professional-soon guidance and the coping card first; a bonding plan and the check-in as next steps."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from twofold.households.models import Member
from twofold.intake.models import Writing

pytestmark = pytest.mark.browser

STORY = (
    "Our daughter is eleven weeks old and my partner will not hold the baby. When I pass her over he "
    "hands her straight back and goes upstairs to his phone.\n\n"
    "Last night he said the baby is ruining our lives. He has been on antidepressants since the summer and "
    "nothing seems different.\n\n"
    "I don't know what to do. I am doing all the night feeds and I love her so much."
)


def test_a_parent_writes_and_sees_what_twofold_heard_and_where_to_start(
    world, logged_in: Callable[[Member], Page]
) -> None:
    page = logged_in(world.alex)
    page.goto("/")
    page.get_by_role("link", name="Tell Twofold how it's going").first.click()

    page.get_by_label("How is it going?").fill(STORY)
    page.get_by_role("button", name="Read what I wrote").click()

    expect(page.get_by_role("heading", name="What Twofold heard", level=1)).to_be_visible()
    hard = page.locator("#hard-feelings")
    expect(hard).to_contain_text("talk to a health professional soon")
    expect(
        hard.get_by_role("link", name="The coping card, for when the crying gets too much")
    ).to_be_visible()
    heard = page.locator("#heard")
    expect(heard.locator("mark", has_text="will not hold the baby")).to_be_visible()
    expect(heard.locator("mark", has_text="ruining our lives")).to_be_visible()
    # The guidance comes before what it heard.
    assert page.locator("#hard-feelings").bounding_box()["y"] < heard.bounding_box()["y"]  # type: ignore[index]

    steps = page.locator("#steps")
    bonding = steps.get_by_role(
        "link", name="Start a bonding plan for the parent who is less close to the baby"
    )
    expect(bonding).to_be_visible()
    expect(steps.get_by_role("link", name="Do this week's check-in")).to_be_visible()
    bonding.click()  # one tap away
    expect(page).to_have_url("/bonding/")

    # Only Alex can read it; Sam, the other parent, cannot.
    writing = Writing.objects.get(author=world.alex)
    other = logged_in(world.sam)
    response = other.goto(f"/intake/{writing.pk}/")
    assert response is not None and response.status == 404


def test_a_parent_shares_a_summary_the_other_parent_sees_it_and_then_it_is_taken_back(
    world, logged_in: Callable[[Member], Page]
) -> None:
    page = logged_in(world.alex)
    page.goto("/intake/")
    page.get_by_label("How is it going?").fill("I haven't slept in days and he scrolls on the sofa.")
    page.get_by_role("button", name="Read what I wrote").click()

    share = page.locator("#share")
    expect(share).to_contain_text("not what you wrote, not the highlighted words")
    expect(share.get_by_label("Very little sleep")).to_be_checked()
    share.get_by_label("Doing most of the care").uncheck()  # the author chooses
    share.get_by_role("button", name="Share this summary").click()
    expect(page.locator("#share")).to_contain_text("Shared with Sam")

    other = logged_in(world.sam)
    other.goto("/")
    shared = other.locator(".intake-shared")
    expect(shared).to_contain_text("Alex shared how it's going")
    expect(shared).to_contain_text("Very little sleep")
    expect(shared).not_to_contain_text("Doing most of the care")
    expect(other.locator("body")).not_to_contain_text("scrolls on the sofa")

    page.locator("#share").get_by_role("button", name="Take it back").click()
    expect(page.locator("#share").get_by_role("button", name="Share this summary")).to_be_visible()
    other.reload()
    expect(other.locator(".intake-shared")).to_have_count(0)
