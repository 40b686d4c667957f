"""A start or end at the calendar's ends (year 1, year 9999) is a 400 naming the field, never a 500."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from twofold.care.models import CareEvent
from twofold.care.rules import TOO_OLD
from twofold.care.services import log_care_event
from twofold.conftest import client_for

EVENTS = "/api/v1/events/"


def _api(api_for, member):
    client = api_for(member)
    client.raise_request_exception = False  # a crash must show as the 500 a caller would get
    return client


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        ("0001-01-01T00:00:00Z", None, "start"),
        ("0001-01-01T00:00:00Z", "0001-01-01T01:00:00Z", "start"),
        ("9999-12-31T23:00:00Z", None, "start"),
        ("9999-12-31T23:00:00Z", "9999-12-31T23:59:59Z", "start end"),
        ("2026-11-30T10:00:00Z", "9999-12-31T23:59:59Z", "end"),
    ],
)
def test_an_event_at_the_calendars_ends_is_refused_on_its_field(world, api_for, start, end, field):
    body = {"child": world.ada.pk, "kind": "sleep", "start": start}
    if end is not None:
        body["end"] = end

    response = _api(api_for, world.alex).post(EVENTS, body, format="json")

    assert response.status_code == 400
    assert list(response.json()) == field.split()
    assert not CareEvent.objects.exists()


def test_a_start_ten_years_ago_says_to_check_the_year(world, api_for):
    start = timezone.now() - dt.timedelta(days=11 * 366)

    response = _api(api_for, world.alex).post(
        EVENTS,
        {"child": world.ada.pk, "kind": "nappy", "start": start, "nappy": {"contents": "wet"}},
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {"start": [TOO_OLD]}
    assert not CareEvent.objects.exists()


def test_moving_an_event_to_year_one_is_refused_and_it_stays(world, api_for):
    event = log_care_event(member=world.alex, child=world.ada, kind="bath", start=timezone.now()).event

    response = _api(api_for, world.alex).patch(
        f"{EVENTS}{event.pk}/", {"start": "0001-01-01T00:00:00Z"}, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {"start": [TOO_OLD]}
    event.refresh_from_db()
    assert event.start.year == timezone.now().year


@pytest.mark.parametrize("start", ["0001-01-01T00:00", "9999-12-31T23:59"])
def test_the_log_form_refuses_a_start_at_the_calendars_ends(world, start):
    client = client_for(world.alex)
    client.raise_request_exception = False

    response = client.post(
        reverse("care:log_event", args=["nappy"]),
        {
            "child": world.ada.pk,
            "by": world.alex.pk,
            "start": start,
            "d-contents": "wet",
            "client_id": str(uuid.uuid4()),
        },
    )

    assert response.status_code == 400
    assert not CareEvent.objects.exists()


def test_the_edit_form_refuses_a_start_in_year_one(world):
    event = log_care_event(member=world.alex, child=world.ada, kind="bath", start=timezone.now()).event
    client = client_for(world.alex)
    client.raise_request_exception = False

    response = client.post(
        reverse("care:event_edit", args=[event.pk]),
        {
            "child": world.ada.pk,
            "by": world.alex.pk,
            "start": "0001-01-01T00:00",
            "client_id": str(uuid.uuid4()),
        },
    )

    assert response.status_code == 400
    assert TOO_OLD in response.content.decode()
    event.refresh_from_db()
    assert event.start.year == timezone.now().year
