"""Baby Buddy clients for the shared personas: each calls with its own app key, as Home Assistant does."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
import time_machine
from knox.models import get_token_model
from rest_framework.test import APIClient

from twofold.households.models import Member

# A Friday morning in November: London is on UTC, Ada is seven weeks old.
NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def pinned_clock() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


def key_for(member: Member) -> str:
    _, key = get_token_model().objects.create(user=member.user, name="Home Assistant", expiry=None)
    return str(key)


@pytest.fixture
def baby_buddy() -> Callable[[Member], APIClient]:
    """A client that sends `Authorization: Token <key>` with a key of the member's own."""

    def client_for(member: Member) -> APIClient:
        client = APIClient(enforce_csrf_checks=True)
        client.credentials(HTTP_AUTHORIZATION=f"Token {key_for(member)}")
        return client

    return client_for
