"""A screening no configured key opens (sealed with a key since removed, or damaged) says so on its own
card, page and API field, never a 500, and the parent's other results still show."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from twofold.conftest import client_for, page_text
from twofold.sealing import SEALED_WITH_ANOTHER_KEY, CannotUnseal, reseal, unseal
from twofold.wellbeing import services
from twofold.wellbeing.models import Screening

LIST = "/api/v1/wellbeing/screenings/"


def take(member, instrument="phq2", *, shared=False):
    screening = services.start_screening(member=member, instrument=instrument)
    for item in services.offered_instruments()[instrument].items:
        services.record_answer(member=member, screening=screening, item=item.number, position=1)
    finished = services.finish_screening(member=member, screening=screening).screening
    if shared:
        services.share_screening(member=member, screening=finished, shared=True)
    return finished


def seal_with_another_key(screening: Screening) -> Screening:
    """Re-seal the row's values with a key this server does not have, as if that key had been removed."""
    other = Fernet(Fernet.generate_key())
    screening.sealed_answers = other.encrypt(b'{"1": 1}').decode()
    if screening.sealed_result:
        screening.sealed_result = other.encrypt(b'{"total": 2}').decode()
    screening.save(update_fields=["sealed_answers", "sealed_result"])
    return screening


@pytest.fixture
def lost(world):
    """Alex's newest result sealed with another key, beside an older one that opens."""
    readable = take(world.alex, "gad2")
    return readable, seal_with_another_key(take(world.alex, "phq2", shared=True))


def test_unseal_and_reseal_say_what_to_do(lost):
    _readable, screening = lost
    for attempt in (unseal, reseal):
        with pytest.raises(CannotUnseal, match="sealed with a key this server no longer has"):
            attempt(screening.sealed_result)
    assert "TWOFOLD_ENCRYPTION_KEYS" in SEALED_WITH_ANOTHER_KEY
    assert "twofold reseal" in SEALED_WITH_ANOTHER_KEY


def test_today_shows_the_note_on_the_wellbeing_card(world, lost):
    response = client_for(world.alex).get(reverse("home:today"))
    assert response.status_code == 200
    assert SEALED_WITH_ANOTHER_KEY in page_text(response)


def test_today_of_the_other_parent_shows_no_note(world, lost):
    response = client_for(world.sam).get(reverse("home:today"))
    assert response.status_code == 200
    assert SEALED_WITH_ANOTHER_KEY not in page_text(response)


def test_the_history_shows_the_note_on_that_row_and_the_other_results(world, lost):
    readable, screening = lost
    response = client_for(world.alex).get(reverse("wellbeing:home"))
    assert response.status_code == 200
    text = page_text(response)
    assert text.count(SEALED_WITH_ANOTHER_KEY) == 1
    assert reverse("wellbeing:result", kwargs={"screening_id": screening.pk}) in text
    assert "GAD-2 over time" in text and "PHQ-2 over time" not in text  # no chart from an unread total


def test_a_shared_result_that_cannot_be_opened_says_so_to_the_other_parent(world, lost):
    _readable, screening = lost
    client = client_for(world.sam)
    home = client.get(reverse("wellbeing:home"))
    assert home.status_code == 200 and SEALED_WITH_ANOTHER_KEY in page_text(home)
    page = client.get(reverse("wellbeing:result", kwargs={"screening_id": screening.pk}))
    assert page.status_code == 200
    assert SEALED_WITH_ANOTHER_KEY in page_text(page)
    # Sam cannot take Alex's questionnaire afresh.
    assert reverse("wellbeing:take", kwargs={"instrument": "phq2"}) not in page_text(page)


def test_the_result_page_says_so_and_offers_to_take_it_afresh(world, lost):
    _readable, screening = lost
    response = client_for(world.alex).get(reverse("wellbeing:result", kwargs={"screening_id": screening.pk}))
    assert response.status_code == 200
    text = page_text(response)
    assert SEALED_WITH_ANOTHER_KEY in text
    assert reverse("wellbeing:take", kwargs={"instrument": "phq2"}) in text


def test_an_unfinished_questionnaire_that_cannot_be_opened_says_so(world):
    screening = seal_with_another_key(services.start_screening(member=world.alex, instrument="phq9"))
    client = client_for(world.alex)
    page = reverse("wellbeing:screening", kwargs={"screening_id": screening.pk})
    for response in (client.get(page), client.post(page, {"item": "1", "answer": "0"})):
        assert response.status_code == 200
        assert SEALED_WITH_ANOTHER_KEY in page_text(response)
    assert Screening.objects.get(pk=screening.pk).sealed_answers == screening.sealed_answers


def test_services_refuse_to_change_answers_no_key_opens(world):
    screening = seal_with_another_key(services.start_screening(member=world.alex, instrument="phq2"))
    with pytest.raises(ValidationError, match="no longer has"):
        services.record_answer(member=world.alex, screening=screening, item=1, position=0)
    with pytest.raises(ValidationError, match="no longer has"):
        services.finish_screening(member=world.alex, screening=screening)


def test_the_api_gives_a_field_level_note_not_a_500(world, lost):
    readable, screening = lost
    client = APIClient()
    client.force_authenticate(world.alex.user)

    listed = client.get(LIST)
    assert listed.status_code == 200
    rows = {row["id"]: row for row in listed.json()["results"]}
    assert rows[screening.pk]["sealed_note"] == SEALED_WITH_ANOTHER_KEY
    assert rows[screening.pk]["total"] is None and rows[screening.pk]["band"] is None
    assert rows[readable.pk]["sealed_note"] is None and rows[readable.pk]["total"] == 2

    detail = client.get(f"{LIST}{screening.pk}/")
    assert detail.status_code == 200
    assert detail.json()["sealed_note"] == SEALED_WITH_ANOTHER_KEY and detail.json()["answers"] is None
