import pytest

from twofold.audit.models import Action, AuditEntry
from twofold.audit.services import record
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
