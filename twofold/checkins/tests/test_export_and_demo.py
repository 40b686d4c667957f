"""Check-ins in the household export, and in the demo household."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import time_machine
from django.utils import timezone

from twofold.care import demo as care_demo
from twofold.checkins import demo as checkins_demo
from twofold.checkins.export import export_section
from twofold.checkins.models import Agreement, AgreementReview, Checkin
from twofold.checkins.selectors import current_state, log_shares
from twofold.checkins.services import add_agreement, review_agreement, submit_checkin
from twofold.checkins.tests.helpers import ALEX_ANSWERS, NEXT_WEEK, NOW, SAM_ANSWERS
from twofold.checkins.thresholds import LARGE_SHARE_GAP
from twofold.households.demo import make_demo_family


@time_machine.travel(NOW, tick=False)
def test_the_export_has_revealed_check_ins_and_agreements_but_no_unrevealed_answer(world):
    submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)
    submit_checkin(member=world.sam, answers=SAM_ANSWERS, now=NOW)
    agreement = add_agreement(member=world.sam, text="I do the bath", now=NOW)
    with time_machine.travel(NEXT_WEEK, tick=False):
        review_agreement(member=world.alex, agreement=agreement, outcome="partly", now=NEXT_WEEK)
        submit_checkin(
            member=world.alex, answers={**ALEX_ANSWERS, "needed": "unrevealed-need"}, now=NEXT_WEEK
        )
        section = export_section(world.alex.household)

    assert section["checkin_day"] == "Sunday"
    assert [w["week"] for w in section["weeks"]] == ["2026-W47"]
    assert [a["by"]["name"] for a in section["weeks"][0]["answers"]] == ["Alex", "Sam"]
    assert section["weeks"][0]["answers"][1]["night_share"] == 70
    assert section["agreements"] == [
        {
            "id": agreement.pk,
            "week": "2026-W47",
            "by": {"id": world.sam.pk, "name": "Sam"},
            "text": "I do the bath",
            "created_at": "2026-11-22T12:00:00Z",
            "reviews": [],
        }
    ]
    assert "unrevealed-need" not in str(section)


def demo_family(*, weeks: int, now: dt.datetime):
    """The demo's people and log, then the check-in section on top, as home/demo.py runs them."""
    family = make_demo_family(weeks=weeks, children=1, seed=1, now=now)
    care_demo.add_to_demo(family)
    checkins_demo.add_to_demo(family)
    return family


def test_the_demo_has_past_revealed_weeks_and_an_open_unanswered_check_in(db):
    now = timezone.now()
    demo = demo_family(weeks=6, now=now)
    alex, sam = demo.members["alex"], demo.members["sam"]
    household = demo.household
    state = current_state(household=household, now=now)
    assert state.answers == []
    assert Checkin.objects.filter(household=household).count() == 6
    last_week = state.monday - dt.timedelta(weeks=1)
    assert Agreement.objects.filter(household=household, week=last_week).count() == 2
    assert AgreementReview.objects.filter(agreement__household=household).count() == 4
    assert Checkin.objects.get(member=alex, week=last_week).revealed_at is not None
    # The perception gap the demo shows, every past week: Sam's night estimate is well above the log's
    # share, and each parent puts their own shares at or above the log's.
    for back in (1, 2, 3):
        week = state.monday - dt.timedelta(weeks=back)
        log = log_shares(household=household, monday=week, now=now)
        assert log.night is not None and log.care is not None
        sam_said = Checkin.objects.get(member=sam, week=week).answers
        assert sam_said.night_share - round(float(log.night[sam.pk]) * 100) >= LARGE_SHARE_GAP + 10
        for member in (alex, sam):
            said = Checkin.objects.get(member=member, week=week).answers
            assert said.care_share >= round(float(log.care[member.pk]) * 100)
            assert said.night_share >= round(float(log.night[member.pk]) * 100)
            assert said.care_share % 5 == said.night_share % 5 == 0


def test_a_demo_younger_than_the_check_ins_has_only_the_weeks_since_the_birth(db):
    now = timezone.now()
    demo = demo_family(weeks=1, now=now)
    weeks = set(Checkin.objects.filter(household=demo.household).values_list("week", flat=True))
    born = demo.children[0].birth_date
    # At most the week of the birth can have passed its check-in: none is dated before the log.
    assert len(weeks) <= 1
    assert all(week >= born - dt.timedelta(days=born.weekday()) for week in weeks)


def test_an_estimate_is_above_the_log_in_fives_or_the_usual_answer_without_a_log():
    assert checkins_demo.estimate(Fraction(12, 100), over=25, usual=45) == 40
    assert checkins_demo.estimate(Fraction(1, 3), over=0, usual=45) == 35
    assert checkins_demo.estimate(Fraction(95, 100), over=20, usual=45) == 100
    assert checkins_demo.estimate(None, over=20, usual=45) == 45
