"""A new household's first check-in looks back on the week it was made, never on a week before it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from twofold.checkins.schedule import current_window, first_week
from twofold.checkins.today import today_context
from twofold.conftest import client_for, make_user
from twofold.households.services import create_household

LONDON = ZoneInfo("Europe/London")
TUESDAY = dt.datetime(2026, 11, 17, 10, 0, tzinfo=LONDON)  # made on Tuesday of week 47
SUNDAY = 6


def test_before_its_first_check_in_day_a_household_waits_for_its_own_week():
    first = first_week(TUESDAY, LONDON)
    assert first == dt.date(2026, 11, 16)
    # Without a first week, Tuesday would open the check-in of the week before (9-15 November).
    assert current_window(TUESDAY, SUNDAY, LONDON).monday == dt.date(2026, 11, 9)
    waiting = current_window(TUESDAY, SUNDAY, LONDON, first)
    assert waiting.monday == first and not waiting.is_open(TUESDAY)
    sunday = dt.datetime(2026, 11, 22, 9, 0, tzinfo=LONDON)
    assert current_window(sunday, SUNDAY, LONDON, first).is_open(sunday)


@pytest.mark.django_db
def test_a_new_family_is_told_when_its_first_check_in_opens_and_today_does_not_nag():
    with time_machine.travel(TUESDAY, tick=False):
        alex = create_household(user=make_user("alex@example.com"), name="Alex and Sam", display_name="Alex")
        page = client_for(alex).get("/checkin/")
        text = " ".join(page.content.decode().split())
        assert (
            "Your first check-in opens on Sunday 22 November and looks back on your first week here" in text
        )
        assert "week of 16 Nov to 22 Nov" in text
        assert 'action="/checkin/answer/"' not in text
        assert today_context(member=alex, now=TUESDAY) == {}
