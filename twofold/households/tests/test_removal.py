"""Removing someone: asked first, never the last parent, told to the removed member, kept in the audit trail,
and their own results stay theirs."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from twofold.audit.models import Action, AuditEntry
from twofold.conftest import PASSWORD, client_for, join, page_text
from twofold.households import services
from twofold.households.models import Member, Role
from twofold.households.services import _removal_refusal
from twofold.wellbeing import services as wellbeing
from twofold.wellbeing.models import Screening


def words(response) -> str:
    return re.sub(r"\s+", " ", page_text(response))


def remove(by: Member, member: Member, client: Client | None = None):
    client = client or client_for(by)
    url = reverse("households:member_remove", args=[member.pk])
    return client.post(url, {"confirm": "remove"}, follow=True)


def take(member: Member, instrument: str = "phq2") -> Screening:
    screening = wellbeing.start_screening(member=member, instrument=instrument)
    for item in wellbeing.offered_instruments()[instrument].items:
        wellbeing.record_answer(member=member, screening=screening, item=item.number, position=2)
    return wellbeing.finish_screening(member=member, screening=screening).screening


def test_removing_asks_first_naming_the_person_and_what_they_lose_and_keep(world):
    client = client_for(world.alex)
    settings_page = page_text(client.get(reverse("households:settings")))
    assert f'href="{reverse("households:member_remove", args=[world.sam.pk])}"' in settings_page

    page = words(client.get(reverse("households:member_remove", args=[world.sam.pk])))
    assert "Remove Sam from Alex and Sam?" in page
    assert "What Sam will no longer see" in page and "any results another parent shared with them" in page
    assert "Their own screening results, to read, download or delete" in page
    assert "Sam will be told the next time they come in" in page
    # Looking at the page, or a post without its button's confirmation, removes no one.
    client.post(reverse("households:member_remove", args=[world.sam.pk]))
    assert Member.objects.get(pk=world.sam.pk).is_active

    response = remove(world.alex, world.sam, client)
    assert "Sam is removed." in words(response)
    sam = Member.objects.get(pk=world.sam.pk)
    assert not sam.is_active and sam.removed_by_name == "Alex"


def test_a_removal_is_kept_for_the_remover_the_removed_and_the_other_parents(world):
    casey = join(world.alex, "casey@example.com", "Casey", Role.PARENT)
    remove(world.alex, world.sam)
    entry = AuditEntry.objects.get(action=Action.MEMBER_REMOVED)
    assert entry.actor == world.alex.user and entry.household_id == world.alex.household_id
    assert entry.detail == "Removed Sam (parent)"
    # The helper and the other household are not concerned.
    assert set(entry.concerns.all()) == {world.alex.user, world.sam.user, casey.user}


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
    assert AuditEntry.objects.filter(action=Action.MEMBER_REMOVED).count() == 1


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


def test_a_removed_parent_keeps_their_own_results_to_read_download_and_delete(world):
    mine = take(world.sam)
    wellbeing.share_screening(member=world.sam, screening=mine, shared=True)
    remove(world.alex, world.sam)
    sam = client_for(world.sam)

    listing = words(sam.get(reverse("wellbeing:yours")))
    assert "From Alex and Sam" in listing and reverse("wellbeing:yours_result", args=[mine.pk]) in listing
    result = words(sam.get(reverse("wellbeing:yours_result", args=[mine.pk])))
    assert "Your PHQ-2 result" in result and "You are no longer in Alex and Sam" in result
    assert "Share this result" not in result and "Stop sharing" not in result

    download = sam.get(reverse("wellbeing:yours_download"))
    assert download["Content-Disposition"].startswith("attachment;")
    rows = download.json()["screenings"]
    assert [row["id"] for row in rows] == [mine.pk]
    assert rows[0]["household_name"] == "Alex and Sam" and len(rows[0]["answers"]) == 2

    # What Sam shared no longer reaches the household; nobody else reaches it through Sam's pages.
    assert sam.get(reverse("wellbeing:result", args=[mine.pk])).status_code == 302  # no household: start
    assert client_for(world.alex).get(reverse("wellbeing:result", args=[mine.pk])).status_code == 404
    for other in (world.alex, world.robin):
        assert client_for(other).get(reverse("wellbeing:yours_result", args=[mine.pk])).status_code == 404
        assert (
            client_for(other)
            .post(reverse("wellbeing:yours_delete", args=[mine.pk]), {"confirm": "delete"})
            .status_code
            == 404
        )
        assert mine.pk not in [
            row["id"]
            for row in client_for(other).get(reverse("wellbeing:yours_download")).json()["screenings"]
        ]

    assert "Delete your two-minute check on mood" in words(
        sam.get(reverse("wellbeing:yours_delete", args=[mine.pk]))
    )
    response = sam.post(reverse("wellbeing:yours_delete", args=[mine.pk]), {"confirm": "delete"}, follow=True)
    assert "That result and its answers are deleted." in words(response)
    assert not Screening.objects.filter(pk=mine.pk).exists()


def test_joining_again_clears_the_removal(world):
    remove(world.alex, world.sam)
    token = services.invite(member=world.alex, role=Role.PARENT).token
    sam = services.accept_invitation(user=world.sam.user, token=token, display_name="Sam")
    assert sam.is_active and sam.removed_by_name == "" and sam.removal_seen_at is None
    assert "not in a household" not in words(client_for(world.sam).get(reverse("home:today"), follow=True))
