"""Screening results are sealed at rest and seen only by whoever took them, unless they share."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.http import Http404

from twofold.sealing import keyring, reseal, unseal
from twofold.wellbeing import selectors, services
from twofold.wellbeing.models import Screening


def take(member, instrument="phq9", position=0, self_harm=0):
    screening = services.start_screening(member=member, instrument=instrument)
    items = services.offered_instruments()[instrument].items
    for item in items:
        answer = self_harm if (instrument == "phq9" and item.number == 9) else position
        services.record_answer(member=member, screening=screening, item=item.number, position=answer)
    return services.finish_screening(member=member, screening=screening)


def test_answers_and_scores_are_not_stored_in_the_clear(world):
    finished = take(world.alex, position=3, self_harm=3)
    with connection.cursor() as cursor:
        cursor.execute("SELECT sealed_answers, sealed_result FROM wellbeing_screening")
        answers, result = cursor.fetchone()
    assert result.startswith("gAAAAA") and answers.startswith("gAAAAA")  # Fernet tokens
    assert '"total"' not in result and '"band"' not in result and '"1":' not in answers
    assert unseal(result)["total"] == 27 == finished.result.total


def test_a_result_is_private_to_the_parent_who_took_it(world):
    screening = take(world.alex).screening
    assert selectors.get_visible_screening(member=world.alex, screening_id=screening.pk) == screening
    for other in (world.sam, world.pat, world.robin):
        with pytest.raises(Http404):
            selectors.get_visible_screening(member=other, screening_id=screening.pk)


def test_sharing_one_result_shows_it_to_the_other_parent_but_never_to_helpers(world):
    screening = take(world.alex).screening
    services.share_screening(member=world.alex, screening=screening, shared=True)
    assert selectors.get_visible_screening(member=world.sam, screening_id=screening.pk) == screening
    with pytest.raises(Http404):
        selectors.get_visible_screening(member=world.pat, screening_id=screening.pk)
    with pytest.raises(Http404):
        selectors.get_visible_screening(member=world.robin, screening_id=screening.pk)


def test_sharing_all_future_results(world):
    services.set_share_future(member=world.sam, share=True)
    shared = take(world.sam).screening
    assert shared.shared
    services.set_share_future(member=world.sam, share=False)
    private = take(world.sam).screening
    assert not private.shared
    assert list(selectors.shared_with(member=world.alex)) == [shared]


def test_only_the_taker_can_answer_finish_or_share(world):
    screening = services.start_screening(member=world.alex, instrument="phq2")
    with pytest.raises(PermissionDenied):
        services.record_answer(member=world.sam, screening=screening, item=1, position=1)
    with pytest.raises(PermissionDenied):
        services.share_screening(member=world.sam, screening=screening, shared=True)


def test_an_unfinished_questionnaire_is_resumed(world):
    first = services.start_screening(member=world.alex, instrument="gad7")
    services.record_answer(member=world.alex, screening=first, item=1, position=2)
    again = services.start_screening(member=world.alex, instrument="gad7")
    assert again.pk == first.pk and services.answers_of(again) == {1: 2}


def test_unanswered_questions_cannot_be_scored(world):
    screening = services.start_screening(member=world.alex, instrument="phq9")
    services.record_answer(member=world.alex, screening=screening, item=1, position=1)
    with pytest.raises(ValidationError):
        services.finish_screening(member=world.alex, screening=screening)
    assert Screening.objects.get(pk=screening.pk).finished_at is None


def test_the_epds_is_not_offered_without_its_licensed_text(world, monkeypatch):
    monkeypatch.delenv("TWOFOLD_EPDS_TEXT_FILE", raising=False)
    assert "epds" not in services.offered_instruments()
    with pytest.raises(ValidationError):
        services.start_screening(member=world.alex, instrument="epds")


def test_a_self_harm_answer_flags_safety_whatever_the_total(world):
    finished = take(world.sam, position=0, self_harm=1)
    assert finished.result.total == 1 and finished.result.safety_flag


def test_resealing_keeps_values_readable(world):
    screening = take(world.alex, position=1).screening
    token = reseal(screening.sealed_result)
    assert unseal(token) == unseal(screening.sealed_result)
    assert keyring() is keyring()


def test_a_concern_reveals_nothing_and_only_parents_raise_it(world):
    concern = services.raise_concern(member=world.alex, about=world.sam)
    assert selectors.open_concern_about(member=world.sam) == concern
    assert services.raise_concern(member=world.alex, about=world.sam) == concern  # one at a time
    with pytest.raises(ValidationError):
        services.raise_concern(member=world.pat, about=world.sam)
    with pytest.raises(ValidationError):
        services.raise_concern(member=world.alex, about=world.robin)
    with pytest.raises(PermissionDenied):
        services.close_concern(member=world.alex, concern=concern)
    services.close_concern(member=world.sam, concern=concern)
    assert selectors.open_concern_about(member=world.sam) is None


def test_reseal_moves_every_screening_to_the_newest_key(world, settings):
    import io

    from cryptography.fernet import Fernet
    from django.core.management import call_command

    from twofold import sealing

    take(world.alex, position=1)
    old = settings.TWOFOLD_ENCRYPTION_KEYS
    newest = Fernet.generate_key().decode()
    settings.TWOFOLD_ENCRYPTION_KEYS = [newest, *old]
    sealing.keyring.cache_clear()
    try:
        out = io.StringIO()
        call_command("reseal", stdout=out)
        assert "Re-sealed 1 screening" in out.getvalue()
        settings.TWOFOLD_ENCRYPTION_KEYS = [newest]  # the old key retired
        sealing.keyring.cache_clear()
        screening = Screening.objects.get()
        assert unseal(screening.sealed_result)["total"] == 8  # eight answers of 1, and 0 on item 9
    finally:
        settings.TWOFOLD_ENCRYPTION_KEYS = old
        sealing.keyring.cache_clear()
