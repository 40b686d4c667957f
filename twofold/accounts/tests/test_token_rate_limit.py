"""The token endpoint answers 429 past a few requests a minute, per account and per address."""

from __future__ import annotations

import datetime as dt

import time_machine
from rest_framework.test import APIClient

from twofold.accounts.models import AppKey
from twofold.accounts.tests.keys import TOKEN
from twofold.conftest import PASSWORD

NOW = dt.datetime(2026, 12, 6, 15, 0, tzinfo=dt.UTC)


def ask(client: APIClient, email: str, password: str = PASSWORD, address: str = "203.0.113.7") -> int:
    body = {"email": email, "password": password}
    return client.post(TOKEN, body, format="json", REMOTE_ADDR=address).status_code


def test_a_sixth_request_for_one_account_in_a_minute_is_429_with_a_clear_message(world):
    client = APIClient()
    with time_machine.travel(NOW, tick=False):
        statuses = [ask(client, "alex@example.com", address=f"203.0.113.{n}") for n in range(5)]
        response = client.post(
            TOKEN,
            {"email": "alex@example.com", "password": PASSWORD},
            format="json",
            REMOTE_ADDR="198.51.100.1",
        )

    assert statuses == [200] * 5
    assert response.status_code == 429
    assert response.json()["detail"].startswith("Too many requests for a key. Wait ")
    assert int(response["Retry-After"]) > 0
    assert AppKey.objects.count() == 5


def test_the_account_limit_counts_the_email_however_it_is_written(world):
    client = APIClient()
    with time_machine.travel(NOW, tick=False):
        for n in range(5):
            ask(client, "alex@example.com", password="wrong", address=f"203.0.113.{n}")

        assert ask(client, " ALEX@example.com ", address="198.51.100.1") == 429


def test_one_address_asking_for_many_accounts_is_429_too(world):
    client = APIClient()
    emails = ["alex@example.com", "sam@example.com", "pat@example.com", "robin@example.com"] * 3
    with time_machine.travel(NOW, tick=False):
        statuses = [ask(client, email, password="a-guess") for email in emails[:10]]
        eleventh = ask(client, emails[10], password="a-guess")

    assert set(statuses) == {400}
    assert eleventh == 429


def test_the_limit_lifts_after_a_minute(world):
    client = APIClient()
    with time_machine.travel(NOW, tick=False) as clock:
        for n in range(5):
            ask(client, "alex@example.com", address=f"203.0.113.{n}")
        assert ask(client, "alex@example.com") == 429
        clock.shift(61)

        assert ask(client, "alex@example.com") == 200
