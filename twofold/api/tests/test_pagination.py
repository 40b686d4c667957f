"""The care log comes in pages of 50, so a year of care does not arrive in one response, and is never
counted: a page reads its own rows and one more, whatever the log's length."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from twofold.care.services import log_care_event

EVENTS = "/api/v1/events/"


def test_the_log_is_paginated_by_fifty(world, api_for):
    now = timezone.now()
    logged = [
        log_care_event(
            member=world.alex,
            child=world.ada,
            kind="nappy",
            start=now - dt.timedelta(minutes=10 * i),
            details={"contents": "wet"},
        ).event
        for i in range(51)
    ]
    client = api_for(world.alex)

    first = client.get(EVENTS).json()

    assert "count" not in first
    assert len(first["results"]) == 50
    assert first["previous"] is None
    assert first["next"].endswith(f"{EVENTS}?page=2")
    second = client.get(EVENTS, {"page": 2}).json()
    assert [e["id"] for e in second["results"]] == [logged[-1].pk]
    assert second["next"] is None
    assert second["previous"].endswith(EVENTS)
    seen = [e["id"] for e in first["results"] + second["results"]]
    assert seen == [e.pk for e in logged]


def test_filters_carry_into_the_next_page_link(world, api_for):
    now = timezone.now()
    for i in range(51):
        log_care_event(member=world.alex, child=world.ada, kind="bath", start=now - dt.timedelta(minutes=i))

    body = api_for(world.alex).get(EVENTS, {"kind": "bath"}).json()

    assert "kind=bath" in body["next"]
    assert "page=2" in body["next"]


def test_a_page_past_the_end_is_404(world, api_for):
    response = api_for(world.alex).get(EVENTS, {"page": 3})

    assert response.status_code == 404
    assert "detail" in response.json()


def test_exactly_one_full_page_has_no_next_page(world, api_for):
    now = timezone.now()
    for i in range(50):
        log_care_event(member=world.alex, child=world.ada, kind="bath", start=now - dt.timedelta(minutes=i))

    body = api_for(world.alex).get(EVENTS).json()

    assert len(body["results"]) == 50
    assert body["next"] is None


def test_a_page_that_is_not_a_number_is_404_saying_so(world, api_for):
    response = api_for(world.alex).get(EVENTS, {"page": "last"})

    assert response.status_code == 404
    assert "no page last" in response.json()["detail"]
