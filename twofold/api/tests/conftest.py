"""API clients for the shared personas (see twofold/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from twofold.households.models import Member


@pytest.fixture
def api_for() -> Callable[[Member], APIClient]:
    def client_for(member: Member) -> APIClient:
        client = APIClient()
        client.force_authenticate(member.user)
        return client

    return client_for
