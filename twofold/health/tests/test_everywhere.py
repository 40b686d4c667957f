"""Temperatures and medicines wherever the log goes: History's filter, the API's filter, the export and the
CLI export, and the household's temperature unit in the export."""

from __future__ import annotations

import csv
import io
import json

from django.core.management import call_command
from django.urls import reverse

from twofold.care.services import log_care_event
from twofold.conftest import client_for
from twofold.households.models import Household


def log_both(world):
    log_care_event(
        member=world.alex,
        child=world.ada,
        kind="temperature",
        details={"celsius": "38.4", "method": "armpit"},
    )
    log_care_event(
        member=world.sam,
        child=world.ada,
        kind="medicine",
        details={"name": "Paracetamol", "dose": "2.5 ml", "min_gap_minutes": 240, "max_per_24h": 4},
    )
    log_care_event(member=world.sam, child=world.ada, kind="nappy", details={"contents": "wet"})


def test_history_filters_temperatures(world):
    log_both(world)
    page = client_for(world.pat).get(reverse("care:history"), {"kind": "temperature"}).content.decode()
    assert "38.4 °C, armpit" in page
    assert "Paracetamol" not in page


def test_the_log_says_a_temperature_in_the_households_unit(world):
    log_both(world)
    Household.objects.filter(pk=world.alex.household_id).update(temperature_unit="F")
    page = client_for(world.sam).get(reverse("care:history"), {"kind": "temperature"}).content.decode()
    assert "101.1 °F, armpit" in page and "°C" not in page.split("<main")[1]


def test_the_api_filters_by_kind(world, client):
    from rest_framework.test import APIClient

    log_both(world)
    api = APIClient()
    api.force_authenticate(world.alex.user)
    rows = api.get("/api/v1/events/", {"kind": "medicine"}).json()["results"]
    assert [r["medicine"]["min_gap_minutes"] for r in rows] == [240]
    assert api.get("/api/v1/events/", {"kind": "fever"}).status_code == 400


def export(**options) -> str:
    out = io.StringIO()
    call_command("export", stdout=out, **options)
    return out.getvalue()


def test_the_cli_export_carries_temperatures_medicine_labels_and_the_unit(world):
    log_both(world)
    household = world.alex.household
    household.temperature_unit = "F"
    household.save()
    document = json.loads(export(household=household.pk, format="json", output="-"))
    assert document["household"]["temperature_unit"] == "F"
    by_kind = {e["kind"]: e for e in document["events"]}
    assert by_kind["temperature"]["details"] == {"celsius": 38.4, "method": "armpit"}
    assert by_kind["medicine"]["details"]["max_per_24h"] == 4
    rows = list(csv.DictReader(io.StringIO(export(household=household.pk, format="csv", output="-"))))
    temperature = next(r for r in rows if r["kind"] == "temperature")
    assert (temperature["temperature_celsius"], temperature["temperature_method"]) == ("38.40", "armpit")
    medicine = next(r for r in rows if r["kind"] == "medicine")
    assert medicine["medicine_min_gap_minutes"] == "240"
