"""Private pages and every API response say `Cache-Control: no-store`; static files need not."""

from __future__ import annotations

from django.test import Client

from twofold.accounts.app_keys import make_key
from twofold.conftest import client_for


def no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_a_members_page_is_not_stored(world):
    response = client_for(world.alex).get("/")
    assert response.status_code == 200
    assert no_store(response)
    assert "private" in response["Cache-Control"]


def test_a_members_redirect_is_not_stored_either(world):
    response = client_for(world.alex).get("/household/invitations/")
    assert response.status_code == 405
    assert no_store(response)


def test_an_api_response_is_not_stored(world):
    _, key = make_key(user=world.alex.user, name="Phone", days=30)
    response = Client().get("/api/v1/children/", headers={"Authorization": f"Token {key}"})
    assert response.status_code == 200
    assert "Ada" in response.content.decode()
    assert no_store(response)


def test_an_api_refusal_is_not_stored(db):
    response = Client().get("/api/v1/children/")
    assert response.status_code in {401, 403}
    assert no_store(response)


def test_a_static_file_keeps_its_caching_even_for_a_member(world):
    response = client_for(world.alex).get("/static/twofold/icon.svg")
    assert response.status_code == 200
    assert not no_store(response)


def test_a_strangers_public_response_is_left_alone(db):
    # (Django's login view marks itself never-cache on its own; this middleware adds nothing for strangers.)
    response = Client().get("/")
    assert response.status_code == 302
    assert "Cache-Control" not in response


def test_a_view_that_allowed_caching_is_overridden_for_a_member(world):
    # The calendar feed lets a calendar app cache it a while; opened by a logged-in member, it may not.
    from twofold.nights.services import new_calendar_link

    token = new_calendar_link(member=world.sam)
    response = client_for(world.sam).get(f"/nights/calendar/{token}.ics")
    assert response.status_code == 200
    assert no_store(response)
    assert "max-age=900" not in response["Cache-Control"]
