"""Gaps against a known log: the shares come from the insights module, and the sentences are exact."""

from __future__ import annotations

import html
from fractions import Fraction

import time_machine

from twofold.checkins.gaps import all_gaps, share_gap
from twofold.checkins.presenters import opened
from twofold.checkins.selectors import log_shares
from twofold.checkins.services import submit_checkin
from twofold.checkins.tests.helpers import ALEX_ANSWERS, NOW, SAM_ANSWERS, W47, known_week
from twofold.checkins.thresholds import NO_GAPS
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
    answers, _ = opened([alex, sam])
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
    # night 45 points (3x its threshold), fairness 2 and 8 (2x), sleep 3 and 7 (4/3), care 17 points
    # (17/15); mood 6 and 7 and connection 5 and 6 are left out.
    assert [g.subject for g in all_gaps(answers, log)] == ["night", "fairness", "sleep", "care"]


@time_machine.travel(NOW, tick=False)
def test_the_revealed_page_shows_the_same_sentences_beside_the_log(world):
    known_week(world)
    submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)
    submit_checkin(member=world.sam, answers=SAM_ANSWERS, now=NOW)
    page = client_for(world.sam).get("/checkin/").content.decode()
    assert "the log shows 75 % and 25 %." in page
    assert "Alex and Sam, you rated how fair the split feels 2 and 8 out of 10." in page
    assert "Together your estimates of the night wakings add up to 120 %." in page


@time_machine.travel(NOW, tick=False)
def test_the_revealed_page_leaves_out_answers_that_do_not_differ(world):
    known_week(world)
    submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)
    submit_checkin(member=world.sam, answers=SAM_ANSWERS, now=NOW)
    page = client_for(world.sam).get("/checkin/").content.decode()
    differ = page[page.index("Where your answers and the log differ") : page.index("For your talk")]
    assert "how connected you feel" not in differ and "your mood" not in differ
    assert differ.index("night wakings at 50 %") < differ.index("how fair the split feels")
    assert differ.index("your sleep") < differ.index("baby care at 60 %")


@time_machine.travel(NOW, tick=False)
def test_a_week_with_no_gaps_says_so(world):
    known_week(world)
    calm = {**ALEX_ANSWERS, "care_share": 50, "night_share": 75, "fairness": 7, "sleep": 7, "mood": 7}
    submit_checkin(member=world.alex, answers={**calm, "connection": 7}, now=NOW)
    submit_checkin(
        member=world.sam, answers={**SAM_ANSWERS, "care_share": 33, "night_share": 25, "fairness": 7}, now=NOW
    )
    page = html.unescape(client_for(world.sam).get("/checkin/").content.decode())
    assert NO_GAPS in page
    differ = page[page.index("Where your answers and the log differ") : page.index("For your talk")]
    assert "you rated" not in differ and "you estimated" not in differ
