"""The circle's rules as pure functions: who sees a request, its states and moves, tallies and sentences."""

from __future__ import annotations

import datetime as dt

from twofold.circle import rules
from twofold.circle.rules import Ask, Promise, PromiseState, RequestState, Viewer

H = dt.timedelta(hours=1)
START = dt.datetime(2026, 12, 12, 22, 0, tzinfo=dt.UTC)
NIGHT = Ask("night", START, START + 9 * H)
BEFORE, DURING, AFTER = START - 5 * H, START + H, START + 10 * H
PARENT, HELPER, OTHER = Viewer(1, True), Viewer(3, False), Viewer(4, False)
APART = Viewer(2, True, lives_apart=True)


def test_parents_see_every_request_and_helpers_only_those_shared_with_them():
    only_pat = Ask("meal", START, START + H, for_everyone=False, shown_to=frozenset({3}))
    assert rules.can_see(PARENT, only_pat)
    assert rules.can_see(HELPER, only_pat)
    assert not rules.can_see(OTHER, only_pat)
    assert rules.can_see(OTHER, NIGHT)
    # Someone who took it before the parent narrowed who sees it still sees what they promised.
    assert rules.can_see(OTHER, only_pat, [Promise(4)])


def test_a_request_is_open_then_taken_then_under_way_then_waits_to_be_marked():
    assert rules.request_state(NIGHT, [], BEFORE) is RequestState.OPEN
    assert rules.request_state(NIGHT, [Promise(3)], BEFORE) is RequestState.TAKEN
    assert rules.request_state(NIGHT, [Promise(3)], DURING) is RequestState.UNDER_WAY
    assert rules.request_state(NIGHT, [Promise(3)], AFTER) is RequestState.UNMARKED
    assert rules.request_state(NIGHT, [Promise(3, outcome="given")], AFTER) is RequestState.GIVEN
    assert rules.request_state(NIGHT, [Promise(3, outcome="not_given")], AFTER) is RequestState.NOT_GIVEN
    assert rules.request_state(NIGHT, [], AFTER) is RequestState.NOBODY
    assert rules.request_state(NIGHT, [Promise(3, dropped=True)], BEFORE) is RequestState.OPEN
    withdrawn = Ask("night", START, START + 9 * H, withdrawn=True)
    assert rules.request_state(withdrawn, [Promise(3)], BEFORE) is RequestState.WITHDRAWN


def test_two_helpers_asked_for_stay_open_until_both_take_it():
    two = Ask("evening", START, START + 3 * H, helpers_needed=2)
    assert rules.request_state(two, [Promise(3)], BEFORE) is RequestState.OPEN
    assert rules.take_problem(OTHER, two, [Promise(3)], BEFORE) is None
    assert rules.request_state(two, [Promise(3), Promise(4)], BEFORE) is RequestState.TAKEN
    assert rules.take_problem(Viewer(5, False), two, [Promise(3), Promise(4)], BEFORE) == rules.FULL


def test_care_logged_during_an_unmarked_promise_says_it_happened():
    assert rules.promise_state(Promise(3, care_logged=2), NIGHT, AFTER) is PromiseState.GIVEN
    assert rules.promise_state(Promise(3, care_logged=2, outcome="not_given"), NIGHT, AFTER) is (
        PromiseState.NOT_GIVEN
    )
    assert rules.promise_state(Promise(3), NIGHT, AFTER) is PromiseState.UNMARKED


def test_who_can_take_and_until_when():
    assert rules.take_problem(HELPER, NIGHT, [], BEFORE) is None
    assert rules.take_problem(APART, NIGHT, [], BEFORE) is None
    assert rules.take_problem(PARENT, NIGHT, [], BEFORE) == rules.NOT_A_HELPER
    assert rules.take_problem(HELPER, NIGHT, [], START) == rules.STARTED
    assert rules.take_problem(HELPER, NIGHT, [Promise(3)], BEFORE) == rules.ALREADY
    hidden = Ask("meal", START, START + H, for_everyone=False, shown_to=frozenset({4}))
    assert rules.take_problem(HELPER, hidden, [], BEFORE) == rules.NOT_SHOWN
    withdrawn = Ask("night", START, START + 9 * H, withdrawn=True)
    assert rules.take_problem(HELPER, withdrawn, [], BEFORE) == rules.WITHDRAWN


def test_giving_back_is_before_it_starts_and_marking_after():
    assert rules.drop_problem(Promise(3), NIGHT, BEFORE) is None
    assert rules.drop_problem(Promise(3), NIGHT, DURING) == rules.TOO_LATE_TO_DROP
    assert rules.drop_problem(None, NIGHT, BEFORE) == rules.NOT_TAKEN
    assert rules.mark_problem(HELPER, Promise(3), NIGHT, BEFORE) == rules.NOT_YET
    assert rules.mark_problem(HELPER, Promise(3), NIGHT, AFTER) is None
    assert rules.mark_problem(OTHER, Promise(3), NIGHT, AFTER) == rules.NOT_YOURS_TO_MARK
    assert rules.mark_problem(PARENT, Promise(3), NIGHT, AFTER) is None
    assert rules.mark_problem(PARENT, Promise(3, dropped=True), NIGHT, AFTER) == rules.DROPPED
    assert rules.withdraw_problem(HELPER, NIGHT, BEFORE) == rules.PARENTS_ONLY
    assert rules.withdraw_problem(PARENT, NIGHT, AFTER) == rules.ENDED


def test_a_taken_night_is_a_night_the_planner_puts_its_taker_on_duty_for():
    day = dt.date(2026, 12, 12)
    stretch = rules.planner_night("night", day, NIGHT, Promise(3))
    assert stretch == rules.AgreedStretch(3, day, START, START + 9 * H)
    assert rules.planner_night("night", day, NIGHT, Promise(3, dropped=True)) is None
    assert rules.planner_night("meal", None, Ask("meal", START, START + H), Promise(3)) is None


def test_tallies_count_what_was_taken_given_given_back_and_to_come():
    weeks = [
        Ask("night", START - dt.timedelta(days=d), START - dt.timedelta(days=d) + 9 * H) for d in (1, 3, 8)
    ]
    entries = [
        ("night", weeks[0], Promise(3, outcome="given")),
        ("night", weeks[1], Promise(3, care_logged=4)),
        ("night", weeks[2], Promise(3, outcome="not_given")),
        ("night", NIGHT, Promise(3)),
        ("meal", Ask("meal", START, START + H), Promise(4, dropped=True)),
    ]
    counts = rules.tally(entries, BEFORE)
    assert counts[(3, "night")] == rules.Counts(took=4, given=2, not_given=1, to_come=1, care_logged=4)
    assert counts[(4, "meal")] == rules.Counts(took=1, dropped=1)


def test_the_sentences_are_neutral():
    assert (
        rules.sentence("Grandma Jean", "night", rules.Counts(took=3, given=2, not_given=1))
        == "Grandma Jean took 3 nights in the last four weeks and did 2; 1 didn't happen."
    )
    assert (
        rules.sentence("Jo", "meal", rules.Counts(took=1, dropped=1), you=True)
        == "You took 1 meal in the last four weeks; 1 given back before it began."
    )
    assert rules.sentence("Pat", "night", rules.Counts(took=2, given=2, care_logged=1)).endswith(
        "They logged care once while helping."
    )


def test_a_standing_offer_fits_its_kind_on_its_days():
    assert rules.fits_offer("evening", "1", "evening", 1)
    assert not rules.fits_offer("evening", "1", "evening", 2)
    assert rules.fits_offer("night", "", "night", 5)
    assert not rules.fits_offer("meal", "", "night", 5)
