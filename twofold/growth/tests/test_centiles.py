"""Centiles and SDS checked against rcpchgrowth's own Measurement class and against published values."""

import datetime as dt

import pytest
from rcpchgrowth import Measurement
from rcpchgrowth.constants import validation_constants

from twofold.growth.ages import Gestation, chart_age
from twofold.growth.centiles import LINE_SDS, centile_words, crossed_two_spaces, lines, place
from twofold.growth.checks import ADVISORY_SDS
from twofold.growth.references import CDC, UK_WHO, WHO, choices_for, reference_for

BIRTH = dt.date(2026, 1, 5)


def measured(reference, kind, stored, sex, on, gestation=None):
    age = chart_age(BIRTH, gestation, on)
    return place(reference=reference, kind=kind, stored=stored, sex=sex, age_years=age.years)


@pytest.mark.parametrize(
    ("reference", "kind", "method", "stored", "value", "sex", "on"),
    [
        (UK_WHO, "weight", "weight", 5500, 5.5, "female", dt.date(2026, 3, 1)),
        (UK_WHO, "weight", "weight", 3100, 3.1, "male", dt.date(2026, 1, 12)),
        (UK_WHO, "length", "height", 612, 61.2, "male", dt.date(2026, 4, 20)),
        (UK_WHO, "head", "ofc", 402, 40.2, "female", dt.date(2026, 5, 2)),
        (WHO, "weight", "weight", 8200, 8.2, "male", dt.date(2026, 9, 30)),
        (WHO, "head", "ofc", 390, 39.0, "female", dt.date(2026, 3, 1)),
        (CDC, "weight", "weight", 12900, 12.9, "female", dt.date(2028, 6, 1)),
    ],
)
def test_term_babies_get_the_libraries_chronological_centile(reference, kind, method, stored, value, sex, on):
    theirs = Measurement(
        birth_date=BIRTH,
        observation_date=on,
        measurement_method=method,
        observation_value=value,
        reference=reference,
        sex=sex,
    ).measurement["measurement_calculated_values"]
    ours = measured(reference, kind, stored, sex, on)
    assert ours.sds == pytest.approx(theirs["chronological_sds"], abs=1e-9)
    assert ours.centile == pytest.approx(theirs["chronological_centile"], abs=1e-6)


def test_a_preterm_baby_gets_the_libraries_corrected_centile_while_correction_lasts():
    gestation = Gestation(33, 2)
    on = dt.date(2026, 4, 1)
    theirs = Measurement(
        birth_date=BIRTH,
        observation_date=on,
        measurement_method="weight",
        observation_value=3.9,
        reference=UK_WHO,
        sex="male",
        gestation_weeks=33,
        gestation_days=2,
    ).measurement["measurement_calculated_values"]
    ours = measured(UK_WHO, "weight", 3900, "male", on, gestation)
    assert ours.sds == pytest.approx(theirs["corrected_sds"], abs=1e-9)
    assert ours.sds != pytest.approx(theirs["chronological_sds"], abs=0.1)


# The WHO Child Growth Standards' published weight-for-age, length-for-age and head-circumference-for-age
# tables (WHO 2006, "simplified field tables", z-scores, birth and 12 months), as printed to 0.1 kg or cm.
@pytest.mark.parametrize(
    ("kind", "stored", "sex", "on", "sds"),
    [
        ("weight", 3300, "male", BIRTH, 0),
        ("weight", 2500, "male", BIRTH, -2),
        ("weight", 4400, "male", BIRTH, 2),
        ("weight", 3200, "female", BIRTH, 0),
        ("weight", 9600, "male", dt.date(2027, 1, 5), 0),
        ("weight", 8900, "female", dt.date(2027, 1, 5), 0),
        ("length", 499, "male", BIRTH, 0),
        ("length", 491, "female", BIRTH, 0),
        ("head", 345, "male", BIRTH, 0),
        ("head", 339, "female", BIRTH, 0),
    ],
)
def test_published_who_values_sit_on_their_lines(kind, stored, sex, on, sds):
    # Printed to one decimal, so within about a tenth of an SD of the line they are printed for.
    assert measured(WHO, kind, stored, sex, on).sds == pytest.approx(sds, abs=0.12)


def test_nine_lines_two_thirds_of_a_standard_deviation_apart_from_the_0_4th_to_the_99_6th():
    assert len(LINE_SDS) == 9
    assert all(b - a == pytest.approx(2 / 3) for a, b in zip(LINE_SDS, LINE_SDS[1:], strict=False))
    drawn = lines(UK_WHO, "weight", "female", (0.1, 0.5, 1.0))
    assert [len(line) for line in drawn] == [3] * 9
    assert all(a[1][1] < b[1][1] for a, b in zip(drawn, drawn[1:], strict=False))


def test_before_term_the_who_standards_have_no_place_but_uk_who_has():
    assert place(reference=WHO, kind="weight", stored=1800, sex="male", age_years=-0.1) is None
    assert place(reference=UK_WHO, kind="weight", stored=1800, sex="male", age_years=-0.1) is not None


def test_references_by_country_and_age():
    assert reference_for("GB", 0.5) == UK_WHO
    assert reference_for("GB", 3, CDC) == UK_WHO
    assert reference_for("US", 1.5, CDC) == WHO
    assert reference_for("US", 2.0, CDC) == CDC
    assert reference_for("AU", 3.0) == WHO
    assert choices_for("US", 1.99) == (WHO,)
    assert choices_for("CA", 2.5) == (WHO, CDC)
    assert choices_for("GB", 3) == (UK_WHO,)


def test_centiles_are_figures_never_judgements():
    assert centile_words(73.07) == "73rd"
    assert centile_words(50.2) == "50th"
    assert centile_words(11.4) == "11th"
    assert centile_words(91.0) == "91st"
    assert centile_words(2.1) == "2nd"
    assert centile_words(0.3) == "below the 0.4th"
    assert centile_words(99.7) == "above the 99.6th"
    assert centile_words(0.6) == "0.6th"


def test_crossing_two_centile_spaces_up_or_down():
    assert not crossed_two_spaces([0.0, 0.5, 1.0, 1.3])
    assert crossed_two_spaces([0.0, 0.5, 1.0, 1.34])
    assert crossed_two_spaces([1.0, 0.2, -0.34])
    assert not crossed_two_spaces([])
    assert not crossed_two_spaces([3.0])


def test_the_advisory_bound_is_rcpchgrowths_own():
    assert validation_constants.MAXIMUM_HEIGHT_WEIGHT_OFC_ADVISORY_SDS == ADVISORY_SDS
    assert validation_constants.MINIMUM_HEIGHT_WEIGHT_OFC_ADVISORY_SDS == -ADVISORY_SDS
