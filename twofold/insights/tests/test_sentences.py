"""The plain sentences both parents read: neutral, exact, and right for any household shape."""

import datetime as dt
from zoneinfo import ZoneInfo

from twofold.insights.spans import CareSpan
from twofold.insights.warnings import sleep_warning
from twofold.insights.week import Person, Settings, hours_minutes, night_sentence, sleep_sentence, week_report

ALEX, SAM, PAT = Person(1, "Alex", True), Person(2, "Sam", True), Person(3, "Pat", False)
LONDON = ZoneInfo("Europe/London")
SETTINGS = Settings(LONDON, dt.time(22), dt.time(7))


def test_night_sentence_names_everyone_who_helped_busiest_first():
    sentence = night_sentence([ALEX, SAM, PAT], {1: 2, 2: 14, 3: 3}, 19)
    assert sentence == "Sam handled 14 of 19 night wakings; Pat 3 and Alex 2."


def test_a_quiet_week_says_so():
    assert night_sentence([ALEX, SAM], {}, 0) == "No night wakings were logged this week."


def test_sleep_sentence_skips_parents_without_a_finished_night():
    assert sleep_sentence([ALEX, SAM], {1: None, 2: None}) is None
    text = sleep_sentence(
        [ALEX, SAM], {1: dt.timedelta(hours=1, minutes=50), 2: dt.timedelta(hours=6, minutes=10)}
    )
    assert text == "Alex's longest sleep averaged 1 h 50, Sam's 6 h 10."


def test_hours_and_minutes_read_like_speech():
    assert hours_minutes(dt.timedelta(minutes=45)) == "45 min"
    assert hours_minutes(dt.timedelta(hours=6, minutes=5)) == "6 h 05"
    assert hours_minutes(None) == "—"


def test_a_single_parent_with_helpers_gets_a_helper_night_not_a_swap():
    warning = sleep_warning([ALEX], [ALEX], has_helpers=True)
    assert warning is not None
    assert warning.headline == "Alex's longest sleep has been under 4 hours for 3 nights running."
    assert not any("Swap a shift" in idea for idea in warning.tonight)
    assert any("helper" in idea for idea in warning.tonight)


def test_both_parents_short_suggests_splitting_the_night():
    warning = sleep_warning([ALEX, SAM], [ALEX, SAM], has_helpers=False)
    assert warning is not None
    assert "Alex and Sam have each had under 4 hours" in warning.headline
    assert any("Split the night" in idea for idea in warning.tonight)


def test_no_one_short_means_no_warning():
    assert sleep_warning([], [ALEX, SAM], has_helpers=True) is None


def test_week_report_for_same_sex_parents_and_a_helper_night():
    monday = dt.date(2026, 11, 16)
    night = dt.datetime(2026, 11, 17, 2, 0, tzinfo=LONDON)
    spans = [
        CareSpan(3, "feed", night, night + dt.timedelta(minutes=30)),
        CareSpan(2, "nappy", night + dt.timedelta(days=1)),
    ]
    now = dt.datetime(2026, 11, 23, 9, 0, tzinfo=LONDON)
    report = week_report(spans, monday=monday, people=[ALEX, SAM, PAT], settings=SETTINGS, now=now)
    assert report.sentences[0] == "Sam handled 1 of 2 night wakings; Pat 1."  # a tie keeps parents first
    assert report.handled == {1: 0, 2: 1, 3: 1}
    assert len(report.complete) == 7 and len(report.trend) == 8
    assert report.average_longest_sleep[1] == dt.timedelta(hours=9)
