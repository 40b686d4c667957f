"""Placing a tap on the server's clock: kept, corrected for the phone's clock, or refused with a reason."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from twofold.care.taptime import AHEAD, IMPOSSIBLE, OLDEST_TAP, TOO_OLD, moment_of_tap, parse_device_time

NOW = dt.datetime(2026, 12, 1, 3, 0, tzinfo=dt.UTC)


def test_without_a_tap_time_the_server_time_is_used():
    assert moment_of_tap(tapped_at=None, sent_at=None, received_at=NOW).at == NOW


def test_a_tap_sent_at_once_is_logged_at_the_tap():
    tap = NOW - dt.timedelta(seconds=2)
    moment = moment_of_tap(tapped_at=tap, sent_at=tap, received_at=NOW)
    # Two seconds in transit are the phone's clock error as far as the server can tell: the tap is at NOW.
    assert moment.at == NOW and moment.clock_note == ""


def test_a_tap_that_waited_in_the_outbox_keeps_its_own_time():
    tap = NOW - dt.timedelta(hours=4)
    moment = moment_of_tap(tapped_at=tap, sent_at=NOW, received_at=NOW)
    assert moment.at == tap and moment.clock_note == ""


def test_a_phone_clock_two_hours_slow_is_corrected_by_the_time_of_sending():
    slow = dt.timedelta(hours=2)
    tap = NOW - dt.timedelta(minutes=30)
    moment = moment_of_tap(tapped_at=tap - slow, sent_at=NOW - slow, received_at=NOW)
    assert moment.at == tap and moment.clock_note == ""


def test_a_phone_clock_ahead_without_a_send_time_falls_back_to_the_server_and_says_so():
    moment = moment_of_tap(tapped_at=NOW + dt.timedelta(hours=1), sent_at=None, received_at=NOW)
    assert moment.at == NOW and moment.clock_note == AHEAD


def test_a_tap_older_than_a_week_is_logged_when_it_arrives_and_says_so():
    tap = NOW - OLDEST_TAP - dt.timedelta(minutes=1)
    moment = moment_of_tap(tapped_at=tap, sent_at=NOW, received_at=NOW)
    assert moment.at == NOW and moment.clock_note == TOO_OLD


def test_a_send_before_its_own_tap_cannot_be_true():
    moment = moment_of_tap(tapped_at=NOW, sent_at=NOW - dt.timedelta(minutes=1), received_at=NOW)
    assert moment.at == NOW and moment.clock_note == IMPOSSIBLE


@given(
    error=st.integers(min_value=-86_400 * 30, max_value=86_400 * 30),
    waited=st.integers(min_value=0, max_value=int(OLDEST_TAP.total_seconds())),
)
def test_any_phone_clock_error_is_cancelled_for_a_tap_within_a_week(error, waited):
    tap = NOW - dt.timedelta(seconds=waited)
    offset = dt.timedelta(seconds=error)
    moment = moment_of_tap(tapped_at=tap + offset, sent_at=NOW + offset, received_at=NOW)
    assert moment.at == tap and moment.clock_note == ""


def test_device_times_are_read_as_iso_instants_with_a_zone():
    assert parse_device_time("2026-12-01T03:00:00.000Z") == NOW
    assert parse_device_time("2026-12-01T04:00:00+01:00") == NOW
    assert parse_device_time("2026-12-01T03:00:00") is None  # no zone: not an instant
    assert parse_device_time("yesterday") is None
    assert parse_device_time("") is None
    assert parse_device_time(None) is None
    assert parse_device_time("0001-01-01T00:00:00Z") is None
