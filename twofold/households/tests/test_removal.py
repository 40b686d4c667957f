"""Removing someone: asked first, only by a parent, never the last parent, and told to the removed member.
The audit entry is tested in twofold/audit, the removed parent's own results in twofold/wellbeing."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from twofold.conftest import PASSWORD, client_for, make_user, page_text
from twofold.households import services
from twofold.households.models import Member, Role
from twofold.households.services import _removal_refusal


def words(response) -> str:
    return re.sub(r"\s+", " ", page_text(response))


def remove(by: Member, member: Member, client: Client | None = None):
    client = client or client_for(by)
    url = reverse("households:member_remove", args=[member.pk])
    return client.post(url, {"confirm": "remove"}, follow=True)


def test_removing_asks_first_naming_the_person_and_what_they_lose_and_keep(world):
    client = client_for(world.alex)
    settings_page = page_text(client.get(reverse("households:settings")))
    assert f'href="{reverse("households:member_remove", args=[world.sam.pk])}"' in settings_page

    page = words(client.get(reverse("households:member_remove", args=[world.sam.pk])))
    assert "Remove Sam from Alex and Sam?" in page
    assert "What Sam will no longer see" in page and "any results another parent shared with them" in page
    assert "Their own screening results and check-in answers, to read, download or delete" in page
    assert "Sam will be told the next time they come in" in page
    assert "sensitive actions for Sam and you." in page
    # Looking at the page, or a post without its button's confirmation, removes no one.
    client.post(reverse("households:member_remove", args=[world.sam.pk]))
    assert Member.objects.get(pk=world.sam.pk).is_active

    response = remove(world.alex, world.sam, client)
    assert "Sam is removed." in words(response)
    sam = Member.objects.get(pk=world.sam.pk)
    assert not sam.is_active and sam.removed_by_name == "Alex"


def test_only_parents_remove_and_nobody_removes_themselves(world):
    assert (
        client_for(world.pat).get(reverse("households:member_remove", args=[world.sam.pk])).status_code == 404
    )
    assert remove(world.pat, world.sam).status_code == 404
    response = client_for(world.alex).get(
        reverse("households:member_remove", args=[world.alex.pk]), follow=True
    )
    assert "To remove yourself, leave the household instead." in words(response)
    # Anyone may leave by themselves, helpers included.
    client_for(world.pat).post(reverse("households:leave"))
    assert not Member.objects.get(pk=world.pat.pk).is_active
    # Another household's member is not found.
    assert (
        client_for(world.alex).get(reverse("households:member_remove", args=[world.robin.pk])).status_code
        == 404
    )


def test_two_parents_removing_each_other_leave_the_household_with_one(world):
    alex_before = Member.objects.get(pk=world.alex.pk)
    remove(world.sam, world.alex)
    # Alex's removal of Sam, sent from a page opened before, finds Alex no longer here.
    with pytest.raises(ValidationError, match="no longer a member"):
        services.remove_member(by=alex_before, member=world.sam)
    response = remove(world.alex, world.sam)
    assert response.redirect_chain[-1][0] == reverse("households:start")
    assert Member.objects.get(pk=world.sam.pk).is_active
    assert Member.objects.current().parents().filter(household_id=world.alex.household_id).count() == 1


def test_the_last_parent_is_never_removed(world):
    services.leave_household(member=world.sam)
    alex = Member.objects.get(pk=world.alex.pk)
    # The guard under the rules above: were anyone but the last parent to ask, the answer says why not.
    assert _removal_refusal(world.pat, alex) == (
        "Alex is the last parent here, so they cannot be removed: a household always keeps a parent."
    )


def test_someone_already_gone_is_not_removed_again(world):
    remove(world.alex, world.sam)
    response = client_for(world.alex).get(
        reverse("households:member_remove", args=[world.sam.pk]), follow=True
    )
    assert "Sam is no longer in this household." in words(response)
    assert Member.objects.get(pk=world.sam.pk).removed_by_name == "Alex"


def test_a_removed_member_with_no_household_is_told_and_offered_their_results(world):
    remove(world.alex, world.sam)
    response = client_for(world.sam).get(reverse("home:today"), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("households:start")
    page = words(response)
    assert "You are not in a household now" in page
    assert re.search(r"Alex removed you from Alex and Sam on \d+ \w+ \d{4}\.", page)
    assert f'href="{reverse("wellbeing:yours")}"' in page and "Create the household" in page
    assert Member.objects.get(pk=world.sam.pk).removal_seen_at is not None


def test_a_removed_member_in_another_household_is_told_once_when_they_sign_in(world):
    token = services.invite(member=world.robin, role=Role.HELPER).token
    services.accept_invitation(user=world.sam.user, token=token, display_name="Sam")
    remove(world.alex, world.sam)
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": "sam@example.com", "password": PASSWORD}, follow=True
    )
    assert re.search(
        r"Alex removed you from Alex and Sam on .*? Your own screening results are still yours",
        words(response),
    )
    assert "removed you" not in words(client.get(reverse("home:today")))


def test_a_member_removed_while_signed_in_is_told_on_their_next_page(world):
    token = services.invite(member=world.robin, role=Role.HELPER).token
    services.accept_invitation(user=world.sam.user, token=token, display_name="Sam")
    sam = client_for(world.sam)
    sam.post(reverse("households:switch"), {"household": world.alex.household_id})
    remove(world.alex, world.sam)
    page = words(sam.get(reverse("home:today")))
    assert "Alex removed you from Alex and Sam" in page and ">Bo</h2>" in page
    assert "removed you" not in words(sam.get(reverse("home:today")))


def test_joining_again_clears_the_removal(world):
    remove(world.alex, world.sam)
    token = services.invite(member=world.alex, role=Role.PARENT).token
    sam = services.accept_invitation(user=world.sam.user, token=token, display_name="Sam")
    assert sam.is_active and sam.removed_by_name == "" and sam.removal_seen_at is None
    assert "not in a household" not in words(client_for(world.sam).get(reverse("home:today"), follow=True))


def test_someone_who_left_by_themselves_is_pointed_to_their_own_results(world):
    client_for(world.sam).post(reverse("households:leave"))
    page = words(client_for(world.sam).get(reverse("home:today"), follow=True))
    assert "You are not in a household now" not in page and "removed you" not in page
    assert f'href="{reverse("wellbeing:yours")}"' in page
    # Someone who was never in a household is not.
    newcomer = Client()
    newcomer.force_login(make_user("new@example.com"))
    assert reverse("wellbeing:yours") not in page_text(newcomer.get(reverse("households:start")))
