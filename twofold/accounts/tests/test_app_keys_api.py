"""App keys through the API: made once, hashed, expiring, revocable by their owner alone, recorded."""

from __future__ import annotations

import datetime as dt

import time_machine
from rest_framework.test import APIClient

from twofold.accounts.app_keys import KEYS_PER_MEMBER, TOO_MANY_KEYS, make_key
from twofold.accounts.auth import KEY_REFUSED
from twofold.accounts.models import AppKey
from twofold.accounts.tests.keys import CHILDREN, KEYS, TOKEN, app_with, opens_the_api
from twofold.audit.models import Action, AuditEntry
from twofold.conftest import PASSWORD

NOW = dt.datetime(2026, 12, 6, 15, 0, tzinfo=dt.UTC)


def ask_for_a_key(**fields):
    return APIClient().post(
        TOKEN, {"email": "alex@example.com", "password": PASSWORD, **fields}, format="json"
    )


def test_a_key_is_made_with_a_name_and_opens_the_api(world):
    response = ask_for_a_key(name="Home Assistant")

    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Home Assistant"
    assert body["never_expires"] is False
    assert opens_the_api(body["token"])
    assert app_with(body["token"]).get(CHILDREN).json()["results"][0]["name"] == "Ada"


def test_only_a_hash_of_the_key_is_kept(world):
    key = ask_for_a_key(name="Phone").json()["token"]

    stored = AppKey.objects.get()
    assert key not in {stored.digest, stored.token_key}
    assert len(stored.digest) == 128  # sha512


def test_a_key_lasts_the_default_days_unless_asked(world, settings):
    with time_machine.travel(NOW, tick=False):
        default = ask_for_a_key().json()
        week = ask_for_a_key(expires_in_days=7).json()

    assert default["expiry"].startswith("2027-01-05")  # 30 days
    assert default["name"] == "API key made 06 Dec 2026"
    assert week["expiry"].startswith("2026-12-13")


def test_a_key_that_never_expires_is_a_deliberate_choice(world):
    body = ask_for_a_key(name="Home Assistant", never_expires=True).json()

    assert body["never_expires"] is True
    assert body["expiry"] is None
    assert AppKey.objects.get().expiry is None


def test_asking_for_both_lifetimes_is_a_field_error(world):
    response = ask_for_a_key(never_expires=True, expires_in_days=7)

    assert response.status_code == 400
    assert "never_expires" in response.json()
    assert not AppKey.objects.exists()


def test_out_of_range_days_are_a_field_error(world):
    response = ask_for_a_key(expires_in_days=1000)

    assert response.status_code == 400
    assert "expires_in_days" in response.json()


def test_an_expired_key_is_401_with_what_to_do(world):
    with time_machine.travel(NOW, tick=False) as clock:
        _, key = make_key(user=world.alex.user, name="Phone", days=1)
        assert opens_the_api(key)
        clock.shift(dt.timedelta(days=1, seconds=1))

        response = app_with(key).get(CHILDREN)

    assert response.status_code == 401
    assert response.json() == {"detail": KEY_REFUSED}


def test_a_revoked_key_is_401(world):
    _, key = make_key(user=world.alex.user, name="Phone", days=30)
    other, spare = make_key(user=world.alex.user, name="Laptop", days=30)

    response = app_with(spare).delete(f"{KEYS}{AppKey.objects.get(name='Phone').pk}/")

    assert response.status_code == 204
    assert not opens_the_api(key)
    assert opens_the_api(spare)


def test_a_key_can_revoke_itself(world):
    made, key = make_key(user=world.alex.user, name="Phone", days=30)

    assert app_with(key).delete(f"{KEYS}{made.pk}/").status_code == 204
    assert not opens_the_api(key)


def test_the_list_shows_your_live_keys_and_never_a_secret(world):
    with time_machine.travel(NOW, tick=False) as clock:
        make_key(user=world.alex.user, name="Old tablet", days=1)
        _, key = make_key(user=world.alex.user, name="Home Assistant", days=None)
        make_key(user=world.sam.user, name="Sam's phone", days=30)
        clock.shift(dt.timedelta(days=2))

        response = app_with(key).get(KEYS)

    assert response.status_code == 200
    listed = response.json()["results"]
    assert [k["name"] for k in listed] == ["Home Assistant"]
    assert listed[0]["never_expires"] is True
    assert listed[0]["last_used"] is not None  # this very request
    assert set(listed[0]) == {"id", "name", "created", "last_used", "expiry", "never_expires"}
    assert key not in response.content.decode()


def test_another_members_key_is_404_to_see_or_revoke(world):
    sams, sam_key = make_key(user=world.sam.user, name="Sam's phone", days=30)
    _, alex_key = make_key(user=world.alex.user, name="Alex's phone", days=30)
    alex = app_with(alex_key)

    assert alex.get(f"{KEYS}{sams.pk}/").status_code == 404
    assert alex.delete(f"{KEYS}{sams.pk}/").status_code == 404
    assert opens_the_api(sam_key)


def test_making_and_revoking_are_in_the_owners_audit_trail(world):
    body = ask_for_a_key(name="Home Assistant", never_expires=True).json()
    app_with(body["token"]).delete(f"{KEYS}{body['id']}/")

    made, revoked = AuditEntry.objects.order_by("id")
    assert (made.action, revoked.action) == (Action.TOKEN_MADE, Action.TOKEN_REVOKED)
    assert made.detail == "“Home Assistant”, never expires"
    assert revoked.detail == "“Home Assistant”"
    for entry in (made, revoked):
        assert list(entry.concerns.all()) == [world.alex.user]
        assert entry.actor == world.alex.user


def test_last_used_is_kept_to_the_hour(world):
    made, key = make_key(user=world.alex.user, name="Phone", days=30)
    with time_machine.travel(NOW, tick=False) as clock:
        app_with(key).get(CHILDREN)
        clock.shift(dt.timedelta(minutes=30))
        app_with(key).get(CHILDREN)
        half_hour = AppKey.objects.get(pk=made.pk).last_used
        clock.shift(dt.timedelta(minutes=31))
        app_with(key).get(CHILDREN)

    assert half_hour == NOW
    assert AppKey.objects.get(pk=made.pk).last_used == NOW + dt.timedelta(minutes=61)


def test_a_member_cannot_pile_up_keys(world):
    for number in range(KEYS_PER_MEMBER):
        make_key(user=world.alex.user, name=f"Script run {number}", days=30)

    response = ask_for_a_key(name="One more")

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": [TOO_MANY_KEYS]}


def test_a_session_lists_keys_too(world):
    make_key(user=world.alex.user, name="Phone", days=30)
    client = APIClient()
    client.force_login(world.alex.user)

    assert [k["name"] for k in client.get(KEYS).json()["results"]] == ["Phone"]


def test_the_key_endpoints_are_in_the_schema(world):
    client = APIClient()
    client.force_login(world.alex.user)

    paths = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()["paths"]

    assert set(paths["/api/v1/auth/token/"]) == {"post"}
    assert "429" in paths["/api/v1/auth/token/"]["post"]["responses"]
    assert set(paths["/api/v1/auth/tokens/"]) == {"get"}
    assert {"get", "delete"} <= set(paths["/api/v1/auth/tokens/{id}/"])
