"""A phone that retries a request after a dropped connection must not log the care twice."""

from __future__ import annotations

import uuid

from twofold.care.models import CareEvent

EVENTS = "/api/v1/events/"
TIMERS = "/api/v1/timers/"


def test_retry_with_the_same_client_id_returns_the_first_event(world, api_for):
    client = api_for(world.alex)
    body = {
        "client_id": str(uuid.uuid4()),
        "child": world.ada.pk,
        "kind": "nappy",
        "nappy": {"contents": "wet"},
    }

    first = client.post(EVENTS, body, format="json")
    again = client.post(EVENTS, body, format="json")

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert CareEvent.objects.count() == 1


def test_a_retry_does_not_change_the_first_event(world, api_for):
    cid = str(uuid.uuid4())
    client = api_for(world.alex)
    client.post(
        EVENTS, {"client_id": cid, "child": world.ada.pk, "kind": "note", "note": "first"}, format="json"
    )

    again = client.post(
        EVENTS, {"client_id": cid, "child": world.ada.pk, "kind": "note", "note": "second"}, format="json"
    )

    assert again.status_code == 200
    assert again.json()["note"] == "first"
    assert CareEvent.objects.get().note == "first"


def test_the_other_parents_phone_retrying_gets_the_same_event(world, api_for):
    cid = str(uuid.uuid4())
    body = {"client_id": cid, "child": world.ada.pk, "kind": "bath"}
    first = api_for(world.alex).post(EVENTS, body, format="json")

    again = api_for(world.sam).post(EVENTS, body, format="json")

    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["logged_by"] == world.alex.pk


def test_the_same_client_id_in_another_household_is_a_different_event(world, api_for):
    cid = str(uuid.uuid4())
    mine = api_for(world.alex).post(
        EVENTS, {"client_id": cid, "child": world.ada.pk, "kind": "bath"}, format="json"
    )

    theirs = api_for(world.robin).post(
        EVENTS, {"client_id": cid, "child": world.bo.pk, "kind": "bath"}, format="json"
    )

    assert theirs.status_code == 201
    assert theirs.json()["id"] != mine.json()["id"]
    assert theirs.json()["child"] == world.bo.pk
    assert CareEvent.objects.filter(client_id=cid).count() == 2


def test_retrying_a_timer_start_does_not_start_a_second_one(world, api_for):
    client = api_for(world.alex)
    body = {"client_id": str(uuid.uuid4()), "child": world.ada.pk, "kind": "sleep"}

    first = client.post(TIMERS, body, format="json")
    again = client.post(TIMERS, body, format="json")

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert CareEvent.objects.filter(running=True).count() == 1
