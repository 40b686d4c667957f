"""The token endpoint: an email and password make a new app key; wrong ones, or a locked account, do not."""

from __future__ import annotations

import datetime as dt

import time_machine
from axes.models import AccessAttempt
from django.conf import settings
from rest_framework.test import APIClient

from twofold.accounts.api import LOCKED_OUT, NEEDS_EMAIL, WRONG_LOGIN
from twofold.accounts.models import AppKey
from twofold.accounts.tests.keys import TOKEN
from twofold.conftest import PASSWORD


def test_a_token_is_issued_for_the_login_email_and_password(world):
    response = APIClient().post(TOKEN, {"username": "sam@example.com", "password": PASSWORD}, format="json")

    assert response.status_code == 200
    key = AppKey.objects.get(user=world.sam.user)
    body = response.json()
    assert body["id"] == key.pk
    assert body["token"].startswith(key.token_key)
    assert key.digest != body["token"]  # only a hash is kept
    assert body["never_expires"] is False
    assert "no-store" in response["Cache-Control"]  # the one answer holding the key is never cached


def test_each_request_makes_a_new_key(world):
    client = APIClient()
    first = client.post(TOKEN, {"username": "sam@example.com", "password": PASSWORD}, format="json").json()

    again = client.post(TOKEN, {"username": "sam@example.com", "password": PASSWORD}, format="json").json()

    assert first["token"] != again["token"]
    assert AppKey.objects.filter(user=world.sam.user).count() == 2


def test_a_wrong_password_gets_no_token(world):
    response = APIClient().post(TOKEN, {"username": "sam@example.com", "password": "guess"}, format="json")

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": [WRONG_LOGIN]}
    assert not AppKey.objects.exists()


def test_missing_credentials_name_the_fields(db):
    response = APIClient().post(TOKEN, {}, format="json")

    assert response.status_code == 400
    assert set(response.json()) == {"email", "password"}


def test_a_password_without_an_email_says_what_to_send(db):
    response = APIClient().post(TOKEN, {"password": PASSWORD}, format="json")

    assert response.status_code == 400
    assert response.json() == {"email": [NEEDS_EMAIL]}


def test_the_email_field_works_as_well_as_username(world):
    response = APIClient().post(TOKEN, {"email": "Sam@Example.com", "password": PASSWORD}, format="json")

    assert response.status_code == 200
    assert AppKey.objects.get().user == world.sam.user


def test_repeated_wrong_passwords_lock_the_token_endpoint_too(world):
    client = APIClient()
    # A minute apart, under the endpoint's rate limit, so the lockout is what answers.
    with time_machine.travel(dt.datetime(2026, 12, 6, 15, 0, tzinfo=dt.UTC), tick=False) as clock:
        for _ in range(settings.AXES_FAILURE_LIMIT):
            client.post(TOKEN, {"username": "sam@example.com", "password": "guess"}, format="json")
            clock.shift(61)

        response = client.post(TOKEN, {"username": "sam@example.com", "password": PASSWORD}, format="json")

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": [LOCKED_OUT]}
    assert not AppKey.objects.exists()
    assert (
        AccessAttempt.objects.get(username="sam@example.com").failures_since_start
        >= settings.AXES_FAILURE_LIMIT
    )
