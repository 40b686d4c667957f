"""Who may call the API: token or session, and anonymous callers get a JSON 401."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from axes.models import AccessAttempt
from django.conf import settings
from rest_framework.test import APIClient

from twofold.accounts.api import LOCKED_OUT, WRONG_LOGIN
from twofold.accounts.app_keys import make_key
from twofold.accounts.models import AppKey
from twofold.conftest import PASSWORD

TOKEN = "/api/v1/auth/token/"
LISTS = ["/api/v1/children/", "/api/v1/members/", "/api/v1/events/", "/api/v1/timers/"]


@pytest.mark.parametrize("url", LISTS)
def test_anonymous_callers_get_401_in_json(db, url):
    response = APIClient().get(url)

    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Authentication credentials were not provided."}
    assert response["WWW-Authenticate"] == "Token"


def test_anonymous_callers_cannot_log_care(world):
    response = APIClient().post("/api/v1/events/", {"child": world.ada.pk, "kind": "bath"}, format="json")

    assert response.status_code == 401
    assert not world.ada.events.exists()


def test_a_token_is_issued_for_the_login_email_and_password(world):
    response = APIClient().post(TOKEN, {"username": "sam@example.com", "password": PASSWORD}, format="json")

    assert response.status_code == 200
    key = AppKey.objects.get(user=world.sam.user)
    body = response.json()
    assert body["id"] == key.pk
    assert body["token"].startswith(key.token_key)
    assert key.digest != body["token"]  # only a hash is kept
    assert body["never_expires"] is False


def test_each_request_makes_a_new_key(world):
    client = APIClient()
    first = client.post(TOKEN, {"username": "sam@example.com", "password": PASSWORD}, format="json").json()

    again = client.post(TOKEN, {"username": "sam@example.com", "password": PASSWORD}, format="json").json()

    assert first["token"] != again["token"]
    assert AppKey.objects.filter(user=world.sam.user).count() == 2


def test_a_token_opens_the_api(world):
    _, key = make_key(user=world.alex.user, name="Phone", days=30)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")

    response = client.get("/api/v1/children/")

    assert response.status_code == 200
    assert [child["name"] for child in response.json()["results"]] == ["Ada"]


def test_a_token_can_log_care_without_a_csrf_token(world):
    _, key = make_key(user=world.alex.user, name="Phone", days=30)
    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")

    response = client.post("/api/v1/events/", {"child": world.ada.pk, "kind": "bath"}, format="json")

    assert response.status_code == 201
    assert world.ada.events.get().logged_by == world.alex


def test_a_wrong_token_is_401(world):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")

    response = client.get("/api/v1/events/")

    assert response.status_code == 401
    assert "detail" in response.json()


def test_a_wrong_password_gets_no_token(world):
    response = APIClient().post(TOKEN, {"username": "sam@example.com", "password": "guess"}, format="json")

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": [WRONG_LOGIN]}
    assert not AppKey.objects.exists()


def test_missing_credentials_name_the_fields(db):
    response = APIClient().post(TOKEN, {}, format="json")

    assert response.status_code == 400
    assert set(response.json()) == {"password"}


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


def test_a_logged_in_session_opens_the_api(world):
    client = APIClient()
    client.force_login(world.sam.user)

    response = client.get("/api/v1/members/")

    assert response.status_code == 200
    assert {m["display_name"] for m in response.json()["results"]} == {"Alex", "Sam", "Pat"}


def test_a_session_must_send_its_csrf_token_to_write(world):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(world.sam.user)

    response = client.post("/api/v1/events/", {"child": world.ada.pk, "kind": "bath"}, format="json")

    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert not world.ada.events.exists()
