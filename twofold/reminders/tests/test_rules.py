"""The pure rules: a medicine's next dose, a feed's interval, a long timer, and the words they use."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from twofold.reminders import feeds, medicine, timers, words

T0 = dt.datetime(2026, 12, 6, 8, 0, tzinfo=dt.UTC)
H = dt.timedelta(hours=1)
LONDON = ZoneInfo("Europe/London")


def test_the_next_dose_is_allowed_after_the_gap_the_parent_entered():
    dose = medicine.next_dose([T0, T0 - 6 * H], 4 * H, 4)
    assert dose == medicine.NextDose(allowed_from=T0 + 4 * H, at_most_in_24h=False)
    assert not medicine.is_allowed_now(dose, T0 + 3 * H)
    assert medicine.is_allowed_now(dose, T0 + 4 * H)


def test_at_the_most_doses_in_24_hours_the_next_waits_for_the_oldest_to_fall_out():
    doses = [T0, T0 + 4 * H, T0 + 8 * H, T0 + 12 * H]
    dose = medicine.next_dose(doses, 4 * H, 4)
    assert dose == medicine.NextDose(allowed_from=T0 + 24 * H, at_most_in_24h=True)


def test_no_gap_or_no_dose_means_no_reminder():
    assert medicine.next_dose([], 4 * H, None) is None
    assert medicine.next_dose([T0], dt.timedelta(0), None) is None


def test_dose_words_never_say_due_or_a_dose():
    title, body = words.dose_allowed("Ada", "Paracetamol", T0 + 4 * H, True, LONDON)
    assert title == "Paracetamol for Ada: the next dose is allowed from 12:00"
    assert "due" not in (title + body).lower()
    assert (
        body
        == "That is the most doses in 24 hours you entered: the next is allowed 24 hours after the earliest."
    )


def test_a_feed_interval_is_learned_from_the_last_14_days_or_set_by_the_household():
    log = feeds.FeedLog(first=T0 - 30 * H, last=T0, count=11)
    assert feeds.interval_for(log, None) == feeds.Interval(3 * H, learned=True)
    assert feeds.interval_for(log, 150) == feeds.Interval(dt.timedelta(minutes=150), learned=False)
    assert feeds.interval_for(feeds.FeedLog(T0 - 5 * H, T0, 5), None) is None
    assert (
        feeds.interval_for(feeds.FeedLog(T0 - 100 * H, T0, 6), None) is None
    )  # a 20 h gap: a gap in logging


def test_a_feed_is_due_for_an_hour_after_the_interval_and_never_while_one_is_going():
    log = feeds.FeedLog(first=T0 - 30 * H, last=T0, count=11)
    every = feeds.Interval(3 * H, learned=True)
    assert not feeds.is_due(log, every, T0 + 3 * H - dt.timedelta(minutes=1))
    assert feeds.is_due(log, every, T0 + 3 * H)
    assert not feeds.is_due(log, every, T0 + 4 * H)
    assert not feeds.is_due(feeds.FeedLog(T0 - 30 * H, T0, 11, running=True), every, T0 + 3 * H)


def test_feed_words_say_where_the_interval_came_from():
    _, learned = words.feed_due("Ada", T0, feeds.Interval(3 * H, learned=True), LONDON)
    _, chosen = words.feed_due("Ada", T0, feeds.Interval(dt.timedelta(minutes=150), learned=False), LONDON)
    assert (
        learned
        == "The last feed started at 08:00. Feeds have been about every 3 h, learned from the last 14 days."
    )
    assert (
        chosen == "The last feed started at 08:00. Feeds have been every 2 h 30 min, "
        "the interval your household set."
    )


def test_a_timer_is_longer_than_usual_from_twofolds_own_numbers():
    assert not timers.longer_than_usual("feed", T0, T0 + dt.timedelta(minutes=89))
    assert timers.longer_than_usual("feed", T0, T0 + dt.timedelta(minutes=90))
    assert timers.longer_than_usual("sleep", T0, T0 + 6 * H)
    assert not timers.longer_than_usual("nappy", T0, T0 + 60 * H)
