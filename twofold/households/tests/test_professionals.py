import pytest

from twofold.households.professionals import UK_PHRASES, in_local_words

ADVICE = "Talk to your GP, health visitor or midwife soon. Your health visitor or midwife can help too."
DOCTOR = "Talk to your doctor, midwife or nurse soon. "
GP = "Talk to your GP, midwife or nurse soon. "
THEN = "Your midwife, nurse or baby's doctor can help too."


def test_a_uk_household_reads_the_nhs_services_as_written():
    assert in_local_words(ADVICE, "GB") == ADVICE


@pytest.mark.parametrize(
    ("country", "said"),
    [
        (
            "US",
            "Talk to your doctor, midwife or nurse soon. Your midwife, nurse or baby's doctor can help too.",
        ),
        (
            "CA",
            "Talk to your doctor, midwife or nurse soon. Your midwife, nurse or baby's doctor can help too.",
        ),
        ("NZ", "Talk to your GP, midwife or nurse soon. Your midwife, nurse or baby's doctor can help too."),
        (
            "XX",
            "Talk to your doctor, midwife or nurse soon. Your midwife, nurse or baby's doctor can help too.",
        ),
        (
            "",
            "Talk to your doctor, midwife or nurse soon. Your midwife, nurse or baby's doctor can help too.",
        ),
    ],
)
def test_elsewhere_no_health_visitor_and_no_gp_where_families_do_not_say_it(country, said):
    assert in_local_words(ADVICE, country) == said


def test_every_phrase_has_words_everywhere():
    for phrase in UK_PHRASES:
        for country in ("US", "AU"):
            assert "health visitor" not in in_local_words(phrase, country)
