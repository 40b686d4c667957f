"""Each routing case as a pure function: who a reminder reaches at one instant."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from twofold.reminders.routing import Household, Person, Stretch, Tonight, recipients
from twofold.reminders.topics import Topic

LONDON = ZoneInfo("Europe/London")
HOME = Household(zone=LONDON, night_start=dt.time(22, 0), night_end=dt.time(7, 0))
ALL = frozenset(Topic)
ALEX, SAM, PAT = 1, 2, 3


def at(day: int, hour: int, minute: int = 0, month: int = 12) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=LONDON)


def person(member_id: int, **kwargs) -> Person:
    return Person(member_id=member_id, topics=kwargs.pop("topics", ALL), **kwargs)


PARENTS = (person(ALEX), person(SAM))
# Alex on until 02:30, Sam from 02:30; each sleeps in the other's shift.
SPLIT = Tonight(
    shifts=(Stretch(ALEX, at(5, 22), at(6, 2, 30)), Stretch(SAM, at(6, 2, 30), at(6, 7))),
    protected=(Stretch(SAM, at(5, 22, 30), at(6, 2, 30)), Stretch(ALEX, at(6, 2, 30), at(6, 7))),
)


def test_in_the_night_a_baby_reminder_goes_only_to_whoever_is_on_shift():
    assert recipients(Topic.FEED, at(6, 1), HOME, PARENTS, SPLIT) == (ALEX,)
    assert recipients(Topic.MEDICINE, at(6, 4), HOME, PARENTS, SPLIT) == (SAM,)


def test_at_the_minute_a_shift_changes_the_one_coming_on_gets_it():
    assert recipients(Topic.TIMER, at(6, 2, 29), HOME, PARENTS, SPLIT) == (ALEX,)
    assert recipients(Topic.TIMER, at(6, 2, 30), HOME, PARENTS, SPLIT) == (SAM,)


def test_a_plan_edited_by_hand_routes_by_its_new_shifts():
    edited = Tonight(
        shifts=(Stretch(ALEX, at(5, 22), at(6, 4)), Stretch(SAM, at(6, 4), at(6, 7))),
        protected=(Stretch(SAM, at(5, 22, 30), at(6, 4)), Stretch(ALEX, at(6, 4), at(6, 7))),
    )
    assert recipients(Topic.FEED, at(6, 3), HOME, PARENTS, SPLIT) == (SAM,)
    assert recipients(Topic.FEED, at(6, 3), HOME, PARENTS, edited) == (ALEX,)


def test_a_parent_in_their_protected_block_gets_nothing_they_did_not_ask_for():
    assert recipients(Topic.SHIFT, at(6, 1), HOME, PARENTS, SPLIT) == (ALEX,)
    asked = (person(ALEX), person(SAM, in_my_block=frozenset({Topic.MEDICINE})))
    assert recipients(Topic.MEDICINE, at(6, 1), HOME, asked, SPLIT) == (ALEX, SAM)
    assert recipients(Topic.FEED, at(6, 1), HOME, asked, SPLIT) == (ALEX,)


def test_outside_the_night_window_everyone_who_wants_it_gets_it():
    assert recipients(Topic.FEED, at(6, 14), HOME, PARENTS, SPLIT) == (ALEX, SAM)


def test_with_no_plan_the_night_goes_to_those_who_chose_night_reminders():
    people = (person(ALEX, night_reminders=False), person(SAM))
    assert recipients(Topic.FEED, at(6, 3), HOME, people, None) == (SAM,)
    assert recipients(Topic.FEED, at(6, 12), HOME, people, None) == (ALEX, SAM)


def test_a_gap_in_the_plan_falls_back_to_night_reminders_but_never_into_a_block():
    gap = Tonight(
        shifts=(Stretch(ALEX, at(5, 22), at(6, 1)),), protected=(Stretch(SAM, at(5, 22), at(6, 5)),)
    )
    assert recipients(Topic.FEED, at(6, 3), HOME, PARENTS, gap) == (ALEX,)


def test_a_helpers_night_wakes_the_helper_and_neither_parent():
    people = (*PARENTS, person(PAT))
    helper = Tonight(
        shifts=(Stretch(PAT, at(5, 22), at(6, 7)),),
        protected=(Stretch(ALEX, at(5, 22), at(6, 6)), Stretch(SAM, at(5, 23), at(6, 7))),
    )
    assert recipients(Topic.FEED, at(6, 3), HOME, people, helper) == (PAT,)
    assert recipients(Topic.SHIFT, at(6, 3), HOME, people, helper) == (PAT,)


def test_a_lone_parent_gets_every_reminder_with_or_without_a_plan():
    lone = (person(ALEX),)
    alone = Tonight(shifts=(Stretch(ALEX, at(5, 22), at(6, 7)),), protected=())
    assert recipients(Topic.FEED, at(6, 3), HOME, lone, None) == (ALEX,)
    assert recipients(Topic.FEED, at(6, 3), HOME, lone, alone) == (ALEX,)


def test_a_clock_change_moves_no_shift_boundary():
    # 25 October 2026: the clocks go back at 02:00 BST; 01:30 happens twice. A shift change at 01:30 GMT
    # (the second 01:30) is an instant: the first 01:30 (BST) is still Alex's.
    change = dt.datetime(2026, 10, 25, 1, 30, tzinfo=dt.UTC)
    plan = Tonight(
        shifts=(
            Stretch(ALEX, dt.datetime(2026, 10, 24, 21, tzinfo=dt.UTC), change),
            Stretch(SAM, change, dt.datetime(2026, 10, 25, 7, tzinfo=dt.UTC)),
        )
    )
    first = dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)  # 01:30 BST
    assert first.astimezone(LONDON).strftime("%H:%M") == change.astimezone(LONDON).strftime("%H:%M")
    assert recipients(Topic.FEED, first, HOME, PARENTS, plan) == (ALEX,)
    assert recipients(Topic.FEED, change, HOME, PARENTS, plan) == (SAM,)


def test_the_night_window_is_read_on_the_household_clock_across_a_clock_change():
    # 29 March 2026: 06:30 BST is 05:30 UTC, inside the night; 07:30 BST is 06:30 UTC, outside it.
    people = (person(ALEX, night_reminders=False), person(SAM))
    inside = dt.datetime(2026, 3, 29, 5, 30, tzinfo=dt.UTC)
    outside = dt.datetime(2026, 3, 29, 6, 30, tzinfo=dt.UTC)
    assert recipients(Topic.FEED, inside, HOME, people, None) == (SAM,)
    assert recipients(Topic.FEED, outside, HOME, people, None) == (ALEX, SAM)


def test_quiet_hours_pause_and_topics_turned_off_silence_a_member():
    people = (
        person(ALEX, quiet=(dt.time(13, 0), dt.time(15, 0))),
        person(SAM, paused_until=at(6, 18)),
        person(PAT, topics=frozenset({Topic.SHIFT})),
    )
    assert recipients(Topic.FEED, at(6, 14), HOME, people, None) == ()
    assert recipients(Topic.FEED, at(6, 15), HOME, people, None) == (ALEX,)
    assert recipients(Topic.FEED, at(6, 18), HOME, people, None) == (ALEX, SAM)


def test_the_check_in_and_a_screening_offer_never_go_out_at_night():
    assert recipients(Topic.CHECKIN, at(6, 3), HOME, PARENTS, None) == ()
    assert recipients(Topic.SCREENING, at(6, 23), HOME, PARENTS, None) == ()
    assert recipients(Topic.CHECKIN, at(6, 10), HOME, PARENTS, None) == (ALEX, SAM)
