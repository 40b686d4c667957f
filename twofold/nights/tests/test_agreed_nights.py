"""A night someone agreed to (a taken circle request) and a parent living apart, in the planner's request."""

from __future__ import annotations

import datetime as dt

from twofold.nights import planner
from twofold.nights.ask import Preference, Someone, request_for
from twofold.nights.plans import Fairness, Feeding

from .build import LONDON, NIGHT, SEVEN, TEN, local, quiet

ALEX, SAM, PAT = 1, 2, 3
PEOPLE = (Someone(ALEX, "Alex", "parent"), Someone(SAM, "Sam", "parent"), Someone(PAT, "Pat", "helper"))


def _request(people=PEOPLE, agreed=None, prefs=None):
    return request_for(
        NIGHT,
        zone=LONDON,
        window=(TEN, SEVEN),
        people=people,
        prefs=prefs or {},
        feeding=Feeding.BOTTLE,
        feeder_id=None,
        fairness=Fairness.EVEN,
        agreed=agreed,
    )


def test_a_helper_who_took_the_night_is_on_duty_all_of_it():
    request = _request(agreed={PAT: (NIGHT.start, NIGHT.end)})
    assert request.helper_night
    plan = planner.plan_night(request, quiet())
    assert [(s.member_id, local(s.start), local(s.end)) for s in plan.shifts] == [(PAT, "22:00", "07:00")]


def test_a_helper_who_took_part_of_the_night_is_on_duty_for_that_part():
    two = NIGHT.start + dt.timedelta(hours=4)
    plan = planner.plan_night(_request(agreed={PAT: (NIGHT.start, two)}), quiet())
    assert (plan.shifts[0].member_id, local(plan.shifts[0].start), local(plan.shifts[0].end)) == (
        PAT,
        "22:00",
        "02:00",
    )
    assert {s.member_id for s in plan.shifts[1:]} <= {ALEX, SAM}


def test_other_helpers_who_offer_nights_stay_off_a_night_someone_else_agreed():
    people = (*PEOPLE, Someone(4, "Jo", "helper"))
    request = _request(people, agreed={PAT: (NIGHT.start, NIGHT.end)}, prefs={4: Preference()})
    assert [p.member_id for p in request.people if not p.is_parent] == [PAT]


def test_a_parent_living_apart_is_off_duty_at_home_unless_they_agreed_the_night():
    people = (Someone(ALEX, "Alex", "parent"), Someone(SAM, "Sam", "parent", lives_apart=True))
    plain = _request(people)
    assert [p.member_id for p in plain.people] == [ALEX]
    assert {s.member_id for s in planner.plan_night(plain, quiet()).shifts} == {ALEX}
    agreed = _request(people, agreed={SAM: (NIGHT.start, NIGHT.end)})
    assert {s.member_id for s in planner.plan_night(agreed, quiet()).shifts} == {SAM}


def test_a_household_whose_every_parent_lives_apart_still_plans_for_them():
    people = (Someone(SAM, "Sam", "parent", lives_apart=True),)
    assert [p.member_id for p in _request(people).people] == [SAM]


def test_someone_who_agreed_and_has_left_is_not_planned_for():
    request = _request(agreed={99: (NIGHT.start, NIGHT.end)}, prefs={PAT: Preference()})
    assert not request.helper_night
    assert [p.member_id for p in request.people] == [ALEX, SAM, PAT]
