"""A week at the calendar's ends (0001-W01, 9999-W52) is refused with a message, never a 500."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from rest_framework.test import APIClient

from twofold.conftest import client_for
from twofold.conftest import page_text as text
from twofold.insights.periods import FIRST_WEEK_YEAR, LAST_WEEK_YEAR, parse_iso_week

# Wednesday of ISO week 2026-W47.
NOW = dt.datetime(2026, 11, 18, 12, 0, tzinfo=ZoneInfo("Europe/London"))
FAR_WEEKS = ["0001-W01", "1999-W52", "9999-W52"]


@pytest.mark.parametrize("week", FAR_WEEKS)
def test_a_week_outside_the_years_twofold_knows_is_a_value_error_saying_which(week):
    with pytest.raises(ValueError, match=f"between {FIRST_WEEK_YEAR} and {LAST_WEEK_YEAR}"):
        parse_iso_week(week)


def test_the_first_and_last_years_still_parse():
    assert parse_iso_week(f"{FIRST_WEEK_YEAR}-W01") == dt.date.fromisocalendar(FIRST_WEEK_YEAR, 1, 1)
    assert parse_iso_week(f"{LAST_WEEK_YEAR}-W52") == dt.date.fromisocalendar(LAST_WEEK_YEAR, 52, 1)


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("week", FAR_WEEKS)
def test_the_insights_api_answers_400_under_week(world, week):
    client = APIClient(raise_request_exception=False)
    client.force_authenticate(world.alex.user)

    response = client.get("/api/v1/insights/", {"week": week})

    assert response.status_code == 400
    assert list(response.json()) == ["week"]
    assert f"between {FIRST_WEEK_YEAR} and {LAST_WEEK_YEAR}" in response.json()["week"][0]


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("page", ["home:us", "insights:summary"])
@pytest.mark.parametrize("week", FAR_WEEKS)
def test_the_us_page_and_its_summary_say_so_and_show_this_week(world, page, week):
    client = client_for(world.alex)
    client.raise_request_exception = False

    response = client.get(reverse(page) + f"?week={week}")

    assert response.status_code in {200, 400}
    assert f"between {FIRST_WEEK_YEAR} and {LAST_WEEK_YEAR}" in text(response)
