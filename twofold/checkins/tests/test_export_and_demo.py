"""Check-ins in the household export, and in the demo household."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.utils import timezone

from twofold.care.demo import create_demo_household
from twofold.checkins.export import export_section
from twofold.checkins.models import Agreement, AgreementReview, Checkin
from twofold.checkins.selectors import current_state, log_shares
from twofold.checkins.services import add_agreement, review_agreement, submit_checkin
from twofold.checkins.tests.helpers import ALEX_ANSWERS, NEXT_WEEK, NOW, SAM_ANSWERS


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


def test_the_demo_has_past_revealed_weeks_and_an_open_unanswered_check_in(db):
    now = timezone.now()
    demo = create_demo_household(weeks=6, now=now)
    alex, sam = demo.members["alex"], demo.members["sam"]
    household = demo.household
    state = current_state(household=household, now=now)
    assert state.answers == []
    assert Checkin.objects.filter(household=household).count() == 6
    last_week = state.monday - dt.timedelta(weeks=1)
    assert Agreement.objects.filter(household=household, week=last_week).count() == 2
    assert AgreementReview.objects.filter(agreement__household=household).count() == 4
    # The perception gap the demo shows: Sam's night estimate is well above the log's share.
    sam_last = Checkin.objects.get(member=sam, week=last_week)
    log = log_shares(household=household, monday=last_week, now=now)
    assert log.night is not None
    assert sam_last.night_share - round(float(log.night[sam.pk]) * 100) >= 15
    assert Checkin.objects.get(member=alex, week=last_week).revealed_at is not None
