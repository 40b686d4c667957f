"""Outside the UK no page names the NHS's services; a formula-fed baby's sleep card never says breastfed."""

from __future__ import annotations

import pytest

from twofold.conftest import client_for
from twofold.households.professionals import UK_PHRASES
from twofold.insights.warnings import sleep_warning
from twofold.insights.week import Person
from twofold.wellbeing import services as wellbeing
from twofold.wellbeing.instruments import PHQ9
from twofold.wellbeing.tests.answers import answers_for_total

pytestmark = pytest.mark.django_db


def _phq9(member, total: int, item9: int):
    screening = wellbeing.start_screening(member=member, instrument=PHQ9.key)
    answers = answers_for_total(PHQ9, total)
    answers[9] = item9
    for item, position in answers.items():
        wellbeing.record_answer(member=member, screening=screening, item=item, position=position)
    wellbeing.finish_screening(member=member, screening=screening)
    return screening


def test_a_us_parents_phq9_result_and_its_safety_section_name_no_uk_service(world):
    screening = _phq9(world.robin, 16, 1)
    page = client_for(world.robin).get(f"/wellbeing/screenings/{screening.pk}/result/").content.decode()
    assert "Your safety comes first" in page
    assert "your doctor, midwife or nurse" in page
    assert "health visitor" not in page and " GP" not in page


def test_a_uk_parent_still_reads_gp_health_visitor_or_midwife(world):
    screening = _phq9(world.alex, 16, 1)
    page = client_for(world.alex).get(f"/wellbeing/screenings/{screening.pk}/result/").content.decode()
    assert any(phrase in page for phrase in UK_PHRASES)


def test_the_sleep_card_speaks_of_breastfeeding_only_when_a_baby_is_breastfed():
    alex, sam = Person(1, "Alex", True), Person(2, "Sam", True)
    bottles = sleep_warning([alex], [alex, sam], has_helpers=False, breastfed=False)
    breast = sleep_warning([alex], [alex, sam], has_helpers=False, breastfed=True)
    assert bottles is not None and breast is not None
    assert "breastfed" not in " ".join(bottles.tonight)
    assert "with a breastfed baby" in " ".join(breast.tonight)
