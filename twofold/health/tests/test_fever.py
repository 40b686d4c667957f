"""The fever rules and the wet-nappy note as pure functions, at their edges (EVIDENCE.md Decisions, §9.1)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from twofold.care.kinds.temperature import FAHRENHEIT, to_celsius
from twofold.health.fever import Level, fever_level, no_wet_nappy_since, worst

BORN = dt.date(2027, 1, 1)


def level(celsius: str, days_old: int) -> Level | None:
    return fever_level(Decimal(celsius), birth_date=BORN, taken_on=BORN + dt.timedelta(days=days_old))


@pytest.mark.parametrize(
    ("celsius", "days_old", "expected"),
    [
        ("38.0", 89, Level.RED),
        ("37.9", 89, None),
        ("37.99", 0, None),
        ("38.0", 0, Level.RED),
        ("40.5", 42, Level.RED),
        # From 90 days the red card's rule no longer applies; 38 °C is no card, 39 °C is amber.
        ("38.0", 90, None),
        ("38.9", 90, None),
        ("39.0", 90, Level.AMBER),
    ],
)
def test_the_red_card_is_38_degrees_under_90_days(celsius, days_old, expected):
    assert level(celsius, days_old) is expected


def test_amber_lasts_until_the_six_month_birthday():
    six_months = dt.date(2027, 7, 1)
    assert fever_level(Decimal("39.0"), birth_date=BORN, taken_on=six_months - dt.timedelta(days=1)) is (
        Level.AMBER
    )
    assert fever_level(Decimal("39.0"), birth_date=BORN, taken_on=six_months) is None
    assert fever_level(Decimal("41.0"), birth_date=BORN, taken_on=dt.date(2027, 9, 1)) is None


@pytest.mark.parametrize(("fahrenheit", "expected"), [("100.4", Level.RED), ("100.3", None)])
def test_a_reading_typed_in_fahrenheit_meets_the_same_edge(fahrenheit, expected):
    celsius = to_celsius(Decimal(fahrenheit), FAHRENHEIT)
    assert fever_level(celsius, birth_date=BORN, taken_on=BORN + dt.timedelta(days=42)) is expected


def test_amber_in_fahrenheit_is_102_2():
    born_100_days_ago = BORN - dt.timedelta(days=100)
    assert fever_level(
        to_celsius(Decimal("102.2"), FAHRENHEIT), birth_date=born_100_days_ago, taken_on=BORN
    ) is (Level.AMBER)
    assert (
        fever_level(to_celsius(Decimal("102.1"), FAHRENHEIT), birth_date=born_100_days_ago, taken_on=BORN)
        is None
    )


def test_red_outranks_amber():
    assert worst([None, Level.AMBER, Level.RED]) is Level.RED
    assert worst([None, Level.AMBER]) is Level.AMBER
    assert worst([None]) is None


NOW = dt.datetime(2027, 2, 1, 14, 10, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("hours_ago", "days_old", "noted"),
    [
        (8, 31, True),
        (7.99, 31, False),
        (47.9, 31, True),
        (48, 31, False),  # two days of nothing: the household has likely stopped logging nappies
        (8, 89, True),
        (8, 90, False),  # the 8-hour sign is for babies under 3 months
    ],
)
def test_the_wet_nappy_note_after_8_hours_under_3_months(hours_ago, days_old, noted):
    last = NOW - dt.timedelta(hours=hours_ago)
    today = NOW.date()
    since = no_wet_nappy_since(last, birth_date=today - dt.timedelta(days=days_old), now=NOW, today=today)
    assert (since == last) if noted else since is None


def test_no_wet_nappy_logged_at_all_says_nothing():
    assert no_wet_nappy_since(None, birth_date=NOW.date(), now=NOW, today=NOW.date()) is None
