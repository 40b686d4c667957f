from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from twofold.conftest import World, client_for, make_user
from twofold.households.models import Member, Role
from twofold.households.services import accept_invitation, invite

ACCOUNT = reverse("accounts:account")


def also_join_robins_household(world: World) -> Member:
    token = invite(member=world.robin, role=Role.HELPER).token
    assert world.sam.user is not None
    return accept_invitation(user=world.sam.user, token=token, display_name="Sam")


def test_the_account_page_shows_your_name_email_and_households(world):
    response = client_for(world.alex).get(ACCOUNT)

    page = response.content.decode()
    assert "<b>Alex</b>" in page and "alex@example.com" in page
    assert "Alex and Sam" in page
    assert "Robin" not in page
    assert reverse("accounts:password_change") in page


def test_the_account_page_lists_every_household_you_are_in(world):
    also_join_robins_household(world)

    response = client_for(world.sam).get(ACCOUNT)

    assert [m.household.name for m in response.context["memberships"]] == ["Alex and Sam", "Robin's"]


@pytest.mark.django_db
def test_someone_without_a_household_is_offered_to_set_one_up(client):
    client.force_login(make_user("jo@example.com"))

    response = client.get(ACCOUNT)

    assert list(response.context["memberships"]) == []
    assert reverse("households:start") in response.content.decode()


@pytest.mark.django_db
def test_the_account_page_needs_you_to_be_logged_in(client):
    response = client.get(ACCOUNT)

    assert response["Location"] == f"{reverse('accounts:login')}?next={ACCOUNT}"


def count_queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(ACCOUNT).status_code == 200
    return len(queries)


def test_the_account_page_makes_a_small_fixed_number_of_queries(world):
    client = client_for(world.sam)
    in_one = count_queries(client)
    also_join_robins_household(world)
    in_two = count_queries(client)

    # The session, the user, the member acting now (middleware) and the list of households.
    assert in_one == in_two == 4
