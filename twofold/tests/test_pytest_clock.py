"""The pytest plugin behind `make test-clock`: TWOFOLD_TEST_NOW names the instant a session runs at."""

from __future__ import annotations

import datetime as dt
import os

import pytest
import time_machine
from django.utils import timezone

from twofold.pytest_clock import TEST_NOW
from twofold.pytest_clock import instant_from_environment as now_from


def test_an_instant_with_its_offset_is_read():
    instant = now_from({TEST_NOW: "2027-03-28T03:00:00+01:00"})
    assert instant == dt.datetime(2027, 3, 28, 2, tzinfo=dt.UTC)


def test_no_variable_or_an_empty_one_means_the_real_clock():
    assert now_from({}) is None
    assert now_from({TEST_NOW: " "}) is None


@pytest.mark.parametrize("value", ["2027-03-28T03:00:00", "tomorrow", "2027-13-01T00:00:00+00:00"])
def test_an_instant_without_an_offset_or_not_an_instant_is_refused_with_an_example(value):
    with pytest.raises(pytest.UsageError, match=r"such as 2026-03-29T03:00:00\+01:00"):
        now_from({TEST_NOW: value})


def test_the_session_runs_at_the_named_instant():
    instant = now_from(os.environ)
    if instant is None:
        pytest.skip(f"{TEST_NOW} is not set: the session runs on the real clock")
    # The clock ticks on from the instant, for as long as the session has run so far.
    assert dt.timedelta(0) <= timezone.now() - instant < dt.timedelta(minutes=30)


def test_a_test_that_pins_its_own_clock_still_does():
    pinned = dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC)
    with time_machine.travel(pinned, tick=False):
        assert timezone.now() == pinned
