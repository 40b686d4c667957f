"""Responses the fuzzer found the schema wrong about, checked against it as `make fuzz` checks them."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from rest_framework.test import APIClient

from twofold.api.tests.conformance import assert_conforms
from twofold.bonding.tests.helpers import at, cry
from twofold.intake.services import keep_writing
from twofold.nights.tests.logs import NOW, TONIGHT

pytestmark = pytest.mark.django_db


def test_sharing_an_intake_summary_and_the_list_are_what_the_schema_says(world, api_for):
    writing = keep_writing(author=world.alex, text="I haven't slept in days.")
    alex, sam = api_for(world.alex), api_for(world.sam)

    shared = alex.post(
        f"/api/v1/intake/{writing.pk}/share/", {"situations": ["sleep_deprivation"]}, format="json"
    )

    assert shared.status_code == 200
    assert_conforms(alex, shared, path="/api/v1/intake/{writing_id}/share/", method="POST")
    listed = sam.get("/api/v1/intake/shared/")
    assert len(listed.json()) == 1
    assert_conforms(sam, listed, path="/api/v1/intake/shared/", method="GET")


def test_night_times_without_an_offset_are_what_the_schema_says(world, api_for):
    client = api_for(world.alex)
    url = f"/api/v1/nights/preferences/{world.sam.pk}/"

    changed = client.patch(url, {"night_from": "22:30", "night_until": "06:45"}, format="json")

    assert (changed.json()["night_from"], changed.json()["night_until"]) == ("22:30:00", "06:45:00")
    assert_conforms(client, changed, path="/api/v1/nights/preferences/{id}/", method="PATCH")
    assert_conforms(client, client.get(url), path="/api/v1/nights/preferences/{id}/", method="GET")
    listed = client.get("/api/v1/nights/preferences/")
    assert_conforms(client, listed, path="/api/v1/nights/preferences/", method="GET")


@time_machine.travel(NOW, tick=False)
def test_a_week_of_plans_is_a_list_as_the_schema_says(world, api_for):
    client = api_for(world.alex)

    made = client.post("/api/v1/nights/plans/week/", {"night": TONIGHT.isoformat()}, format="json")

    assert made.status_code == 201 and len(made.json()) == 7
    assert_conforms(client, made, path="/api/v1/nights/plans/week/", method="POST")


@time_machine.travel(dt.datetime(2026, 10, 22, 12, tzinfo=dt.UTC), tick=False)
def test_what_helped_by_caregiver_is_keyed_by_member_id(world, api_for):
    start = at(world.ada, dt.date(2026, 10, 20), 9)
    cry(world.alex, world.ada, start, 40, tried=["rocking"], outcome="settled")
    client = api_for(world.alex)

    crying = client.get(f"/api/v1/bonding/crying/?child={world.ada.pk}")

    assert crying.json()["what_helped"]["by_caregiver"][0]["key"] == world.alex.pk
    assert crying.json()["what_helped"]["by_technique"][0]["key"] == "rocking"
    assert_conforms(client, crying, path="/api/v1/bonding/crying/", method="GET")


def test_the_errors_every_endpoint_shares_are_documented(world, api_for):
    client = api_for(world.alex)
    event_url = "/api/v1/events/{id}/"

    page_past_the_end = client.get("/api/v1/children/", {"page": 99})
    refused = client.post("/api/v1/events/", {"kind": "feed"}, format="json")
    not_yours = client.get(f"/api/v1/events/{2**40}/")
    others_answers = api_for(world.robin).get(f"/api/v1/members/{world.alex.pk}/")

    assert page_past_the_end.status_code == 404
    assert_conforms(client, page_past_the_end, path="/api/v1/children/", method="GET")
    assert refused.status_code == 400
    assert_conforms(client, refused, path="/api/v1/events/", method="POST")
    assert not_yours.status_code == 404
    assert_conforms(client, not_yours, path=event_url, method="GET")
    assert others_answers.status_code == 404
    assert_conforms(client, others_answers, path="/api/v1/members/{id}/", method="GET")


def test_someone_elses_plan_is_a_documented_403(world, api_for):
    started = api_for(world.sam).post("/api/v1/bonding/plans/", {"child": world.ada.pk}, format="json")
    client = api_for(world.alex)

    refused = client.delete(f"/api/v1/bonding/plans/{started.json()['id']}/")

    assert refused.status_code == 403
    assert_conforms(client, refused, path="/api/v1/bonding/plans/{id}/", method="DELETE")


def test_no_token_is_a_documented_401(world):
    anonymous = APIClient()

    refused = anonymous.get("/api/v1/events/")

    assert refused.status_code == 401
    assert_conforms(APIClient(), refused, path="/api/v1/events/", method="GET")
