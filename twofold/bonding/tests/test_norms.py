"""Crying norms looked up at the edges of the table in EVIDENCE.md §3.1."""

import pytest

from twofold.bonding.evidence import WOLKE_2017
from twofold.bonding.norms import (
    FROM_STUDIES,
    INTERPOLATED,
    KEEPS_FALLING,
    CryingBand,
    crying_norm_for_days,
    week_of_life,
)

EARLY = CryingBand(117, 133, 66, 70)
LATE = CryingBand(68, 68, 46.2, 46.2)


def test_the_day_of_birth_is_in_the_first_week_and_its_band():
    norm = crying_norm_for_days(0)
    assert norm.week == 1
    assert norm.band == EARLY
    assert not norm.interpolated
    assert norm.wording == FROM_STUDIES
    assert norm.source is WOLKE_2017


@pytest.mark.parametrize(
    ("days", "week"), [(0, 1), (6, 1), (7, 2), (41, 6), (42, 7), (62, 9), (63, 10), (83, 12)]
)
def test_weeks_of_life_count_from_one(days, week):
    assert week_of_life(days) == week


def test_a_baby_of_exactly_6_weeks_is_still_in_the_verified_early_range():
    assert crying_norm_for_days(42).band == EARLY
    assert not crying_norm_for_days(42).interpolated
    assert crying_norm_for_days(43).interpolated


def test_at_7_weeks_old_the_band_is_a_quarter_of_the_way_to_10_weeks():
    norm = crying_norm_for_days(49)
    assert norm.week == 8  # its week of life, as the table shows it
    assert norm.interpolated
    assert norm.wording == INTERPOLATED
    # 117 + (68 - 117) / 4 = 104.75 and 133 - 65 / 4 = 116.75; SD 66 - 19.8 / 4 = 61.05, 70 - 23.8 / 4 = 64.05
    assert norm.band == CryingBand(104.8, 116.8, 61.1, 64.1)


def test_at_9_weeks_old_it_is_still_interpolated_and_at_10_weeks_it_is_the_published_mean():
    nine_weeks = crying_norm_for_days(63)
    assert nine_weeks.interpolated
    assert nine_weeks.band == CryingBand(80.3, 84.3, 51.2, 52.2)
    ten_weeks = crying_norm_for_days(70)
    assert not ten_weeks.interpolated
    assert ten_weeks.band == LATE


def test_the_interpolated_band_narrows_steadily_day_by_day_between_the_two_verified_points():
    bands = [band for d in range(42, 71) if (band := crying_norm_for_days(d).band) is not None]
    assert len(bands) == 29
    lows = [b.mean_low for b in bands]
    highs = [b.mean_high for b in bands]
    assert lows == sorted(lows, reverse=True)
    assert highs == sorted(highs, reverse=True)


def test_a_baby_of_exactly_12_weeks_still_has_the_figure_and_one_day_older_only_hears_it_keeps_falling():
    assert crying_norm_for_days(84).band == LATE  # 12 weeks old: not yet past 12 weeks
    after = crying_norm_for_days(85)
    assert after.band is None
    assert after.wording == KEEPS_FALLING
    assert not any(ch.isdigit() for ch in KEEPS_FALLING.replace("12", ""))


def test_a_negative_age_is_refused():
    with pytest.raises(ValueError):
        crying_norm_for_days(-1)
