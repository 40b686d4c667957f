"""Masses and lengths between the stored units (grams, millimetres) and the household's: round trips."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from twofold.households.units import (
    cm_to_mm,
    format_length,
    format_mass,
    grams_to_kg,
    grams_to_pounds_ounces,
    inches_to_mm,
    kg_to_grams,
    mm_to_cm,
    mm_to_inches,
    pounds_ounces_to_grams,
)

GRAMS = st.integers(min_value=300, max_value=30_000)
MM = st.integers(min_value=150, max_value=1400)
TENTHS_OF_OUNCE = st.integers(min_value=0, max_value=159).map(lambda t: Decimal(t) / 10)


@given(GRAMS)
def test_grams_to_kg_and_back_is_exact(grams):
    assert kg_to_grams(grams_to_kg(grams)) == grams


@given(st.integers(min_value=0, max_value=66), TENTHS_OF_OUNCE)
def test_pounds_and_ounces_as_typed_come_back_as_typed(pounds, ounces):
    # A tenth of an ounce is 2.8 g, so storing in whole grams loses nothing a parent typed.
    assert grams_to_pounds_ounces(pounds_ounces_to_grams(pounds, ounces)) == (pounds, ounces)


@given(GRAMS)
def test_grams_shown_in_pounds_and_ounces_come_back_within_half_a_tenth_of_an_ounce(grams):
    pounds, ounces = grams_to_pounds_ounces(grams)
    assert Decimal(0) <= ounces < 16
    assert abs(pounds_ounces_to_grams(pounds, ounces) - grams) <= 1.42


@given(MM)
def test_millimetres_to_cm_and_back_is_exact(mm):
    assert cm_to_mm(mm_to_cm(mm)) == mm


@given(st.integers(min_value=60, max_value=550).map(lambda t: Decimal(t) / 10))
def test_inches_as_typed_come_back_as_typed(inches):
    assert mm_to_inches(inches_to_mm(inches)) == inches


@given(MM)
def test_millimetres_shown_in_inches_come_back_within_half_a_tenth_of_an_inch(mm):
    assert abs(inches_to_mm(mm_to_inches(mm)) - mm) <= 1.27


def test_known_conversions_read_as_a_parent_would_write_them():
    assert pounds_ounces_to_grams(7, Decimal(8)) == 3402  # 7 lb 8 oz
    assert format_mass(3402, "lb_oz") == "7 lb 8 oz"
    assert format_mass(4264, "lb_oz") == "9 lb 6.4 oz"
    assert format_mass(4350, "kg") == "4.35 kg"
    assert format_mass(4000, "kg") == "4.0 kg"
    assert grams_to_pounds_ounces(453) == (1, Decimal(0))  # 15.98 oz rounds up to a whole pound
    assert format_length(545, "cm") == "54.5 cm"
    assert format_length(508, "in") == "20.0 in"
