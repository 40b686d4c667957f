"""Gaps against a known log: the shares come from the insights module, and the sentences are exact."""

from __future__ import annotations

from fractions import Fraction

import time_machine

from twofold.checkins.gaps import all_gaps, share_gap
from twofold.checkins.selectors import answer_of, log_shares
from twofold.checkins.services import submit_checkin
from twofold.checkins.tests.helpers import ALEX_ANSWERS, NOW, SAM_ANSWERS, W47, known_week
from twofold.conftest import client_for


@time_machine.travel(NOW, tick=False)
def test_the_logs_shares_are_the_insights_shares_of_the_week(world):
    known_week(world)
    log = log_shares(household=world.alex.household, monday=W47, now=NOW)
    assert log.night == {world.alex.pk: Fraction(3, 4), world.sam.pk: Fraction(1, 4), world.pat.pk: 0}
    assert log.care == {
        world.alex.pk: Fraction(1, 2),
        world.sam.pk: Fraction(1, 3),
        world.pat.pk: Fraction(1, 6),
    }


@time_machine.travel(NOW, tick=False)
def test_the_gap_sentences_give_the_exact_percentages(world):
    known_week(world)
    alex = submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)
    sam = submit_checkin(member=world.sam, answers=SAM_ANSWERS, now=NOW)
    alex.member, sam.member = world.alex, world.sam
    answers = [answer_of(alex), answer_of(sam)]
    log = log_shares(household=world.alex.household, monday=W47, now=NOW)

    night = share_gap("night", answers, log)
    care = share_gap("care", answers, log)
    assert night is not None and care is not None
    assert night.sentence == (
        "Alex and Sam, you estimated your share of the night wakings at 50 % and 70 %; "
        "the log shows 75 % and 25 %."
    )
    assert night.size == 45
    assert care.sentence == (
        "Alex and Sam, you estimated your share of the baby care at 60 % and 50 %; "
        "the log shows 50 % and 33 %."
    )
    assert care.size == 17
    assert [g.subject for g in all_gaps(answers, log)][:2] == ["fairness", "night"]


@time_machine.travel(NOW, tick=False)
def test_the_revealed_page_shows_the_same_sentences_beside_the_log(world):
    known_week(world)
    submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)
    submit_checkin(member=world.sam, answers=SAM_ANSWERS, now=NOW)
    page = client_for(world.sam).get("/checkin/").content.decode()
    assert "the log shows 75 % and 25 %." in page
    assert "Alex and Sam, you rated how fair the split feels 2 and 8 out of 10." in page
    assert "Together your estimates of the night wakings add up to 120 %." in page
