"""Deleting a household: parents only, after typing its name; every row of it goes, nothing of another."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

from twofold.accounts.tests.lived_in import furnish, live_in, words
from twofold.audit.models import Action, AuditEntry
from twofold.conftest import client_for, page_text
from twofold.households.models import Household

DELETE = "/household/delete/"


def _path_to_household(model: type[models.Model]) -> str | None:
    """The lookup from a row to its household's id, through whichever relation leads there."""
    if model is Household:
        return "pk"
    for field in model._meta.concrete_fields:
        if field.name == "household":
            return "household_id"
    for field in model._meta.concrete_fields:
        target = field.related_model
        if field.is_relation and isinstance(target, type) and target.__module__.startswith("twofold"):
            rest = _path_to_household(target)
            if rest is not None:
                return f"{field.name}__{rest}"
    return None


# Kept on purpose when its household goes: the trail outlives what it is about (audit/models.py), and an
# app key and a device allowed notifications are a person's, not a household's.
OUTLIVES_THE_HOUSEHOLD = {"audit.AuditEntry", "accounts.AppKey", "push.PushDevice"}


def _household_models() -> dict[str, tuple[type[models.Model], str]]:
    found = {}
    for model in apps.get_models():
        label = model._meta.label
        if model.__module__.startswith("twofold") and label not in OUTLIVES_THE_HOUSEHOLD:
            path = _path_to_household(model)
            assert path is not None, f"{label} has no way to its household: say whether it is the household's"
            found[label] = (model, path)
    return found


def _rows_of(household_id: int) -> dict[str, int]:
    return {
        label: model._default_manager.filter(**{path: household_id}).count()
        for label, (model, path) in _household_models().items()
    }


def _lived_in_both(world) -> tuple[dict[str, int], dict[str, int]]:
    live_in(world)
    furnish(world.alex)
    furnish(world.robin)
    ours, robins = _rows_of(world.alex.household_id), _rows_of(world.robin.household_id)
    # Every table has rows in both, so "none left" and "all still there" mean something; the detail tables
    # of the care kinds are alike, so the feeds stand for them all.
    kinds_alike = {"care.Nappy", "care.Sleep", "care.Settle", "care.Play", "care.Pumping", "care.Medicine"}
    kinds_alike |= {"care.Weight", "care.Length", "care.Head", "care.Temperature"}
    empty = [label for label, n in (ours | robins).items() if n == 0 and label not in kinds_alike]
    empty += [label for label, n in robins.items() if n == 0 and label not in kinds_alike]
    assert not empty, empty
    return ours, robins


def test_a_parent_deletes_the_household_and_every_row_of_it(world):
    ours, robins = _lived_in_both(world)
    users = get_user_model().objects.count()
    household_id = world.alex.household_id
    client = client_for(world.sam)
    page = words(client.get(DELETE))
    assert "Ada and the whole care log" in page
    assert "Type “Alex and Sam”." in page

    response = client.post(DELETE, {"name": "Alex and Sam"})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert _rows_of(household_id) == dict.fromkeys(ours, 0)
    assert _rows_of(world.robin.household_id) == robins
    assert get_user_model().objects.count() == users  # everyone's account stays
    landed = client.get("/", follow=True)
    assert landed.redirect_chain[-1][0] == "/household/start/"
    assert "Alex and Sam is deleted, with everything in it." in page_text(landed)


def test_the_deletion_is_in_the_trail_for_every_member(world):
    client_for(world.alex).post(DELETE, {"name": "Alex and Sam"})
    entry = AuditEntry.objects.get(action=Action.HOUSEHOLD_DELETED)
    assert (entry.household, entry.household_name, entry.actor_name) == (None, "Alex and Sam", "Alex")
    assert set(entry.concerns.all()) == {world.alex.user, world.sam.user, world.pat.user}


def test_a_wrong_name_deletes_nothing(world):
    ours, _ = _lived_in_both(world)
    client = client_for(world.alex)
    for typed in ("", "Alex & Sam", "alex and sam"):
        response = client.post(DELETE, {"name": typed})
        assert response.status_code == 400, typed
    assert "That isn't the household's name. Type it exactly as shown, capitals included." in page_text(
        response
    )
    assert _rows_of(world.alex.household_id) == ours


def test_spaces_a_phone_adds_at_either_end_are_forgiven(world):
    assert client_for(world.alex).post(DELETE, {"name": " Alex and Sam "}).status_code == 302
    assert not Household.objects.filter(pk=world.alex.household_id).exists()


def test_a_helper_cannot_delete_the_household(world):
    client = client_for(world.pat)
    assert client.get(DELETE).status_code == 404
    assert client.post(DELETE, {"name": "Alex and Sam"}).status_code == 404
    assert Household.objects.filter(pk=world.alex.household_id).exists()


def test_a_parent_deletes_only_the_household_they_are_in(world):
    # Robin's name typed in Alex's household deletes neither.
    assert client_for(world.alex).post(DELETE, {"name": "Robin's"}).status_code == 400
    assert Household.objects.count() == 2


def test_the_settings_page_offers_it_to_parents_only(world):
    assert DELETE in page_text(client_for(world.alex).get("/household/"))
    assert DELETE not in page_text(client_for(world.pat).get("/household/"))
