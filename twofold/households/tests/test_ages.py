import datetime as dt

import pytest

from twofold.households.ages import age_in_words, whole_months

BORN = dt.date(2026, 1, 31)


@pytest.mark.parametrize(
    ("days", "said"),
    [
        (0, "0 days old"),
        (1, "1 day old"),
        (13, "13 days old"),
        (14, "2 weeks old"),
        (20, "2 weeks old"),
        (21, "3 weeks old"),
        (182, "26 weeks old"),
    ],
)
def test_days_then_weeks(days, said):
    assert age_in_words(BORN, BORN + dt.timedelta(days=days)) == said


@pytest.mark.parametrize(
    ("today", "said"),
    [
        (dt.date(2026, 8, 15), "6 months old"),
        (dt.date(2026, 12, 30), "10 months old"),
        (dt.date(2027, 1, 31), "1 year old"),
        (dt.date(2027, 5, 31), "1 year and 4 months old"),
        (dt.date(2029, 3, 15), "3 years and 1 month old"),
        (dt.date(2029, 1, 31), "3 years old"),
    ],
)
def test_months_and_years_past_six_months(today, said):
    assert age_in_words(BORN, today) == said


def test_a_month_too_short_for_the_birth_day_counts_at_its_end():
    assert whole_months(BORN, dt.date(2026, 2, 27)) == 0
    assert whole_months(BORN, dt.date(2026, 2, 28)) == 1
    assert whole_months(BORN, dt.date(2026, 3, 30)) == 1
    assert whole_months(BORN, dt.date(2026, 3, 31)) == 2
