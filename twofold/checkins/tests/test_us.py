"""The check-in part of the Us page: two compiled queries, and exactly what the check-in page's own rule
(WeekState, reveal.py) lets each parent see, in every state of the week."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from twofold.checkins import presenters
from twofold.checkins.models import CheckinSettings, Weekday
from twofold.checkins.selectors import agreements_of, week_state
from twofold.checkins.services import add_agreement, review_agreement, set_checkin_day, submit_checkin
from twofold.checkins.tests.helpers import ALEX_ANSWERS, NOW, SAM_ANSWERS, W47, known_week, text
from twofold.checkins.us import us_context
from twofold.conftest import client_for, join
from twofold.households.models import Role
from twofold.households.services import leave_household
from twofold.insights.selectors import week_report_for

W46 = W47 - dt.timedelta(weeks=1)


def shown(member, now, monday=W47):
    """What us_context gives, as plain values."""
    report = week_report_for(household=member.household, monday=monday, now=now)
    context = us_context(member=member, report=report, now=now)
    return {
        "revealed": context["revealed"],
        "answered": context["answered"],
        "names": [a.name for a in context["answers"]],
        "rows": [(r.label, r.cells) for r in context["rows"]],
        "agreements": [(a.author, a.text, a.reviews) for a in context["agreements"]],
    }


def expected(member, now, monday=W47):
    """The same, worked out the check-in page's way: WeekState and the ORM."""
    state = week_state(household=member.household, monday=monday, now=now)
    answers = presenters.opened(state.visible_to(member))[0] if state.revealed else []
    agreements = presenters.agreement_rows(
        agreements_of(household=member.household, monday=monday - dt.timedelta(weeks=1)),
        viewer=member,
        reviews_revealed=state.revealed,
        changeable=False,
    )
    return {
        "revealed": state.revealed,
        "answered": state.own(member) is not None,
        "names": [a.name for a in answers],
        "rows": [(r.label, r.cells) for r in presenters.side_by_side(answers, None)] if answers else [],
        "agreements": [(a.author, a.text, a.reviews) for a in agreements],
    }


@pytest.fixture
def agreed(world):
    """Agreements made in W46's check-in, for W47: Sam's reviewed by Alex, Alex's reviewed by nobody."""
    with time_machine.travel(NOW - dt.timedelta(weeks=1), tick=False):
        sams = add_agreement(member=world.sam, text="I take the 2 a.m. feed on Monday")
        add_agreement(member=world.alex, text="I do the bath on Tuesday")
    review_agreement(member=world.alex, agreement=sams, outcome="not_kept", now=NOW)
    return sams


@time_machine.travel(NOW, tick=False)
def test_every_state_of_the_week_shows_what_the_check_in_page_would(world, agreed):
    known_week(world)
    for member in (world.alex, world.sam):
        assert shown(member, NOW) == expected(member, NOW)
        assert not shown(member, NOW)["revealed"]

    submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)
    alex, sam = shown(world.alex, NOW), shown(world.sam, NOW)
    assert alex == expected(world.alex, NOW) and sam == expected(world.sam, NOW)
    assert alex["answered"] and not sam["answered"] and sam["names"] == [] and sam["rows"] == []
    # Alex sees her own review of Sam's agreement; Sam does not see it until the reveal.
    assert alex["agreements"][0] == ("Sam", "I take the 2 a.m. feed on Monday", ("Alex: not kept",))
    assert sam["agreements"] == [
        ("Sam", "I take the 2 a.m. feed on Monday", ()),
        ("Alex", "I do the bath on Tuesday", ()),
    ]

    submit_checkin(member=world.sam, answers=SAM_ANSWERS, reviews={agreed.pk: "partly"}, now=NOW)
    for member in (world.alex, world.sam):
        both = shown(member, NOW)
        assert both == expected(member, NOW)
        assert both["revealed"] and both["names"] == ["Alex", "Sam"]
        assert both["rows"][0] == ("My share of the baby care", ("60 %", "50 %"))
        assert both["agreements"][0][2] == ("Alex: not kept", "Sam: partly kept")


@time_machine.travel(NOW, tick=False)
def test_the_household_check_in_day_decides_when_an_answer_is_shown(world):
    set_checkin_day(member=world.alex, day=Weekday.THURSDAY)  # W47's check-in: Thursday 19 to Thursday 26
    submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)
    friday = NOW + dt.timedelta(days=5)
    assert shown(world.sam, friday) == expected(world.sam, friday)
    assert shown(world.sam, friday)["names"] == ["Alex"]  # closed, so shown

    CheckinSettings.objects.all().delete()  # back to Sunday: W47's check-in is still open on Friday
    assert shown(world.sam, friday) == expected(world.sam, friday)
    assert shown(world.sam, friday)["names"] == []


@time_machine.travel(NOW, tick=False)
def test_a_parent_who_left_keeps_their_name_and_does_not_hold_the_reveal_up(world):
    jo = join(world.alex, "jo@example.com", "Jo", Role.PARENT)
    submit_checkin(member=jo, answers=SAM_ANSWERS, now=NOW)
    submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)
    assert shown(world.alex, NOW)["names"] == []  # Sam has not answered
    leave_household(member=jo)
    submit_checkin(member=world.sam, answers=SAM_ANSWERS, now=NOW)
    assert shown(world.alex, NOW) == expected(world.alex, NOW)
    assert sorted(shown(world.alex, NOW)["names"]) == ["Alex", "Jo", "Sam"]


@time_machine.travel(NOW, tick=False)
def test_helpers_get_nothing_and_households_stay_apart(world):
    submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)
    report = week_report_for(household=world.pat.household, monday=W47, now=NOW)
    assert us_context(member=world.pat, report=report, now=NOW) == {}
    # Robin's household has one parent: its answers are shown at once.
    submit_checkin(member=world.robin, answers=SAM_ANSWERS, now=NOW)
    assert shown(world.robin, NOW)["names"] == ["Robin"] == expected(world.robin, NOW)["names"]
    assert shown(world.alex, NOW)["names"] == []  # no other household's answers, ever


@time_machine.travel(NOW, tick=False)
def test_the_check_in_part_of_us_takes_two_queries(world, agreed):
    submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)
    submit_checkin(member=world.sam, answers=SAM_ANSWERS, reviews={agreed.pk: "kept"}, now=NOW)
    report = week_report_for(household=world.alex.household, monday=W47, now=NOW)
    world.alex.household  # noqa: B018  (loaded by the middleware on a real request)
    with CaptureQueriesContext(connection) as queries:
        us_context(member=world.alex, report=report, now=NOW)
    assert len(queries) == 2


@time_machine.travel(NOW, tick=False)
def test_the_us_page_shows_the_revealed_answers_with_names(world):
    submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)
    submit_checkin(member=world.sam, answers=SAM_ANSWERS, now=NOW)
    page = text(client_for(world.sam).get("/us/?week=2026-W47"))
    assert '<th scope="col">Alex</th><th scope="col">Sam</th>' in page
    assert '<td data-label="Alex">2 / 10</td><td data-label="Sam">8 / 10</td>' in page
