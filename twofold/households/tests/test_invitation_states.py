"""Invitations that ended are shown for what they are: expired, withdrawn or used, on the household page and
to whoever opens the link, with whom to ask for a new one."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from twofold.conftest import client_for, make_user
from twofold.households import services
from twofold.households.invitations import LISTED_FOR, InvitationState, state_of
from twofold.households.models import Invitation, Member, Role

MADE = dt.datetime(2026, 11, 2, 10, 0, tzinfo=dt.UTC)
A_WEEK_LATER = MADE + services.INVITATION_LIFETIME
LATER = dt.datetime(2026, 11, 12, 10, 0, tzinfo=dt.UTC)


def page_of(response) -> str:
    return html.unescape(response.content.decode())


# ---- The rule ----


def test_an_invitation_is_open_until_the_moment_it_expires():
    assert state_of(accepted_at=None, revoked_at=None, expires_at=A_WEEK_LATER, now=MADE) == "open"
    just_before = A_WEEK_LATER - dt.timedelta(seconds=1)
    assert state_of(accepted_at=None, revoked_at=None, expires_at=A_WEEK_LATER, now=just_before) == "open"
    assert state_of(accepted_at=None, revoked_at=None, expires_at=A_WEEK_LATER, now=A_WEEK_LATER) == "expired"


def test_used_and_withdrawn_links_stay_so_after_their_expiry():
    used = state_of(accepted_at=MADE, revoked_at=None, expires_at=A_WEEK_LATER, now=LATER)
    withdrawn = state_of(accepted_at=None, revoked_at=MADE, expires_at=A_WEEK_LATER, now=LATER)
    assert (used, withdrawn) == (InvitationState.USED, InvitationState.WITHDRAWN)


# ---- The household page ----


@pytest.fixture
def links(world):
    """Four helper and parent links made on 2 November by Alex: one expired, one withdrawn, one used, and
    one made later that is still open on 12 November. The links that brought Sam and Pat in were made
    whenever the test runs, so they are cleared to leave only these."""
    Invitation.objects.all().delete()
    expired = services.invite(member=world.alex, role=Role.HELPER, now=MADE)
    withdrawn = services.invite(member=world.alex, role=Role.PARENT, now=MADE)
    Invitation.objects.filter(pk=withdrawn.invitation.pk).update(revoked_at=MADE + dt.timedelta(days=1))
    used = services.invite(member=world.alex, role=Role.HELPER, now=MADE)
    services.accept_invitation(
        user=make_user("gran@example.com"), token=used.token, display_name="Gran", now=MADE
    )
    still_open = services.invite(member=world.alex, role=Role.PARENT, now=LATER - dt.timedelta(days=1))
    return {"expired": expired, "withdrawn": withdrawn, "used": used, "open": still_open}


def invitation_rows(page: str) -> dict[str, str]:
    """Each listed invitation's line, by its state (data-invitation)."""
    rows = re.findall(r'<li class="row" data-invitation="(\w+)">(.*?)</li>', page, re.DOTALL)
    return {state: " ".join(text.split()) for state, text in rows}


@time_machine.travel(LATER, tick=False)
def test_the_household_page_shows_each_invitation_for_what_it_is(world, links):
    page = page_of(client_for(world.alex).get(reverse("households:settings")))

    rows = invitation_rows(page)
    assert set(rows) == {"open", "expired", "withdrawn", "used"}
    assert "Expired on 9 Nov" in rows["expired"] and "Withdraw" not in rows["expired"]
    assert "Make a new helper link" in rows["expired"]
    assert "withdrawn on 3 Nov" in rows["withdrawn"]
    assert "used by Gran on 2 Nov" in rows["used"]
    assert "open until 18 Nov" in rows["open"] and "Withdraw" in rows["open"]


@time_machine.travel(LATER, tick=False)
def test_an_expired_invitation_offers_a_new_link_for_the_same_role(world, links):
    response = client_for(world.alex).post(reverse("households:invite"), {"role": "helper"})

    assert response.status_code == 200 and "/household/join/" in page_of(response)
    newest = Invitation.objects.filter(household=world.alex.household).latest("created_at")
    assert (newest.role, newest.expires_at) == (Role.HELPER, LATER + services.INVITATION_LIFETIME)


def test_invitations_that_ended_long_ago_drop_off_the_list(world, links):
    with time_machine.travel(MADE + LISTED_FOR + dt.timedelta(days=1), tick=False):
        page = page_of(client_for(world.alex).get(reverse("households:settings")))
    # Only the link made on 11 November is still listed (expired by now); those of 2 November are gone.
    rows = invitation_rows(page)
    assert set(rows) == {"expired"}
    assert "Parent, made by Alex on 11 Nov" in rows["expired"]


@time_machine.travel(LATER, tick=False)
def test_helpers_see_no_invitations(world, links):
    page = page_of(client_for(world.pat).get(reverse("households:settings")))
    assert invitation_rows(page) == {}


# ---- Opening a link that no longer works ----


@time_machine.travel(LATER, tick=False)
@pytest.mark.parametrize("logged_in", [True, False])
def test_an_expired_link_says_it_expired_and_whom_to_ask(world, links, logged_in):
    client = client_for(world.robin) if logged_in else Client()

    response = client.get(reverse("households:join", args=[links["expired"].token]))

    page = page_of(response)
    assert response.status_code == 400
    assert "This invitation has expired" in page
    assert services.INVITATION_EXPIRED in page
    assert "Alex invited you to Alex and Sam; the link expired on 9 November 2026." in page
    assert "Ask Alex, or another parent in Alex and Sam, for a new invitation link." in page


@time_machine.travel(LATER, tick=False)
def test_a_withdrawn_link_says_so_and_whom_to_ask(world, links):
    response = Client().get(reverse("households:join", args=[links["withdrawn"].token]))

    page = page_of(response)
    assert response.status_code == 400
    assert "This invitation was withdrawn" in page
    assert "the link was withdrawn on 3 November 2026." in page
    assert "Ask Alex, or another parent in Alex and Sam" in page


@time_machine.travel(LATER, tick=False)
def test_a_used_link_says_so_to_someone_else(world, links):
    response = client_for(world.robin).post(
        reverse("households:join", args=[links["used"].token]), {"me-display_name": "Robin"}
    )

    page = page_of(response)
    assert response.status_code == 400
    assert "This invitation has been used" in page and services.INVITATION_USED in page
    assert "Ask Alex, or another parent in Alex and Sam" in page
    assert not world.alex.household.members.filter(user=world.robin.user).exists()


@time_machine.travel(LATER, tick=False)
def test_the_person_who_used_a_link_opening_it_again_is_taken_in(world, links):
    gran = Client()
    gran.force_login(get_user_model().objects.get(username="gran@example.com"))

    response = gran.get(reverse("households:join", args=[links["used"].token]), follow=True)

    assert response.redirect_chain[0][0] == reverse("home:today")
    assert "You joined Alex and Sam with this link already." in page_of(response)


@time_machine.travel(LATER, tick=False)
def test_a_link_accepted_while_the_page_was_open_says_it_was_used(world, links):
    # The link worked when the page opened; someone else joined with it before this person pressed Join.
    token = links["open"].token
    services.accept_invitation(user=make_user("first@example.com"), token=token, display_name="First")

    join = reverse("households:join", args=[token])
    response = client_for(world.robin).post(join, {"me-display_name": "Robin"})

    assert response.status_code == 400
    assert "This invitation has been used" in page_of(response)


@time_machine.travel(LATER, tick=False)
def test_someone_who_used_a_link_and_left_is_told_it_was_used(world, links):
    gran = Member.objects.get(user__username="gran@example.com")
    services.leave_household(member=gran)
    assert gran.user is not None
    client = Client()
    client.force_login(gran.user)

    response = client.get(reverse("households:join", args=[links["used"].token]))

    assert response.status_code == 400
    assert "This invitation has been used" in page_of(response)
