"""Logging every kind through the API with its typed details, and reading it back."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from twofold.api.serializers import DETAIL_SERIALIZERS
from twofold.care.details import DETAIL_MODELS
from twofold.care.models import CareEvent, Kind

EVENTS = "/api/v1/events/"

# What a client sends per kind, and what the API gives back for the same details.
EACH_KIND = [
    (
        "feed",
        {"feed": {"method": "breast", "side": "left"}},
        {"method": "breast", "side": "left", "amount_ml": None},
    ),
    (
        "feed",
        {"feed": {"method": "formula", "amount_ml": 90}},
        {"method": "formula", "side": "", "amount_ml": 90.0},
    ),
    ("nappy", {"nappy": {"contents": "both"}}, {"contents": "both"}),
    ("sleep", {"sleep": {"place": "pram"}}, {"place": "pram"}),
    (
        "settle",
        {"settle": {"tried": ["rocking", "white_noise"], "outcome": "asleep"}},
        {"tried": ["rocking", "white_noise"], "outcome": "asleep"},
    ),
    ("play", {"play": {"activity": "tummy_time"}}, {"activity": "tummy_time"}),
    ("pumping", {"pumping": {"amount_ml": 120.5}}, {"amount_ml": 120.5}),
    (
        "medicine",
        {"medicine": {"name": "Vitamin D drops", "dose": "1 drop"}},
        {"name": "Vitamin D drops", "dose": "1 drop", "min_gap_minutes": None, "max_per_24h": None},
    ),
    (
        "temperature",
        {"temperature": {"celsius": 37.4, "method": "ear"}},
        {"celsius": 37.4, "method": "ear"},
    ),
    ("weight", {"weight": {"grams": 4350}}, {"grams": 4350}),
    ("length", {"length": {"mm": 545}}, {"mm": 545}),
    ("head", {"head": {"mm": 382}}, {"mm": 382}),
    ("bath", {}, None),
    ("skin_to_skin", {}, None),
    ("note", {}, None),
]


@pytest.mark.parametrize(("kind", "sent", "expected"), EACH_KIND)
def test_each_kind_is_logged_with_its_details_and_read_back(world, api_for, kind, sent, expected):
    start = timezone.now() - dt.timedelta(hours=1)
    end = start + dt.timedelta(minutes=20)
    client = api_for(world.alex)

    created = client.post(
        EVENTS, {"child": world.ada.pk, "kind": kind, "start": start, "end": end, **sent}, format="json"
    )

    assert created.status_code == 201, created.json()
    event = CareEvent.objects.get(pk=created.json()["id"])
    assert (event.kind, event.child, event.household_id) == (kind, world.ada, world.ada.household_id)
    assert (event.start, event.end) == (start, end)
    read = client.get(f"{EVENTS}{event.pk}/").json()
    assert read == created.json()
    if kind in DETAIL_SERIALIZERS:
        assert read[kind] == expected
    other_details = {name: read[name] for name in DETAIL_SERIALIZERS if name != kind}
    assert set(other_details.values()) == {None}


def test_details_are_stored_in_the_kinds_table(world, api_for):
    api_for(world.alex).post(
        EVENTS,
        {"child": world.ada.pk, "kind": "feed", "feed": {"method": "expressed", "amount_ml": 65.5}},
        format="json",
    )

    event = CareEvent.objects.get(kind="feed")
    assert event.feed.method == "expressed"
    assert event.feed.amount_ml == Decimal("65.5")


def test_common_fields_are_all_returned(world, api_for):
    start = timezone.now() - dt.timedelta(minutes=30)
    response = api_for(world.sam).post(
        EVENTS,
        {
            "child": world.ada.pk,
            "kind": "sleep",
            "by": world.alex.pk,
            "start": start,
            "end": start + dt.timedelta(minutes=25),
            "response": "settled",
            "settled_after_minutes": 10,
            "note": "Went down easily after the walk.",
            "sleep": {"place": "cot"},
        },
        format="json",
    )

    body = response.json()
    assert body["by"] == world.alex.pk
    assert body["logged_by"] == world.sam.pk
    assert body["running"] is False
    assert body["response"] == "settled"
    assert body["settled_after_minutes"] == 10
    assert body["note"] == "Went down easily after the walk."
    assert body["household"] == world.ada.household_id
    assert {"id", "client_id", "created_at", "updated_at"} <= set(body)


def test_by_defaults_to_the_caller_and_start_to_now(world, api_for):
    before = timezone.now()
    body = (
        api_for(world.sam)
        .post(EVENTS, {"child": world.ada.pk, "kind": "nappy", "nappy": {"contents": "wet"}}, format="json")
        .json()
    )

    event = CareEvent.objects.get(pk=body["id"])
    assert event.by == world.sam
    assert event.logged_by == world.sam
    assert event.start >= before


def test_every_detail_table_has_a_typed_api_shape():
    assert set(DETAIL_SERIALIZERS) == set(DETAIL_MODELS)
    for kind, serializer in DETAIL_SERIALIZERS.items():
        model_fields = {f.name for f in DETAIL_MODELS[kind]._meta.concrete_fields} - {"id", "event"}
        assert set(serializer.Meta.fields) == model_fields, kind


def test_kinds_without_details_refuse_detail_objects(world, api_for):
    response = api_for(world.alex).post(
        EVENTS, {"child": world.ada.pk, "kind": Kind.BATH, "play": {"activity": "reading"}}, format="json"
    )

    assert response.status_code == 400
    assert "play" in response.json()
    assert not CareEvent.objects.exists()
