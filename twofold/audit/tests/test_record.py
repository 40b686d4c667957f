import pytest
from django.db import IntegrityError, transaction

from twofold.audit.models import Action, AuditEntry
from twofold.audit.services import already_kept, record
from twofold.conftest import make_user
from twofold.households.models import Household

pytestmark = pytest.mark.django_db


def test_an_entry_concerns_the_actor_and_outlives_the_household_and_the_actor():
    alex, sam = make_user("alex@example.com"), make_user("sam@example.com")
    home = Household.objects.create(name="The Rivers")

    entry = record(
        action=Action.MEMBER_REMOVED, actor=alex, actor_name="Alex", concerns=[sam], household=home
    )
    assert set(entry.concerns.all()) == {alex, sam}

    home.delete()
    alex.delete()
    kept = AuditEntry.objects.get(pk=entry.pk)
    assert (kept.household, kept.household_name) == (None, "The Rivers")
    assert (kept.actor, kept.actor_name) == (None, "Alex")
    assert list(kept.concerns.all()) == [sam]


def test_the_actor_and_the_person_it_is_about_are_always_concerned():
    alex, sam = make_user("alex@example.com"), make_user("sam@example.com")

    entry = record(
        action=Action.SCREENING_VIEWED,
        actor=sam,
        actor_name="Sam",
        concerns=[],
        about=alex,
        about_name="Alex",
    )

    assert set(entry.concerns.all()) == {alex, sam}


def test_an_entry_kept_once_is_not_kept_twice():
    sam = make_user("sam@example.com")
    first = record(action=Action.SCREENING_VIEWED, actor=sam, actor_name="Sam", concerns=[], once="k:1")

    again = record(action=Action.SCREENING_VIEWED, actor=sam, actor_name="Sam", concerns=[], once="k:1")

    assert again.pk == first.pk
    assert AuditEntry.objects.count() == 1
    assert already_kept(["k:1", "k:2"]) == {"k:1"}


def test_the_database_refuses_a_second_entry_with_the_same_key():
    """What keeps two requests at the same moment from both adding one."""
    AuditEntry.objects.create(action=Action.SCREENING_VIEWED, actor_name="Sam", once_key="k:1")

    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEntry.objects.create(action=Action.SCREENING_VIEWED, actor_name="Sam", once_key="k:1")


def test_entries_without_a_key_are_all_kept():
    sam = make_user("sam@example.com")

    for _ in range(2):
        record(action=Action.EXPORT_DOWNLOADED, actor=sam, actor_name="Sam", concerns=[])

    assert AuditEntry.objects.count() == 2
