"""Plan against log, on hand-built nights: wakings at the very edges of shifts, and sleep against blocks."""

from __future__ import annotations

import datetime as dt

from twofold.insights.spans import CareSpan
from twofold.nights.against import Fit, compare, on_duty_at

from .build import ALEX, NIGHT, PAT, SAM, H, M

START = NIGHT.start  # 22:00 GMT
HANDOVER = START + 4.5 * H  # 02:30
SHIFTS = [(ALEX, START, HANDOVER), (SAM, HANDOVER, NIGHT.end)]
PLANNED = {ALEX: 4.5 * H, SAM: 4.5 * H}


def feed(member: int, at: dt.datetime, minutes: int = 20) -> CareSpan:
    return CareSpan(member, "feed", at, at + minutes * M)


def night(*spans: CareSpan, shifts=SHIFTS, now=NIGHT.end + H):
    return compare(list(spans), NIGHT, shifts=shifts, planned=PLANNED, now=now)


def test_a_waking_at_the_handover_belongs_to_the_next_shift():
    assert on_duty_at(SHIFTS, HANDOVER - M) == ALEX
    assert on_duty_at(SHIFTS, HANDOVER) == SAM
    compared = night(feed(SAM, HANDOVER))
    assert compared.wakings[0].on_duty == SAM
    assert compared.wakings[0].fit is Fit.AS_PLANNED


def test_a_waking_that_starts_in_one_shift_and_runs_into_the_next_stays_with_the_first():
    compared = night(feed(ALEX, HANDOVER - 5 * M, 30))
    assert compared.wakings[0].on_duty == ALEX
    assert compared.handled_in_own_shift(ALEX) == 1


def test_the_other_parent_getting_up_is_covered_and_counted_for_them():
    compared = night(feed(ALEX, START + 6 * H))
    assert compared.wakings[0].fit is Fit.COVERED
    assert compared.covered_for_others(ALEX) == 1
    assert compared.in_shift_of(SAM) == 1 and compared.handled_in_own_shift(SAM) == 0


def test_both_up_counts_as_planned_when_the_member_on_duty_took_part():
    # Breastfeeding: Sam on duty brings the baby and changes; Alex feeds for longer.
    compared = night(feed(ALEX, START + 5 * H, 30), CareSpan(SAM, "nappy", START + 5 * H + 2 * M))
    assert compared.wakings[0].handled_by == ALEX
    assert compared.wakings[0].fit is Fit.AS_PLANNED


def test_a_waking_outside_every_shift_is_named_so():
    compared = night(feed(PAT, START + H), shifts=[(SAM, HANDOVER, NIGHT.end)])
    assert compared.wakings[0].on_duty is None
    assert compared.wakings[0].fit is Fit.NO_SHIFT


def test_care_just_before_the_night_is_not_a_waking():
    compared = night(feed(ALEX, START - M))
    assert compared.wakings == ()


def test_sleep_against_the_planned_block():
    compared = night(feed(ALEX, START + H), feed(SAM, START + 6 * H))
    sleep = {s.member_id: s for s in compared.sleep}
    # Alex: up 23:00–23:20 plus the 15-minute allowance; the longest stretch is 23:35–07:00.
    assert sleep[ALEX].actual == 7 * H + 25 * M and sleep[ALEX].met
    # Sam: up 04:00–04:20 (+15): the longest stretch is 22:00–04:00, 6 h.
    assert sleep[SAM].actual == 6 * H and sleep[SAM].met


def test_a_night_still_going_says_so():
    assert not night(now=NIGHT.start + H).ended
    assert night().ended
