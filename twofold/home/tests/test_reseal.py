"""`twofold reseal` moves every sealed column to the newest key (screenings, check-in answers, reviews of
agreements), all or nothing, naming by kind and id the rows no configured key opens."""

from __future__ import annotations

import io

import pytest
import time_machine
from cryptography.fernet import Fernet
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from twofold import sealing
from twofold.checkins.models import AgreementReview, Checkin
from twofold.checkins.services import add_agreement, review_agreement, submit_checkin
from twofold.checkins.tests.helpers import ALEX_ANSWERS, NEXT_WEEK, NOW, SAM_ANSWERS
from twofold.home.sections import SEALED
from twofold.intake.services import keep_writing, share_summary
from twofold.wellbeing import services as wellbeing

TABLES = {
    "wellbeing_screening": ("sealed_answers", "sealed_result"),
    "checkins_checkin": ("sealed_answers",),
    "checkins_agreementreview": ("sealed_outcome",),
    "intake_writing": ("sealed_text", "sealed_summary"),
}


def stored() -> dict[str, list[tuple]]:
    with connection.cursor() as cursor:
        found = {}
        for table, names in TABLES.items():
            cursor.execute(f"SELECT id, {', '.join(names)} FROM {table} ORDER BY id")  # noqa: S608
            found[table] = cursor.fetchall()
        return found


def take_phq2(member) -> None:
    screening = wellbeing.start_screening(member=member, instrument="phq2")
    for item in wellbeing.offered_instruments()["phq2"].items:
        wellbeing.record_answer(member=member, screening=screening, item=item.number, position=1)
    wellbeing.finish_screening(member=member, screening=screening)


@pytest.fixture
def keys(settings):
    """The words below are sealed with `old`; the server then gets `newest` in front of it."""
    old, newest = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.TWOFOLD_ENCRYPTION_KEYS = [old]
    sealing.keyring.cache_clear()
    yield settings, old, newest
    sealing.keyring.cache_clear()


@pytest.fixture
def sealed_words(world, keys):
    """A screening, both parents' answers of W48 and Alex's review of Sam's agreement, all with `old`."""
    take_phq2(world.alex)
    with time_machine.travel(NOW, tick=False):
        agreement = add_agreement(member=world.sam, text="I take the 2 a.m. feed")
    review_agreement(member=world.alex, agreement=agreement, outcome="partly", now=NEXT_WEEK)
    submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NEXT_WEEK)
    submit_checkin(member=world.sam, answers=SAM_ANSWERS, now=NEXT_WEEK)
    writing = keep_writing(author=world.alex, text="I have not slept in days.")
    share_summary(writing=writing, situations=["sleep_deprivation"])  # its summary is sealed too
    return keys


def test_every_sealed_column_of_every_app_is_rotated():
    listed = {(kind.model, name) for kind in SEALED for name in kind.fields}
    sealed = {
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.name.startswith("sealed_")
    }
    assert sealed == listed


def test_reseal_moves_screenings_check_ins_and_reviews_to_the_newest_key(world, sealed_words):
    settings, old, newest = sealed_words
    before = stored()
    settings.TWOFOLD_ENCRYPTION_KEYS = [newest, old]
    sealing.keyring.cache_clear()
    out = io.StringIO()

    call_command("reseal", stdout=out)

    assert out.getvalue().strip() == (
        "Re-sealed 1 screening(s), 2 check-in answer(s), 1 agreement review(s) and 1 writing(s) with the "
        "newest key. "
        "Old keys can now be removed."
    )
    after = stored()
    opener = Fernet(newest.encode())
    for table, rows in after.items():
        for row, earlier in zip(rows, before[table], strict=True):
            for value, was in zip(row[1:], earlier[1:], strict=True):
                assert value != was
                opener.decrypt(value.encode())  # the newest key alone opens it
    settings.TWOFOLD_ENCRYPTION_KEYS = [newest]  # the old key retired
    sealing.keyring.cache_clear()
    assert Checkin.objects.get(member=world.alex).answers.needed == "Alex-needs-one-lie-in"
    assert AgreementReview.objects.get().outcome == "partly"


def test_reseal_with_a_row_no_key_opens_changes_nothing_and_names_it(world, sealed_words):
    settings, old, newest = sealed_words
    lost = Fernet(Fernet.generate_key())
    sam = Checkin.objects.get(member=world.sam)
    review = AgreementReview.objects.get()
    Checkin.objects.filter(pk=sam.pk).update(sealed_answers=lost.encrypt(b"{}").decode())
    AgreementReview.objects.filter(pk=review.pk).update(sealed_outcome=lost.encrypt(b'"kept"').decode())
    before = stored()
    settings.TWOFOLD_ENCRYPTION_KEYS = [newest, old]
    sealing.keyring.cache_clear()

    with pytest.raises(CommandError) as failed:
        call_command("reseal", stdout=io.StringIO())

    rows = f"check-in answer #{sam.pk}, agreement review #{review.pk}"
    assert str(failed.value) == sealing.NOTHING_CHANGED.format(count=2, rows=rows)
    assert stored() == before  # the screening and Alex's answers were not re-sealed either


def test_reseal_with_a_key_that_is_not_a_fernet_key_says_so(db, settings):
    settings.TWOFOLD_ENCRYPTION_KEYS = ["not-a-key"]
    sealing.keyring.cache_clear()
    try:
        with pytest.raises(CommandError, match="not a Fernet key"):
            call_command("reseal", stdout=io.StringIO())
    finally:
        sealing.keyring.cache_clear()
