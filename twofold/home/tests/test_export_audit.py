"""Every download of the household export is noted in the Activity of each current parent."""

from __future__ import annotations

from django.urls import reverse

from twofold.audit.models import Action, AuditEntry
from twofold.conftest import client_for
from twofold.home.export import DOWNLOADED_DETAIL
from twofold.households.services import leave_household


def downloads() -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=Action.EXPORT_DOWNLOADED).order_by("id"))


def test_a_download_is_noted_for_every_current_parent(world):
    response = client_for(world.sam).get(reverse("home:export"))

    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    [entry] = downloads()
    assert (entry.actor, entry.actor_name) == (world.sam.user, "Sam")
    assert (entry.household, entry.household_name) == (world.alex.household, "Alex and Sam")
    assert entry.detail == DOWNLOADED_DETAIL
    # Parents only: the helper cannot download it, and another household never hears of it.
    assert set(entry.concerns.all()) == {world.alex.user, world.sam.user}


def test_each_download_is_its_own_entry(world):
    client = client_for(world.alex)

    client.get(reverse("home:export"))
    client.get(reverse("home:export"))

    assert len(downloads()) == 2


def test_a_parent_who_left_is_not_told_of_later_downloads(world):
    leave_household(member=world.sam)

    client_for(world.alex).get(reverse("home:export"))

    [entry] = downloads()
    assert list(entry.concerns.all()) == [world.alex.user]


def test_a_helper_cannot_download_it_and_nothing_is_noted(world):
    response = client_for(world.pat).get(reverse("home:export"))

    assert response.status_code == 404
    assert downloads() == []
