"""Colic rules at their thresholds: exactly 3 hours is not more than 3 hours; 3 days and 3 weeks are not
more than 3."""

import datetime as dt
from typing import Any

from twofold.bonding.colic import (
    ASK_A_PROFESSIONAL,
    ASK_ANYWAY,
    Status,
    WeekCount,
    add_months,
    is_long_day,
    long_days_per_week,
    modified_wessel,
    rome_iv,
    wessel,
)

BORN = dt.date(2026, 1, 5)  # a Monday, so week 1 is 5–11 January
LONG = 181
THREE_HOURS = 180


def days(week: int, count: int, minutes: float = LONG) -> dict[dt.date, float]:
    """`count` days of `minutes` at the start of a week of life."""
    first = BORN + dt.timedelta(weeks=week - 1)
    return {first + dt.timedelta(days=i): minutes for i in range(count)}


def weeks_of(long_days: int, weeks: int) -> dict[dt.date, float]:
    log: dict[dt.date, float] = {}
    for week in range(1, weeks + 1):
        log |= days(week, long_days)
    return log


def test_exactly_three_hours_is_not_more_than_three_hours():
    assert not is_long_day(THREE_HOURS)
    assert is_long_day(180.5)


def test_three_hour_days_never_count_for_wessel_or_the_modified_rule():
    log: dict[dt.date, float] = {}
    for week in range(1, 6):
        log |= days(week, 7, THREE_HOURS)
    assert not wessel(log, BORN).met
    assert not modified_wessel(log, BORN).met


def test_wessel_needs_more_than_three_days_a_week():
    assert not wessel(weeks_of(3, 5), BORN).met
    assert wessel(weeks_of(4, 5), BORN).met


def test_wessel_needs_more_than_three_weeks():
    assert not wessel(weeks_of(4, 3), BORN).met
    result = wessel(weeks_of(4, 4), BORN)
    assert result.met
    assert result.weeks == tuple(WeekCount(w, 4) for w in range(1, 5))
    assert result.ask == ASK_A_PROFESSIONAL


def test_wessel_weeks_must_run_in_a_row():
    log = weeks_of(4, 3) | days(4, 2) | days(5, 4) | days(6, 4) | days(7, 4)
    assert not wessel(log, BORN).met
    assert wessel(log | days(8, 4), BORN).met


def test_the_modified_rule_needs_three_long_days_in_one_week():
    assert not modified_wessel(days(2, 2), BORN).met
    assert modified_wessel(days(2, 3), BORN).met


def test_the_modified_rule_joins_days_across_two_weeks_of_life_within_seven_days():
    # Two long days at the end of week 1 and two at the start of week 2: four in 7 days, "in any one week".
    log = {BORN + dt.timedelta(days=5): LONG, BORN + dt.timedelta(days=6): LONG} | days(2, 2)
    result = modified_wessel(log, BORN)
    assert result.weeks == (WeekCount(1, 2), WeekCount(2, 2))
    assert result.met


def test_a_result_not_met_still_says_ask_a_professional_if_worried():
    result = modified_wessel({}, BORN)
    assert not result.met
    assert result.weeks == ()
    assert result.ask == ASK_ANYWAY
    assert "health professional" in result.ask


def test_days_before_birth_are_ignored_and_quiet_weeks_are_counted_as_zero():
    log = {BORN - dt.timedelta(days=1): LONG} | days(1, 1) | days(3, 2)
    assert long_days_per_week(log, BORN) == (WeekCount(1, 1), WeekCount(2, 0), WeekCount(3, 2))


def rome(**overrides):
    answers: dict[str, Any] = {
        "birth_date": BORN,
        "crying_from": dt.date(2026, 1, 20),
        "last_logged": None,
        "today": dt.date(2026, 3, 1),
        "cannot_prevent_or_soothe": True,
        "fever": False,
        "faltering_growth": False,
        "illness": False,
        "daily_minutes": {},
    }
    return rome_iv(**(answers | overrides))


def test_rome_iv_never_reports_all_met_because_only_a_professional_can_rule_out_illness():
    check = rome()
    statuses = {c.name: c.status for c in check.criteria}
    assert statuses == {
        "under_5_months": Status.NOT_YET,
        "cannot_soothe": Status.MET,
        "no_fever_growth_or_illness": Status.UNKNOWN,
    }
    assert not check.all_met
    assert check.ask == ASK_A_PROFESSIONAL


def test_rome_iv_age_limit_is_five_calendar_months():
    five_months = dt.date(2026, 6, 5)
    assert add_months(BORN, 5) == five_months
    day_before = five_months - dt.timedelta(days=1)
    later = five_months + dt.timedelta(days=30)
    assert rome(last_logged=day_before, today=later).criteria[0].status is Status.MET
    assert rome(last_logged=five_months, today=later).criteria[0].status is Status.NOT_MET
    assert rome(today=day_before).criteria[0].status is Status.NOT_YET
    assert rome(today=five_months).criteria[0].status is Status.MET


def test_ongoing_crying_under_five_months_never_claims_it_stopped():
    # A 9-week-old still crying: it started before 5 months; whether it stops is left open.
    criterion = rome(today=BORN + dt.timedelta(weeks=9, days=3), last_logged=None).criteria[0]
    assert criterion.status is Status.NOT_YET
    assert "started before 5 months (your baby is 9 weeks old)" in criterion.wording
    assert "stopped" not in criterion.wording
    assert "cannot be known yet" in criterion.wording


def test_crying_last_logged_before_five_months_says_what_the_log_shows_and_no_more():
    criterion = rome(last_logged=dt.date(2026, 3, 1), today=dt.date(2026, 7, 1)).criteria[0]
    assert criterion.status is Status.MET
    assert criterion.wording == (
        "The crying logged started and stopped before 5 months: the last was on 1 March 2026, at 7 weeks "
        "old. Crying that was not logged is not counted."
    )


def test_crying_logged_past_five_months_never_claims_it_is_still_going():
    criterion = rome(last_logged=dt.date(2026, 6, 20), today=dt.date(2026, 9, 1)).criteria[0]
    assert criterion.status is Status.NOT_MET
    assert "still going" not in criterion.wording
    assert criterion.wording.startswith(
        "The log shows crying at 5 months or older (the last logged on 20 June"
    )


def test_no_crying_logged_claims_no_start():
    criterion = rome(crying_from=None).criteria[0]
    assert criterion.status is Status.NOT_YET
    assert "started" not in criterion.wording


def test_crying_that_started_after_five_months_is_outside_rome_iv():
    criterion = rome(crying_from=dt.date(2026, 7, 1), today=dt.date(2026, 7, 10)).criteria[0]
    assert criterion.status is Status.NOT_MET
    assert "started at 5 months or later" in criterion.wording


def test_a_fever_takes_the_pattern_outside_rome_iv_and_says_to_ask_soon():
    check = rome(fever=True)
    criterion = check.criteria[2]
    assert criterion.status is Status.NOT_MET
    assert "soon" in criterion.wording
    assert check.any_not_met


def test_unanswered_soothing_question_is_unknown():
    assert rome(cannot_prevent_or_soothe=None).criteria[1].status is Status.UNKNOWN
    assert rome(cannot_prevent_or_soothe=False).criteria[1].status is Status.NOT_MET


def test_rome_iv_research_days_count_exactly_three_hours():
    assert not rome(daily_minutes=days(2, 2, THREE_HOURS)).research_long_days
    assert rome(daily_minutes=days(2, 3, THREE_HOURS)).research_long_days


def test_add_months_keeps_to_the_end_of_a_short_month():
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2027, 10, 31), 5) == dt.date(2028, 3, 31)
    assert add_months(dt.date(2027, 9, 30), 5) == dt.date(2028, 2, 29)


def test_the_modified_rule_finds_three_long_days_in_any_seven_days_in_a_row():
    # Days 5, 6 and 7 after the birth: two in week 1 of life and one in week 2, yet 3 days in one week.
    spread = {BORN + dt.timedelta(days=d): LONG for d in (5, 6, 7)}
    assert modified_wessel(spread, BORN).met
    assert "any 7 days in a row" in modified_wessel(spread, BORN).wording
    # Days 0, 6 and 7: 8 days from first to last, so no 7 days hold all three.
    apart = {BORN + dt.timedelta(days=d): LONG for d in (0, 6, 7)}
    assert not modified_wessel(apart, BORN).met
