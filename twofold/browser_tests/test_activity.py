"""Activity on two phones: Sam opens the result Alex shared; Alex finds it in Activity from the account page,
by name; Sam's own Activity says whose result it was."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from twofold.households.models import Member
from twofold.wellbeing import services
from twofold.wellbeing.instruments import PHQ9
from twofold.wellbeing.tests.answers import answers_scoring

pytestmark = pytest.mark.browser


def test_a_parent_sees_who_viewed_the_result_they_shared(
    world, logged_in: Callable[[Member], Page], an_ordinary_afternoon: dt.datetime
) -> None:
    # An afternoon, so the list and the result page Sam opens fall on one local day: one entry for viewing.
    screening = services.start_screening(member=world.alex, instrument="phq9")
    for item, position in answers_scoring(PHQ9).items():
        services.record_answer(member=world.alex, screening=screening, item=item, position=position)
    finished = services.finish_screening(member=world.alex, screening=screening).screening
    services.share_screening(member=world.alex, screening=finished, shared=True)

    alex = logged_in(world.alex)
    alex.goto("/account/")
    alex.get_by_role("link", name="Activity").click()
    expect(alex).to_have_url(re.compile(r"/activity/$"))
    # Sharing it is the first thing noted.
    expect(alex.locator("#activity li")).to_have_count(1)
    expect(alex.locator("#activity li").first).to_contain_text("You turned sharing on")

    sam = logged_in(world.sam)
    sam.goto("/wellbeing/")
    sam.locator("#shared-results").get_by_role("link", name=re.compile(r"^Alex's PHQ-9")).click()
    expect(sam).to_have_url(re.compile(rf"/wellbeing/screenings/{finished.pk}/result/$"))

    alex.reload()
    entries = alex.locator("#activity li")
    expect(entries).to_have_count(2)
    expect(entries.first).to_contain_text(re.compile(r"Sam viewed your PHQ-9 result of \d{1,2} \w{3}"))
    expect(entries.first).to_contain_text("Alex and Sam")

    sam.goto("/activity/")
    expect(sam.locator("#activity li").first).to_contain_text("You viewed Alex's PHQ-9 result of")
