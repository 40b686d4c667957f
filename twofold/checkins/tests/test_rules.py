"""The check-in's pure rules, with plain values: when a check-in is open, the reveal, gaps and the guide."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest

from twofold.checkins.gaps import Answer, LogShares, all_gaps, over_100_sentence, rating_gap, share_gap
from twofold.checkins.guide import PROMPTS, talk_guide
from twofold.checkins.reveal import can_change, can_see, everyone_answered, is_revealed
from twofold.checkins.schedule import current_window, open_week, opening_offset, window
from twofold.checkins.trend import Rated, rating_chart, trend_rows

LONDON = ZoneInfo("Europe/London")
SUNDAY, MONDAY, THURSDAY, WEDNESDAY = 6, 0, 3, 2
W47 = dt.date(2026, 11, 16)  # Monday of 2026-W47


# --- schedule -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "offset"), [(THURSDAY, 3), (4, 4), (5, 5), (SUNDAY, 6), (MONDAY, 7), (1, 8), (WEDNESDAY, 9)]
)
def test_thursday_to_sunday_look_at_their_own_week_monday_to_wednesday_at_the_week_before(day, offset):
    assert opening_offset(day) == offset


def test_a_sunday_check_in_opens_on_sunday_and_closes_the_next_sunday_at_local_midnight():
    w = window(W47, SUNDAY, LONDON)
    assert w.opens_on == dt.date(2026, 11, 22)
    assert w.opens_at == dt.datetime(2026, 11, 22, 0, 0, tzinfo=dt.UTC)
    assert w.closes_at == dt.datetime(2026, 11, 29, 0, 0, tzinfo=dt.UTC)
    assert w.week_ends_at == dt.datetime(2026, 11, 23, 0, 0, tzinfo=dt.UTC)


def test_exactly_one_check_in_is_open_at_any_moment():
    # Saturday 21 November is before W47's Sunday: the open check-in is still W46's.
    assert open_week(dt.date(2026, 11, 21), SUNDAY) == W47 - dt.timedelta(weeks=1)
    assert open_week(dt.date(2026, 11, 22), SUNDAY) == W47
    assert open_week(dt.date(2026, 11, 28), SUNDAY) == W47
    # A Monday check-in day looks back on the week just ended.
    assert open_week(dt.date(2026, 11, 23), MONDAY) == W47
    assert open_week(dt.date(2026, 11, 22), MONDAY) == W47 - dt.timedelta(weeks=1)


def test_the_week_ends_at_the_next_check_in_day_in_the_household_zone():
    w = window(W47, SUNDAY, LONDON)
    assert not w.has_closed(dt.datetime(2026, 11, 28, 23, 59, 59, tzinfo=LONDON))
    assert w.has_closed(dt.datetime(2026, 11, 29, 0, 0, tzinfo=LONDON))
    new_york = window(W47, SUNDAY, ZoneInfo("America/New_York"))
    assert new_york.closes_at == dt.datetime(2026, 11, 29, 5, 0, tzinfo=dt.UTC)


def test_a_check_in_over_the_spring_clock_change_closes_at_local_midnight():
    # 2026-W13 (23-29 March): British Summer Time starts at 01:00 on Sunday 29 March.
    w13 = window(dt.date(2026, 3, 23), SUNDAY, LONDON)
    assert w13.opens_at == dt.datetime(2026, 3, 29, 0, 0, tzinfo=dt.UTC)  # still GMT at midnight
    assert w13.closes_at == dt.datetime(2026, 4, 4, 23, 0, tzinfo=dt.UTC)  # midnight BST on 5 April
    assert w13.closes_at - w13.opens_at == dt.timedelta(hours=167)
    just_after = dt.datetime(2026, 4, 4, 23, 30, tzinfo=dt.UTC)
    assert w13.has_closed(just_after)
    assert current_window(just_after, SUNDAY, LONDON).monday == dt.date(2026, 3, 30)


def test_a_check_in_over_the_autumn_clock_change_lasts_169_hours():
    # 2026-W43 (19-25 October) opens Sunday 25 October, the day the clocks go back.
    w43 = window(dt.date(2026, 10, 19), SUNDAY, LONDON)
    assert w43.opens_at == dt.datetime(2026, 10, 24, 23, 0, tzinfo=dt.UTC)
    assert w43.closes_at == dt.datetime(2026, 11, 1, 0, 0, tzinfo=dt.UTC)
    assert w43.closes_at - w43.opens_at == dt.timedelta(hours=169)


def test_a_day_outside_the_week_is_refused():
    with pytest.raises(ValueError, match="0 \\(Monday\\) to 6"):
        opening_offset(7)


# --- reveal ---------------------------------------------------------------------------------------------

CLOSES = dt.datetime(2026, 11, 29, tzinfo=dt.UTC)
BEFORE = CLOSES - dt.timedelta(days=1)


def test_nothing_is_revealed_until_every_current_parent_has_answered():
    assert not is_revealed(answered=[1], parents=[1, 2], closes_at=CLOSES, now=BEFORE)
    assert is_revealed(answered=[1, 2], parents=[1, 2], closes_at=CLOSES, now=BEFORE)


def test_the_end_of_the_check_in_reveals_whatever_was_answered():
    assert is_revealed(answered=[1], parents=[1, 2], closes_at=CLOSES, now=CLOSES)
    assert not is_revealed(
        answered=[1], parents=[1, 2], closes_at=CLOSES, now=CLOSES - dt.timedelta(seconds=1)
    )


def test_one_parent_sees_their_answers_at_once_and_three_parents_wait_for_all():
    assert is_revealed(answered=[1], parents=[1], closes_at=CLOSES, now=BEFORE)
    assert not is_revealed(answered=[1, 2], parents=[1, 2, 3], closes_at=CLOSES, now=BEFORE)
    assert is_revealed(answered=[1, 2, 3], parents=[1, 2, 3], closes_at=CLOSES, now=BEFORE)


def test_a_parent_who_left_does_not_hold_the_reveal_up():
    # Member 2 answered and then left: only 1 and 3 are current parents.
    assert is_revealed(answered=[1, 2, 3], parents=[1, 3], closes_at=CLOSES, now=BEFORE)
    assert everyone_answered(answered=[1], parents=[1])
    assert not everyone_answered(answered=[], parents=[])


def test_a_recorded_reveal_stays_when_a_new_parent_joins():
    assert is_revealed(answered=[1, 2], parents=[1, 2, 9], closes_at=CLOSES, now=BEFORE, recorded=True)


def test_an_answer_is_its_authors_alone_until_the_reveal_and_fixed_after():
    assert can_see(viewer=1, author=1, revealed=False)
    assert not can_see(viewer=2, author=1, revealed=False)
    assert can_see(viewer=2, author=1, revealed=True)
    assert can_change(revealed=False, closes_at=CLOSES, now=BEFORE)
    assert not can_change(revealed=True, closes_at=CLOSES, now=BEFORE)
    assert not can_change(revealed=False, closes_at=CLOSES, now=CLOSES)


# --- gaps -----------------------------------------------------------------------------------------------


def answer(member_id, name, care=50, night=50, fairness=5, sleep=5, mood=5, connection=5):
    return Answer(member_id, name, care, night, fairness, sleep, mood, connection)


ALEX = answer(1, "Alex", care=60, night=50, fairness=2, sleep=3, mood=6, connection=5)
SAM = answer(2, "Sam", care=50, night=70, fairness=8, sleep=7, mood=7, connection=6)
LOG = LogShares(care={1: Fraction(7, 10), 2: Fraction(3, 10)}, night={1: Fraction(1, 5), 2: Fraction(4, 5)})


def test_the_night_gap_names_both_estimates_and_the_log_neutrally():
    gap = share_gap("night", [ALEX, SAM], LOG)
    assert gap is not None
    assert gap.sentence == (
        "Alex and Sam, you estimated your share of the night wakings at 50 % and 70 %; "
        "the log shows 20 % and 80 %."
    )
    assert gap.size == 30 and gap.large


def test_ratings_are_set_side_by_side():
    gap = rating_gap("fairness", [ALEX, SAM])
    assert gap is not None
    assert gap.sentence == "Alex and Sam, you rated how fair the split feels 2 and 8 out of 10."
    assert gap.size == 6 and gap.large


def test_gaps_come_furthest_past_their_own_threshold_first():
    gaps = all_gaps([ALEX, SAM], LOG)
    # night 30 points (30/15 = 2), fairness spread 6 (6/3 = 2), care 20 points (20/15), sleep spread 4
    # (4/3); mood 6 and 7, connection 5 and 6: no real gap and no low rating, so left out.
    assert [(g.subject, g.weight) for g in gaps] == [
        ("night", 2),
        ("fairness", 2),
        ("care", Fraction(4, 3)),
        ("sleep", Fraction(4, 3)),
    ]


def test_mixed_kinds_are_ranked_by_how_far_past_their_threshold_not_by_their_units():
    alex = answer(1, "Alex", care=69, night=50, fairness=6, sleep=1, mood=3, connection=5)
    sam = answer(2, "Sam", care=31, night=50, fairness=7, sleep=7, mood=5, connection=5)
    log = LogShares(care={1: Fraction(1, 2), 2: Fraction(1, 2)}, night={1: Fraction(1, 2), 2: Fraction(1, 2)})
    gaps = all_gaps([alex, sam], log)
    # sleep: spread 6 is twice its threshold of 3 (and 1 is low: (10-1)/(10-4) = 1.5); care: 19 points,
    # 19/15 of its threshold, above mood, whose 2-point spread passes nothing but whose 3 is low: 7/6.
    assert [g.subject for g in gaps] == ["sleep", "care", "mood"]
    assert [g.weight for g in gaps] == [2, Fraction(19, 15), Fraction(7, 6)]
    # Equal answers (connection 5 and 5), a gap of 0 points (night) and a small spread with no low rating
    # (fairness 6 and 7) are not differences.
    assert all("5 and 5" not in g.sentence for g in gaps)


def test_a_gap_just_under_its_threshold_is_left_out_and_one_at_it_is_listed():
    log = LogShares(care={1: Fraction(1, 2)}, night={1: Fraction(1, 2)})
    under = answer(1, "Alex", care=64, night=50, fairness=5, sleep=5, mood=5, connection=5)
    at = answer(1, "Alex", care=65, night=50, fairness=5, sleep=5, mood=4, connection=5)
    assert all_gaps([under], log) == []
    assert [g.subject for g in all_gaps([at], log)] == ["care", "mood"]


def test_a_share_with_nothing_logged_is_not_listed_as_a_gap():
    alone = answer(1, "Alex", care=90, night=90, fairness=5, sleep=5, mood=5, connection=5)
    assert all_gaps([alone], LogShares(care=None, night=None)) == []


def test_a_week_with_no_wakings_says_there_is_nothing_to_compare():
    gap = share_gap("night", [ALEX], LogShares(care=None, night=None))
    assert gap is not None
    assert gap.sentence == (
        "You estimated your share of the night wakings at 50 %; no night wakings were logged that week, "
        "so there is nothing to set it beside."
    )
    assert gap.size == 0


def test_estimates_that_add_up_to_more_than_100_are_named_as_common():
    assert over_100_sentence("night", [ALEX, SAM]) == (
        "Together your estimates of the night wakings add up to 120 %. That is common: each of us remembers "
        "our own part more easily than the other's."
    )
    assert over_100_sentence("care", [ALEX, SAM]) == (
        "Together your estimates of the care add up to 110 %. That is common: each of us remembers our own "
        "part more easily than the other's."
    )
    assert over_100_sentence("night", [ALEX]) is None


# --- guide ----------------------------------------------------------------------------------------------


def test_the_guide_opens_warmly_follows_the_largest_gaps_and_ends_with_an_agreement():
    prompts = talk_guide(all_gaps([ALEX, SAM], LOG), [ALEX, SAM])
    keys = [p.key for p in prompts]
    assert keys[0] == "appreciate" and keys[1] == "gentle_start" and keys[-1] == "agree"
    # Each weighed by how far past its own threshold it is, as the page's list of gaps is: the night gap
    # of 30 points is 30/15 = 2 and the fairness spread of 6 is 6/3 = 2 (a tie, kept in the guide's own
    # order); the care gap of 20 points and fairness rated 2, (10-2)/(10-4), are both 4/3, and the care
    # gap comes first in the guide's order; sleep rated 3 is 7/6.
    assert keys[2:-1] == ["night_gap", "expectations", "care_gap"]


def test_a_calm_week_gets_a_short_steady_guide():
    calm = [answer(1, "Alex", care=50, night=50, fairness=8, sleep=7, mood=8, connection=8)]
    log = LogShares(care={1: Fraction(1, 2)}, night={1: Fraction(1, 2)})
    assert [p.key for p in talk_guide(all_gaps(calm, log), calm)] == ["appreciate", "steady", "agree"]


def test_every_prompt_cites_evidence_and_never_blames():
    for prompt in PROMPTS.values():
        assert prompt.source.startswith("EVIDENCE.md"), prompt.key
        words = prompt.text.lower()
        for blaming in ("your fault", "you never", "you always", "lazy", "mum", "dad", "mother", "father"):
            assert blaming not in words, (prompt.key, blaming)


# --- trend ----------------------------------------------------------------------------------------------


def test_the_trend_table_has_a_row_per_parent_per_revealed_week_oldest_first():
    rated = [
        Rated(W47, 1, "Alex", 3, 2, 4, 5),
        Rated(W47 - dt.timedelta(weeks=1), 2, "Sam", 7, 6, 6, 6),
        Rated(W47 - dt.timedelta(weeks=1), 1, "Alex", 2, 2, 3, 4),
    ]
    rows = trend_rows(rated)
    assert [(r.week, r.name, r.cells) for r in rows] == [
        ("2026-W46", "Alex", (2, 2, 3, 4)),
        ("2026-W46", "Sam", (7, 6, 6, 6)),
        ("2026-W47", "Alex", (3, 2, 4, 5)),
    ]
    chart = rating_chart(rated, "fairness", [(1, "Alex"), (2, "Sam")])
    assert [line.name for line in chart.lines] == ["Alex", "Sam"]
    assert len(chart.lines[0].dots) == 2 and len(chart.lines[1].dots) == 1
    assert chart.lines[1].dots[0][2] == "Sam, 2026-W46: 7 out of 10"
