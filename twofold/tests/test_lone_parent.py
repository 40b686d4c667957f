"""A lone parent hears words for one: Robin (one parent from the start) and Alex after Sam has left.

Nights and the check-in are the two places written for a couple; each says what works for one parent, and
no page speaks to a "you both" that is not there.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine

from twofold.checkins.tests.helpers import SAM_ANSWERS
from twofold.checkins.views import PLAN_ADDED
from twofold.conftest import client_for, page_text
from twofold.households.services import leave_household
from twofold.nights.selectors import tonight
from twofold.nights.services import make_plan

pytestmark = pytest.mark.django_db

# Sunday 22 November 2026, midday in London and 07:00 in New York: both households' check-ins are open.
NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
COUPLE_WORDS = ("each of you", "each of us", "you both", "either of you", "protected block 0 min")


def words(response) -> str:
    assert response.status_code == 200
    return re.sub(r"\s+", " ", page_text(response))


def assert_for_one(text: str) -> None:
    found = [w for w in COUPLE_WORDS if w in text.lower()]
    assert not found, found
    assert not re.search(r"(?<![\d.])0 min", text)  # a block of nothing, however it is worded


def lone_parents(world):
    leave_household(member=world.sam)
    return [world.robin, world.alex]


@time_machine.travel(NOW, tick=False)
def test_today_and_the_nights_page_speak_to_one_parent(world):
    for parent in lone_parents(world):
        client = client_for(parent)
        today = words(client.get("/"))
        assert_for_one(today)
        assert "a helper who takes part of the night gives you a protected block of sleep" in today
        nights = words(client.get("/nights/"))
        assert_for_one(nights)
        assert "A plan gives you a protected block of sleep on a night a helper takes part of it" in nights


@time_machine.travel(NOW, tick=False)
def test_a_lone_parents_plan_says_plainly_that_nobody_shares_the_night(world):
    for parent in lone_parents(world):
        plan = make_plan(member=parent, day=tonight(parent.household, NOW), now=NOW)
        name = parent.display_name
        page = words(client_for(parent).get(f"/nights/plans/{plan.pk}/"))
        assert_for_one(page)
        assert f"{name} is on duty all night: nobody else shares it tonight." in page
        assert f"{name} has no protected block tonight: with nobody else on duty" in page
        assert "shared as evenly as possible between the parents" not in page


@time_machine.travel(NOW, tick=False)
def test_the_check_in_is_a_lone_parents_own_look_at_the_week(world):
    for parent in lone_parents(world):
        client = client_for(parent)
        before = words(client.get("/checkin/"))
        assert_for_one(before)
        assert "How supported do I feel?" in before
        assert "How connected do we feel?" not in before
        assert "Your answers are yours alone" in before
        answers = {**SAM_ANSWERS, "sleep": 2, "connection": 2}
        saved = client.post("/checkin/answer/", answers)
        assert saved.status_code == 302
        after = words(client.get("/checkin/"))
        assert_for_one(after)
        assert "Your week beside the log" in after and "For your week" in after
        assert "Start with what went well this week" in after  # the solo opening, not "Each of us reads"
        assert "ask a helper for one protected stretch" in after  # sleep rated 2
        assert "You feel on your own." in after  # support rated 2
        assert "Let's" not in after
        added = client.post("/checkin/agreements/add/", {"text": "Ask Pat for Saturday night"}, follow=True)
        assert PLAN_ADDED in words(added)
        history = words(client.get("/checkin/history/"))
        assert_for_one(history)
        assert "How supported I feel" in history


@time_machine.travel(NOW, tick=False)
def test_a_us_household_reads_its_own_words_in_the_mood_prompt(world):
    client = client_for(world.robin)
    client.post("/checkin/answer/", {**SAM_ANSWERS, "mood": 1})
    page = words(client.get("/checkin/"))
    assert "talk to your doctor or nurse" in page
    assert "health visitor" not in page


@time_machine.travel(NOW, tick=False)
def test_two_parents_still_read_the_couples_words(world):
    client = client_for(world.alex)
    page = words(client.get("/checkin/"))
    assert "How connected do we feel?" in page
    assert "Your answers stay private until every parent has answered" in page
    assert "a protected block of sleep for each of you" in words(client.get("/"))
