"""Deleting an account through its page: what goes, what stays with the household, and what refuses."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.test import Client

from twofold.accounts.app_keys import make_key
from twofold.accounts.erasure import FORMER_MEMBER
from twofold.accounts.models import AppKey
from twofold.accounts.tests.lived_in import SAM_PRIVATE_WORDS, live_in, words
from twofold.audit.models import Action, AuditEntry
from twofold.bonding.models import BondingPlan
from twofold.care.models import CareEvent
from twofold.checkins.models import Agreement, AgreementReview, Checkin
from twofold.conftest import PASSWORD, client_for, make_user, page_text
from twofold.households.models import Household, Member
from twofold.households.services import create_household
from twofold.intake.models import Writing
from twofold.intake.services import keep_writing
from twofold.nights.models import CalendarLink, NightPreference
from twofold.wellbeing.models import Concern, Screening, SharingChoice

DELETE = "/account/delete/"
CONFIRMED = {"password": PASSWORD, "confirm": "delete my account"}


def _logged_in(member) -> Client:
    """A real login (not force_login), so the session is what a browser would hold."""
    client = Client()
    response = client.post("/account/login/", {"username": member.user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def _rows(world) -> dict[str, int]:
    sam = world.sam
    return {
        "screenings": Screening.objects.filter(member=sam).count(),
        "sharing": SharingChoice.objects.filter(member=sam).count(),
        "concerns": Concern.objects.filter(about=sam).count(),
        "checkins": Checkin.objects.filter(member=sam).count(),
        "agreements": Agreement.objects.filter(author=sam).count(),
        "reviews": AgreementReview.objects.filter(reviewer=sam).count(),
        "nights": NightPreference.objects.filter(member=sam).count()
        + CalendarLink.objects.filter(member=sam).count(),
        "bonding": BondingPlan.objects.filter(member=sam).count(),
        "writings": Writing.objects.filter(author=sam).count(),
        "care": CareEvent.objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_the_page_says_what_goes_and_what_stays(world):
    page = words(client_for(world.sam).get(DELETE))
    assert "Your mood checks: every screening, its answers and results" in page
    assert "The care you gave or logged stays in the log of Alex and Sam" in page
    assert "“a former member”" in page
    assert "Households that end with your account" not in page


def test_deleting_keeps_the_care_as_a_former_member_and_removes_the_rest(world):
    lived = live_in(world)
    keep_writing(author=world.sam, text="My private words.")
    sam_user_id = world.sam.user.pk
    before = _rows(world)
    assert all(before.values()), before
    client = _logged_in(world.sam)

    response = client.post(DELETE, CONFIRMED)

    assert response.status_code == 302
    assert response["Location"] == "/account/deleted/"
    assert "Your account is deleted" in page_text(client.get(response["Location"]))
    assert client.get("/").status_code == 302  # logged out: Today sends to the login page
    assert not get_user_model().objects.filter(pk=sam_user_id).exists()

    after = _rows(world)
    assert {k: v for k, v in after.items() if k not in ("care", "users")} == dict.fromkeys(
        after.keys() - {"care", "users"}, 0
    )
    assert after["care"] == before["care"]  # every event stays, the deleted one until it is purged
    former = Member.objects.get(pk=world.sam.pk)
    assert (former.user_id, former.display_name, former.relationship, former.gave_birth) == (
        None,
        FORMER_MEMBER,
        "",
        None,
    )
    assert former.left_at is not None
    assert CareEvent.objects.get(pk=lived.sams_feed.pk).by_id == former.pk
    assert CareEvent.objects.get(pk=lived.logged_by_sam_for_alex.pk).logged_by_id == former.pk

    # Alex's own things are untouched, and Alex's page reads "a former member" where Sam was.
    assert Screening.objects.filter(member=world.alex).count() == 1
    assert Checkin.objects.filter(member=world.alex).count() == 1
    assert Agreement.objects.filter(author=world.alex).count() == 1
    history = page_text(client_for(world.alex).get("/history/"))
    assert FORMER_MEMBER in history
    assert "Sam" not in history.replace("Alex and Sam", "")  # the household's name, not Sam's
    assert SAM_PRIVATE_WORDS not in page_text(client_for(world.alex).get("/us/?week=2026-W47"))


def test_the_remaining_members_are_told_in_the_audit_trail(world):
    _logged_in(world.sam).post(DELETE, CONFIRMED)

    entry = AuditEntry.objects.get(action=Action.ACCOUNT_DELETED)
    assert entry.actor is None and entry.actor_name == "Sam"
    assert entry.household_id == world.alex.household_id
    assert set(entry.concerns.all()) == {world.alex.user, world.pat.user}


def test_a_wrong_password_or_phrase_deletes_nothing(world):
    live_in(world)
    before = _rows(world)
    client = _logged_in(world.sam)

    wrong_password = client.post(DELETE, {**CONFIRMED, "password": "not-my-password"})
    assert wrong_password.status_code == 400
    assert "That isn't your password" in page_text(wrong_password)

    wrong_phrase = client.post(DELETE, {**CONFIRMED, "confirm": "delete my acount"})
    assert wrong_phrase.status_code == 400
    assert "Type “delete my account” to confirm" in page_text(wrong_phrase)

    assert client.post(DELETE, {}).status_code == 400
    assert _rows(world) == before
    assert Member.objects.get(pk=world.sam.pk).display_name == "Sam"
    assert client.get("/").status_code == 200  # still logged in


def test_the_phrase_forgives_capitals_and_spaces(world):
    response = _logged_in(world.sam).post(DELETE, {**CONFIRMED, "confirm": "  Delete My Account "})
    assert response.status_code == 302


def test_the_last_parent_must_confirm_the_household_goes_too(world):
    world.sam.delete()  # Alex is now the only parent; Pat, a helper, stays
    client = _logged_in(world.alex)
    page = words(client.get(DELETE))
    assert "Households that end with your account" in page
    assert "Alex and Sam: Pat will keep their account but lose the household" in page

    refused = client.post(DELETE, CONFIRMED)
    assert refused.status_code == 400
    assert "Tick the box to confirm these households go too" in page_text(refused)
    assert Household.objects.filter(pk=world.alex.household_id).exists()

    assert client.post(DELETE, {**CONFIRMED, "households_go": "on"}).status_code == 302
    assert not Household.objects.filter(pk=world.alex.household_id).exists()
    assert not CareEvent.objects.filter(household_id=world.alex.household_id).exists()
    assert get_user_model().objects.filter(pk=world.pat.user.pk).exists()
    assert Household.objects.filter(pk=world.robin.household_id).exists()
    pats_entry = AuditEntry.objects.get(action=Action.HOUSEHOLD_DELETED)
    assert list(pats_entry.concerns.all()) == [world.pat.user]


def test_the_only_member_deletes_their_household_with_their_account(db):
    user = make_user("solo@example.com")
    solo = create_household(user=user, name="Solo", display_name="Jo")
    client = _logged_in(solo)
    assert client.post(DELETE, {**CONFIRMED, "households_go": "on"}).status_code == 302
    assert not Household.objects.exists()
    assert not get_user_model().objects.exists()


def test_an_account_with_no_household_can_be_deleted(db):
    user = make_user("nobody@example.com")
    client = Client()
    client.force_login(user)
    assert client.post(DELETE, CONFIRMED).status_code == 302
    assert not get_user_model().objects.exists()


def test_the_page_needs_a_login(db):
    response = Client().get(DELETE)
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_every_session_and_api_key_of_the_account_ends(world):
    made, key = make_key(user=world.sam.user, name="Sam's phone", days=30)
    other_phone = _logged_in(world.sam)
    assert other_phone.get("/").status_code == 200
    api = Client(headers={"Authorization": f"Token {key}"})
    assert api.get("/api/v1/children/").status_code == 200

    assert _logged_in(world.sam).post(DELETE, CONFIRMED).status_code == 302

    assert other_phone.get("/").status_code == 302
    assert api.get("/api/v1/children/").status_code == 401
    assert not AppKey.objects.filter(pk=made.pk).exists()


def test_a_helper_leaves_their_care_behind_and_the_household_carries_on(world):
    lived = live_in(world)
    assert _logged_in(world.pat).post(DELETE, CONFIRMED).status_code == 302
    assert Household.objects.filter(pk=world.alex.household_id).exists()
    assert CareEvent.objects.get(pk=lived.pat_feed.pk).by.display_name == FORMER_MEMBER
    assert not AuditEntry.objects.filter(action=Action.HOUSEHOLD_DELETED).exists()


def test_the_account_page_offers_the_download_and_the_deletion(world):
    page = page_text(client_for(world.sam).get("/account/"))
    assert 'href="/account/download/"' in page
    assert 'href="/account/delete/"' in page
