"""`/healthz` answers without a login, says only ok or failed per check, and is never cached."""

from __future__ import annotations

import pytest
from django.db import OperationalError
from django.test import Client

from twofold.home import health
from twofold.sealing import keyring


@pytest.fixture
def fresh_keyring():
    keyring.cache_clear()
    yield
    keyring.cache_clear()


def test_a_healthy_instance_answers_ok_without_a_login(world):
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "keys": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_it_shows_nothing_of_any_household(world):
    body = Client().get("/healthz").content.decode()
    for private in ("Alex", "Ada", "Robin", "example.com"):
        assert private not in body


def test_missing_keys_are_a_503_naming_the_keys(db, settings, fresh_keyring):
    settings.TWOFOLD_ENCRYPTION_KEYS = []
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "keys": "failed"}


def test_a_key_that_is_not_a_fernet_key_is_a_503(db, settings, fresh_keyring):
    settings.TWOFOLD_ENCRYPTION_KEYS = ["not-a-key"]
    assert Client().get("/healthz").json()["keys"] == "failed"


def test_a_database_that_does_not_answer_is_a_503_naming_the_database(db, monkeypatch):
    class Unreachable:
        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr(health, "connection", Unreachable())
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "failed", "keys": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_it_is_not_redirected_to_https_so_a_local_probe_reaches_it(db, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert Client().get("/healthz").status_code == 200
    assert Client().get("/account/login/").status_code == 301


def test_it_only_reads(db):
    assert Client().post("/healthz").status_code == 405
