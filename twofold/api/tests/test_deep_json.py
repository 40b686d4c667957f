"""A JSON body nested too deep to read is a 400 saying so, on every endpoint that reads JSON, never a 500."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from twofold.care.models import CareEvent
from twofold.households.parsers import TOO_DEEP

DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/events/",  # a ScopedViewSet, which names its parser
        "/api/v1/bonding/responses/",  # a plain APIView, on the default parsers
        "/api/v1/nights/plans/",
        "/api/v1/auth/token/",  # accounts' own view, which names its parsers
    ],
)
def test_a_body_nested_100000_deep_is_a_400_saying_so(world, url):
    client = APIClient(raise_request_exception=False)
    client.force_authenticate(world.alex.user)

    response = client.post(url, DEEP, content_type="application/json")

    assert response.status_code == 400
    assert response.json() == {"detail": TOO_DEEP}
    assert not CareEvent.objects.exists()


def test_an_ordinary_nested_body_still_reads(world):
    client = APIClient()
    client.force_authenticate(world.alex.user)

    response = client.post(
        "/api/v1/events/",
        {"child": world.ada.pk, "kind": "nappy", "nappy": {"contents": "wet"}},
        format="json",
    )

    assert response.status_code == 201
    assert CareEvent.objects.get().nappy.contents == "wet"
