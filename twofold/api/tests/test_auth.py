"""Who may call the API: an app key or a session, and anonymous callers get a JSON 401.

The token endpoint that makes keys belongs to accounts (accounts/tests/test_token_endpoint.py); keys are
made here through knox's model, as accounts shares this app's floor and may not be imported.
"""

from __future__ import annotations

import pytest
from knox.models import get_token_model
from rest_framework.test import APIClient

LISTS = ["/api/v1/children/", "/api/v1/members/", "/api/v1/events/", "/api/v1/timers/"]


def key_for(user) -> str:
    _, key = get_token_model().objects.create(user=user, name="Phone")
    return key


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


def test_a_token_opens_the_api(world):
    key = key_for(world.alex.user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")

    response = client.get("/api/v1/children/")

    assert response.status_code == 200
    assert [child["name"] for child in response.json()["results"]] == ["Ada"]


def test_a_token_can_log_care_without_a_csrf_token(world):
    key = key_for(world.alex.user)
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
