"""A temperature through the API: °C in, °C out, with how it was taken, and the same messages as the pages."""

from __future__ import annotations

from twofold.care.models import TOO_COLD

EVENTS = "/api/v1/events/"


def test_the_api_logs_and_reads_a_temperature_in_celsius(world, api_for):
    client = api_for(world.alex)
    created = client.post(
        EVENTS,
        {
            "child": world.ada.pk,
            "kind": "temperature",
            "temperature": {"celsius": "38.2", "method": "armpit"},
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    assert created.json()["temperature"] == {"celsius": 38.2, "method": "armpit"}
    listed = client.get(EVENTS, {"kind": "temperature"}).json()
    assert [e["temperature"]["celsius"] for e in listed["results"]] == [38.2]


def test_the_api_refuses_an_implausible_temperature_with_the_pages_message(world, api_for):
    response = api_for(world.alex).post(
        EVENTS,
        {"child": world.ada.pk, "kind": "temperature", "temperature": {"celsius": "20", "method": "ear"}},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"temperature": {"celsius": [TOO_COLD]}}


def test_the_api_refuses_an_unknown_method(world, api_for):
    response = api_for(world.alex).post(
        EVENTS,
        {"child": world.ada.pk, "kind": "temperature", "temperature": {"celsius": "37", "method": "mouth"}},
        format="json",
    )
    assert response.status_code == 400
    assert "method" in response.json()["temperature"]
