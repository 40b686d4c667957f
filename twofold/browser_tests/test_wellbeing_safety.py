"""The safety section in a real browser: a self-harm answer puts help first on the result page, above the
score, whatever the total (PHQ-9 item 9, EPDS item 10)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from twofold.households.models import Member
from twofold.wellbeing.instruments import PHQ9
from twofold.wellbeing.instruments.licensed import EPDS_TEXT_ENV, load_licensed_epds
from twofold.wellbeing.tests.answers import PLACEHOLDER_EPDS, answers_scoring

pytestmark = pytest.mark.browser


def answer_all(page: Page, button: str, answers: dict[int, int]) -> None:
    page.goto("/wellbeing/")
    page.get_by_role("button", name=re.compile(button)).click()
    count = len(answers)
    for number, position in answers.items():
        expect(page.locator("#progress")).to_have_text(f"Question {number} of {count}")
        page.locator("fieldset.answers label").nth(position).click()
        page.get_by_role("button", name="See my result" if number == count else "Next").click()
    expect(page).to_have_url(re.compile(r"/wellbeing/screenings/\d+/result/$"))


def assert_safety_comes_first(page: Page, score: str) -> None:
    safety = page.locator("#safety")
    expect(safety).to_be_visible()
    expect(safety.get_by_role("heading", name="Your safety comes first")).to_be_visible()
    expect(safety).to_contain_text("If you are in danger now, call 999")
    expect(safety).to_contain_text("Samaritans")
    # The first thing on the page after the title, and drawn above the score.
    expect(page.locator("main section").first).to_have_attribute("id", "safety")
    expect(page.locator("#score")).to_contain_text(score)
    safety_box, score_box = safety.bounding_box(), page.locator("#score").bounding_box()
    assert safety_box is not None and score_box is not None
    assert safety_box["y"] + safety_box["height"] <= score_box["y"]
    # And every result ends with the unsafe line.
    expect(page.locator("main section").last).to_have_attribute("id", "if-unsafe")


def test_phq9_item_9_puts_the_safety_section_first(world, logged_in: Callable[[Member], Page]) -> None:
    page = logged_in(world.alex)
    answer_all(page, "A closer look at mood", answers_scoring(PHQ9, {9: 1}))
    assert_safety_comes_first(page, "1 out of 27")


def test_epds_item_10_puts_the_safety_section_first(
    world, logged_in: Callable[[Member], Page], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The live server runs in this process, so it reads the same environment.
    monkeypatch.setenv(EPDS_TEXT_ENV, str(PLACEHOLDER_EPDS))
    epds = load_licensed_epds(PLACEHOLDER_EPDS)
    page = logged_in(world.sam)
    answer_all(page, "Feelings since the birth", answers_scoring(epds, {10: 1}))
    assert_safety_comes_first(page, "1 out of 30")
