"""A removal is kept for the parent who removed, the member removed and the other current parents."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

from twofold.audit.models import Action, AuditEntry
from twofold.conftest import client_for, join, page_text
from twofold.households.models import Member, Role


def words(response) -> str:
    return re.sub(r"\s+", " ", page_text(response))


def remove(by: Member, member: Member, client: Client | None = None):
    client = client or client_for(by)
    url = reverse("households:member_remove", args=[member.pk])
    return client.post(url, {"confirm": "remove"}, follow=True)


def test_a_removal_is_kept_for_the_remover_the_removed_and_the_other_parents(world):
    casey = join(world.alex, "casey@example.com", "Casey", Role.PARENT)
    page = words(client_for(world.alex).get(reverse("households:member_remove", args=[world.sam.pk])))
    assert "sensitive actions for Sam, you and the other parents." in page
    remove(world.alex, world.sam)
    entry = AuditEntry.objects.get(action=Action.MEMBER_REMOVED)
    assert entry.actor == world.alex.user and entry.household_id == world.alex.household_id
    assert (entry.about, entry.about_name) == (world.sam.user, "Sam")
    assert entry.detail.startswith("Sam was a parent here")
    # The helper and the other household are not concerned.
    assert set(entry.concerns.all()) == {world.alex.user, world.sam.user, casey.user}
