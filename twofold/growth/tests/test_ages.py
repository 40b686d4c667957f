"""Corrected age for prematurity (EVIDENCE.md §9.2): before 37 weeks, until 1 year for 32–36 weeks and
until 2 years before 32 weeks."""

import datetime as dt

import pytest

from twofold.growth.ages import ChartAge, Gestation, chart_age, corrected_until, weeks_and_days

BIRTH = dt.date(2026, 3, 10)


@pytest.mark.parametrize(
    ("gestation", "until"),
    [
        (None, None),
        (Gestation(40, 0), None),
        (Gestation(37, 0), None),
        (Gestation(36, 6), dt.date(2027, 3, 10)),
        (Gestation(32, 0), dt.date(2027, 3, 10)),
        (Gestation(31, 6), dt.date(2028, 3, 10)),
        (Gestation(24, 3), dt.date(2028, 3, 10)),
    ],
)
def test_correction_lasts_as_long_as_the_charts_say(gestation, until):
    assert corrected_until(BIRTH, gestation) == until


def test_a_baby_born_at_36_weeks_6_days_is_corrected_until_the_day_before_the_first_birthday():
    gestation = Gestation(36, 6)
    assert chart_age(BIRTH, gestation, dt.date(2027, 3, 9)) == ChartAge(364 - 22, corrected=True)
    assert chart_age(BIRTH, gestation, dt.date(2027, 3, 10)) == ChartAge(365, corrected=False)


def test_a_baby_born_at_37_weeks_is_never_corrected():
    assert chart_age(BIRTH, Gestation(37, 0), dt.date(2026, 3, 20)) == ChartAge(10, corrected=False)


def test_a_baby_born_at_30_weeks_is_corrected_by_ten_weeks_until_two_and_is_before_term_at_first():
    gestation = Gestation(30, 0)
    assert chart_age(BIRTH, gestation, BIRTH) == ChartAge(-70, corrected=True)
    assert chart_age(BIRTH, gestation, dt.date(2028, 3, 9)).corrected
    assert not chart_age(BIRTH, gestation, dt.date(2028, 3, 10)).corrected


def test_a_leap_day_baby_is_corrected_until_28_february():
    assert corrected_until(dt.date(2028, 2, 29), Gestation(35, 0)) == dt.date(2029, 2, 28)


def test_ages_read_in_weeks_and_days():
    assert weeks_and_days(45) == "6 weeks 3 days"
    assert weeks_and_days(3) == "3 days"
    assert weeks_and_days(7) == "1 week"
    assert weeks_and_days(0) == "0 days"
    assert weeks_and_days(-14) == "2 weeks before the due date"
