"""Crying norms looked up at the edges of the table in EVIDENCE.md §3.1."""

import pytest

from twofold.bonding.evidence import WOLKE_2017
from twofold.bonding.norms import (
    FROM_STUDIES,
    INTERPOLATED,
    KEEPS_FALLING,
    CryingBand,
    crying_norm_for_days,
    crying_norm_for_week,
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


def test_week_6_is_the_last_week_of_the_verified_early_range():
    assert crying_norm_for_days(41).band == EARLY
    assert not crying_norm_for_week(6).interpolated


def test_week_7_is_interpolated_a_quarter_of_the_way_to_week_10():
    norm = crying_norm_for_days(42)
    assert norm.week == 7
    assert norm.interpolated
    assert norm.wording == INTERPOLATED
    # 117 + (68 - 117) / 4 = 104.75 and 133 - 65 / 4 = 116.75; SD 66 - 19.8 / 4 = 61.05, 70 - 23.8 / 4 = 64.05
    assert norm.band == CryingBand(104.8, 116.8, 61.1, 64.1)


def test_week_9_is_still_interpolated_and_week_10_is_the_published_mean():
    week_9 = crying_norm_for_week(9)
    assert week_9.interpolated
    assert week_9.band == CryingBand(80.3, 84.3, 51.2, 52.2)
    week_10 = crying_norm_for_days(63)
    assert week_10.week == 10
    assert not week_10.interpolated
    assert week_10.band == LATE


def test_the_interpolated_band_narrows_steadily_between_the_two_verified_points():
    bands = [band for w in range(6, 11) if (band := crying_norm_for_week(w).band) is not None]
    assert len(bands) == 5
    lows = [b.mean_low for b in bands]
    highs = [b.mean_high for b in bands]
    assert lows == sorted(lows, reverse=True)
    assert highs == sorted(highs, reverse=True)


def test_week_12_has_a_number_and_week_13_only_says_crying_keeps_falling():
    assert crying_norm_for_days(83).band == LATE
    after = crying_norm_for_days(84)
    assert after.week == 13
    assert after.band is None
    assert after.wording == KEEPS_FALLING
    assert not any(ch.isdigit() for ch in KEEPS_FALLING.replace("12", ""))


def test_a_negative_age_is_refused():
    with pytest.raises(ValueError):
        crying_norm_for_days(-1)
    with pytest.raises(ValueError):
        crying_norm_for_week(0)
