"""Helpers for the app key tests: a key's owner calls the API with it, as an app would."""

from __future__ import annotations

from rest_framework.test import APIClient

TOKEN = "/api/v1/auth/token/"
KEYS = "/api/v1/auth/tokens/"
CHILDREN = "/api/v1/children/"


def app_with(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def opens_the_api(key: str) -> bool:
    status = app_with(key).get(CHILDREN).status_code
    assert status in {200, 401}, status
    return status == 200
