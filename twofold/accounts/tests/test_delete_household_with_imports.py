"""A household that imported a log can still be deleted whole: the import's links go before the log."""

from __future__ import annotations

import time_machine

from twofold.accounts.erasure import delete_household
from twofold.care.models import CareEvent
from twofold.households.models import Household
from twofold.imports.files import open_path
from twofold.imports.formats import detect
from twofold.imports.mapping import KEEP_NAME, Choices
from twofold.imports.models import ImportBatch, ImportedEvent
from twofold.imports.services import run_import
from twofold.imports.tests.conftest import DATA, NOW, make_family


def test_deleting_a_household_takes_its_imports(db):
    with time_machine.travel(NOW, tick=False):
        family = make_family()
        bundle = open_path(DATA / "nara" / "export_narababy_mila_20260517.csv")
        choices = Choices(zone=family.sam.household.zone, people={"Ren": KEEP_NAME})
        run_import(member=family.sam, bundle=bundle, fmt=detect(bundle), choices=choices)
        assert ImportedEvent.objects.exists()
        user = family.sam.user
        assert user is not None
        delete_household(household=family.sam.household, actor=user, actor_name="Sam")
    assert not Household.objects.exists()
    assert not CareEvent.objects.exists() and not ImportBatch.objects.exists()
