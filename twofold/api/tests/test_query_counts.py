"""Lists cost a fixed number of queries, however long the log: details come with their events."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from twofold.care.services import log_care_event, start_timer

KINDS: list[tuple[str, dict[str, Any] | None]] = [
    ("feed", {"method": "formula", "amount_ml": 90}),
    ("nappy", {"contents": "wet"}),
    ("sleep", {"place": "cot"}),
    ("settle", {"tried": ["rocking"]}),
    ("play", {"activity": "reading"}),
    ("pumping", {"amount_ml": 100}),
    ("medicine", {"name": "Vitamin D"}),
    ("bath", None),
]


def log_events(world, count: int) -> None:
    now = timezone.now()
    for i in range(count):
        kind, details = KINDS[i % len(KINDS)]
        log_care_event(
            member=world.alex,
            child=world.ada,
            kind=kind,
            details=details,
            start=now - dt.timedelta(minutes=i),
        )


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/api/v1/events/", "/api/v1/children/", "/api/v1/members/"])
def test_a_list_costs_the_same_with_a_few_or_many_events(world, api_for, url):
    client = api_for(world.alex)
    log_events(world, 8)
    few = queries(client, url)

    log_events(world, 40)

    assert queries(client, url) == few


def test_the_events_list_takes_two_queries(world, api_for):
    log_events(world, 16)

    # The page's count, then the page with every kind's details joined in.
    assert queries(api_for(world.alex), "/api/v1/events/") == 2


def test_running_timers_cost_the_same_however_many(world, api_for):
    client = api_for(world.alex)
    start_timer(member=world.alex, child=world.ada, kind="sleep")
    one = queries(client, "/api/v1/timers/")

    start_timer(member=world.alex, child=world.ada, kind="feed")
    start_timer(member=world.alex, child=world.ada, kind="settle")

    assert queries(client, "/api/v1/timers/") == one
