"""Medicines: the label's gap and daily most as the parent copies them in, when the label allows the next dose
and how many in the last 24 hours; never a suggested dose (EVIDENCE.md §9.3); repeating one is one tap."""

from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest
import time_machine
from django.urls import reverse

from twofold.care.doses import Given, medicines_today, next_allowed
from twofold.care.kinds.medicine import MedicineForm, format_hours, label_rule
from twofold.care.models import GAP_TOO_SHORT, TOO_MANY_DOSES, CareEvent
from twofold.care.services import log_care_event
from twofold.conftest import client_for

NOW = dt.datetime(2027, 2, 2, 14, 30, tzinfo=dt.UTC)
H = dt.timedelta(hours=1)


# ---- The rules, as pure functions ----


def test_the_gap_counts_from_the_last_dose():
    assert next_allowed([NOW - H], min_gap_minutes=240, max_per_24h=None, now=NOW) == NOW + 3 * H
    assert next_allowed([NOW - 4 * H], min_gap_minutes=240, max_per_24h=None, now=NOW) is None


def test_the_daily_most_waits_for_the_oldest_dose_to_leave_the_24_hours():
    doses = [NOW - 1 * H, NOW - 6 * H, NOW - 12 * H, NOW - 20 * H]
    # Four in 24 hours with at most 4: the next when the one 20 h ago is 24 h old, after the 4 h gap.
    assert next_allowed(doses, min_gap_minutes=240, max_per_24h=4, now=NOW) == NOW + 4 * H
    assert next_allowed(doses[:3], min_gap_minutes=240, max_per_24h=4, now=NOW) == NOW + 3 * H
    assert next_allowed(doses, min_gap_minutes=None, max_per_24h=5, now=NOW) is None


def test_without_a_label_nothing_is_said_about_the_next_dose():
    assert next_allowed([NOW - H], min_gap_minutes=None, max_per_24h=None, now=NOW) is None


def test_each_medicine_is_counted_on_its_own_over_the_last_24_hours():
    given = [
        Given("Paracetamol", "2.5 ml", NOW - H, 240, 4),
        Given("paracetamol ", "2.5 ml", NOW - 7 * H),
        Given("Paracetamol", "2.5 ml", NOW - 25 * H, 240, 4),  # yesterday's: not counted
        Given("Vitamin D", "1 drop", NOW - 3 * H),
    ]
    days = {d.name: d for d in medicines_today(given, now=NOW)}
    assert set(days) == {"Paracetamol", "Vitamin D"}
    assert days["Paracetamol"].count_24h == 2
    assert days["Paracetamol"].next_allowed == NOW + 3 * H
    assert days["Vitamin D"].count_24h == 1 and days["Vitamin D"].next_allowed is None


@pytest.mark.parametrize(("minutes", "text"), [(240, "4"), (90, "1.5"), (360, "6"), (20, "0.33")])
def test_gaps_read_in_hours(minutes, text):
    assert format_hours(minutes) == text


def test_the_label_rule_in_words():
    assert label_rule({"min_gap_minutes": 240, "max_per_24h": 4}) == "at least 4 h apart, at most 4 in 24 h"
    assert label_rule({}) == ""


# ---- The form and the model ----


def test_the_form_takes_the_gap_in_hours_and_keeps_minutes():
    form = MedicineForm(
        {"d-name": "Paracetamol", "d-dose": "2.5 ml", "d-min_gap_minutes": "4", "d-max_per_24h": "4"},
        prefix="d",
    )
    assert form.is_valid(), form.errors
    assert form.details() == {
        "name": "Paracetamol",
        "dose": "2.5 ml",
        "min_gap_minutes": 240,
        "max_per_24h": 4,
    }


def test_the_label_is_optional():
    form = MedicineForm({"d-name": "Vitamin D"}, prefix="d")
    assert form.is_valid(), form.errors
    assert form.details()["min_gap_minutes"] is None


def test_a_slip_in_the_label_is_explained_and_nothing_saved(world):
    response = client_for(world.alex).post(
        reverse("care:log_event", args=["medicine"]),
        {
            "child": world.ada.pk,
            "by": world.alex.pk,
            "d-name": "Paracetamol",
            "d-min_gap_minutes": "0.1",
            "d-max_per_24h": "40",
            "client_id": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert GAP_TOO_SHORT in page and TOO_MANY_DOSES in page
    assert not CareEvent.objects.exists()


def test_the_api_takes_the_label_in_minutes(world, client):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(world.alex.user)
    created = api.post(
        "/api/v1/events/",
        {
            "child": world.ada.pk,
            "kind": "medicine",
            "medicine": {"name": "Ibuprofen", "dose": "2.5 ml", "min_gap_minutes": 360, "max_per_24h": 3},
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    assert created.json()["medicine"] == {
        "name": "Ibuprofen",
        "dose": "2.5 ml",
        "min_gap_minutes": 360,
        "max_per_24h": 3,
    }


# ---- One tap to repeat ----


def test_repeating_a_medicine_is_one_tap_and_keeps_its_label(world):
    with time_machine.travel(NOW - 5 * H, tick=False):
        log_care_event(
            member=world.alex,
            child=world.ada,
            kind="medicine",
            details={"name": "Paracetamol", "dose": "2.5 ml", "min_gap_minutes": 240, "max_per_24h": 4},
        )
    with time_machine.travel(NOW, tick=False):
        alex = client_for(world.alex)
        page = alex.get(reverse("care:quick_log"), {"child": world.ada.pk}).content.decode()
        form = re.search(r'<form[^>]*data-log="Medicine: Paracetamol 2.5 ml".*?</form>', page, re.S)
        assert form is not None
        fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form.group(0)))
        assert fields["d-min_gap_minutes"] == "4" and fields["d-max_per_24h"] == "4"
        fields["client_id"] = str(uuid.uuid4())
        response = alex.post(reverse("care:log_event", args=["medicine"]), fields, follow=True)
        assert response.status_code == 200
        repeat = CareEvent.objects.filter(kind="medicine").latest("start")
        assert repeat.medicine.min_gap_minutes == 240 and repeat.medicine.max_per_24h == 4
        after = response.content.decode()
        assert "2 doses in the last 24 hours (the label says at most 4)" in after
        assert "The label allows the next from <b data-next-allowed>18:30</b>." in after
