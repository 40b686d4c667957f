"""Today and History must cost the same number of queries with a week of log or a year of it."""

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from twofold.care.services import log_care_event
from twofold.conftest import client_for


def _fill(world, days: int) -> None:
    now = timezone.now()
    kinds: list[tuple[str, dict[str, Any]]] = [
        ("feed", {"method": "formula", "amount_ml": 90}),
        ("nappy", {"contents": "wet"}),
        ("sleep", {"place": "cot"}),
        ("settle", {"tried": ["rocking"], "outcome": "settled"}),
        ("play", {"activity": "reading"}),
        ("bath", {}),
    ]
    for day in range(days):
        for i, (kind, details) in enumerate(kinds):
            start = now - dt.timedelta(days=day, hours=i * 3 + 1)
            end = start + dt.timedelta(minutes=20) if kind not in ("nappy",) else None
            by = world.alex if i % 2 else world.sam
            log_care_event(member=by, child=world.ada, kind=kind, start=start, end=end, details=details)


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url_name", ["home:today", "care:history", "care:quick_log"])
def test_query_count_does_not_grow_with_the_log(world, url_name):
    client = client_for(world.alex)
    _fill(world, days=7)
    small = _queries(client, reverse(url_name))
    _fill(world, days=60)
    large = _queries(client, reverse(url_name))
    assert small == large, f"{url_name}: {small} queries with a week, {large} with two months"


def test_filtered_history_costs_the_same_with_a_larger_log(world):
    client = client_for(world.alex)
    url = reverse("care:history") + f"?kind=feed&by={world.sam.pk}&date_from=2026-01-01&page=2"
    _fill(world, days=10)
    small = _queries(client, url)
    _fill(world, days=40)
    assert _queries(client, url) == small
