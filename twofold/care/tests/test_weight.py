"""Weighing the baby: entered in kg to the gram, kept in grams, shown as "Weight, 4.35 kg", exported like
any kind's details, and in none of the readings of care work. API side: api/tests/test_weight.py."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from twofold.care.export import CSV_COLUMNS, events_csv, log_document
from twofold.care.forms import detail_initial
from twofold.care.kinds import Reading, definition, keys_where
from twofold.care.kinds.inputs import format_kg
from twofold.care.kinds.weight import WeightForm
from twofold.care.models import TOO_HEAVY, TOO_LIGHT, CareEvent
from twofold.care.services import log_care_event
from twofold.conftest import client_for, page_text
from twofold.households.models import Household
from twofold.households.units import LB_OZ, MeasureUnits


def weigh(world, grams, **fields):
    return log_care_event(
        member=world.alex, child=world.ada, kind="weight", details={"grams": grams}, **fields
    ).event


# ---- The form ----


@pytest.mark.parametrize(("typed", "grams"), [("4.35", 4350), ("4", 4000), ("3.457", 3457), ("0.9", 900)])
def test_the_form_takes_kg_and_keeps_grams(typed, grams):
    form = WeightForm({"d-grams": typed}, prefix="d")
    assert form.is_valid(), form.errors
    assert form.details() == {"grams": grams}


def test_the_form_takes_no_more_than_three_decimals():
    form = WeightForm({"d-grams": "4.3505"}, prefix="d")
    assert not form.is_valid()
    assert "3 decimal places" in form.errors["grams"][0]


def test_the_form_says_its_unit():
    assert WeightForm(prefix="d").fields["grams"].label == "Weight (kg)"


def test_a_saved_weight_shows_in_kg_when_edited(world):
    event = weigh(world, 4350)
    assert detail_initial(event, "ml") == {"grams": Decimal("4.35")}


def test_a_parent_logs_a_weight_through_the_page_and_history_shows_it(world):
    alex = client_for(world.alex)
    response = alex.post(
        reverse("care:log_event", args=["weight"]),
        {
            "child": world.ada.pk,
            "by": world.alex.pk,
            "start": timezone.localtime(timezone.now(), world.ada.household.zone).strftime("%Y-%m-%dT%H:%M"),
            "d-grams": "4.35",
            "client_id": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    event = CareEvent.objects.get(kind="weight")
    assert event.weight.grams == 4350
    assert "Weight, 4.35 kg" in alex.get(reverse("care:history")).content.decode()


def test_a_weight_typed_in_grams_by_mistake_is_explained_on_the_page(world):
    response = client_for(world.alex).post(
        reverse("care:log_event", args=["weight"]),
        {
            "child": world.ada.pk,
            "by": world.alex.pk,
            "start": timezone.localtime(timezone.now(), world.ada.household.zone).strftime("%Y-%m-%dT%H:%M"),
            "d-grams": "4350",
            "client_id": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 400
    assert "A weight over 30 kg (30,000 g) is not plausible" in response.content.decode()
    assert not CareEvent.objects.exists()


@pytest.mark.parametrize(
    ("pounds", "ounces", "message"),
    [
        ("0", "5", "A weight under 10.6 oz (0.3 kg) is not plausible for a baby: check the number."),
        ("67", "", "A weight over 66 lb 2.2 oz (30.0 kg) is not plausible for a baby: check the number."),
    ],
)
def test_a_household_in_pounds_is_told_the_range_in_pounds_and_ounces(pounds, ounces, message):
    form = WeightForm({"d-pounds": pounds, "d-ounces": ounces}, prefix="d", measures=MeasureUnits(mass=LB_OZ))
    assert not form.is_valid()
    assert form.errors["pounds"] == [message]


def test_a_weight_in_pounds_within_the_range_is_kept_in_grams():
    form = WeightForm({"d-pounds": "9", "d-ounces": "6.4"}, prefix="d", measures=MeasureUnits(mass=LB_OZ))
    assert form.is_valid(), form.errors
    assert form.details() == {"grams": 4264}


def test_a_household_in_pounds_sees_the_range_message_on_the_page(world):
    Household.objects.filter(pk=world.alex.household_id).update(mass_unit=LB_OZ)
    response = client_for(world.alex).post(
        reverse("care:log_event", args=["weight"]),
        {
            "child": world.ada.pk,
            "by": world.alex.pk,
            "start": timezone.localtime(timezone.now(), world.ada.household.zone).strftime("%Y-%m-%dT%H:%M"),
            "d-pounds": "0",
            "d-ounces": "5",
            "client_id": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 400
    page = page_text(response)
    assert "A weight under 10.6 oz (0.3 kg) is not plausible" in page and "300 g" not in page
    assert not CareEvent.objects.exists()


def test_the_weight_form_is_a_moment_without_the_babys_response(world):
    page = client_for(world.alex).get(reverse("care:log_event", args=["weight"])).content.decode()
    assert "Weight (kg)" in page
    assert 'name="end"' not in page
    assert 'name="response"' not in page


# ---- The service ----


def test_a_weight_is_kept_in_grams(world):
    assert weigh(world, 3457).weight.grams == 3457


@pytest.mark.parametrize(("grams", "message"), [(299, TOO_LIGHT), (0, TOO_LIGHT), (30_001, TOO_HEAVY)])
def test_an_implausible_weight_is_refused_with_a_message_on_grams(world, grams, message):
    with pytest.raises(ValidationError) as refused:
        weigh(world, grams)
    assert message in refused.value.message_dict["grams"]
    assert not CareEvent.objects.exists()


def test_a_weight_needs_its_grams(world):
    with pytest.raises(ValidationError) as refused:
        log_care_event(member=world.alex, child=world.ada, kind="weight", details={"kg": 4})
    assert "kg" in refused.value.message_dict


def test_the_lightest_and_heaviest_plausible_weights_are_kept(world):
    assert weigh(world, 300).weight.grams == 300
    assert weigh(world, 30_000).weight.grams == 30_000


def test_a_weight_cannot_be_timed(world):
    from twofold.care.services import NOT_A_TIMER, start_timer

    with pytest.raises(ValidationError, match=NOT_A_TIMER):
        start_timer(member=world.alex, child=world.ada, kind="weight")


# ---- How it reads ----


@pytest.mark.parametrize(("grams", "text"), [(4350, "4.35 kg"), (4000, "4.0 kg"), (3457, "3.457 kg")])
def test_weights_read_in_kg(grams, text):
    assert format_kg(grams) == text
    assert definition("weight").describe({"grams": grams}, "en-US", "fl_oz") == f"Weight, {text}"


def test_a_weight_is_not_care_work_and_in_no_reading():
    weight = definition("weight")
    assert not weight.care_work and not weight.timed and not weight.response
    assert all("weight" not in keys_where(reading=reading) for reading in Reading)


# ---- The export ----


def test_the_export_holds_a_weight_in_grams(world):
    event = weigh(world, 4350, start=timezone.now() - dt.timedelta(hours=1))
    events = {e["id"]: e for e in log_document(world.alex.household)["events"]}
    assert (events[event.pk]["kind"], events[event.pk]["details"]) == ("weight", {"grams": 4350})
    assert CSV_COLUMNS[-3:] == ("weight_grams", "length_mm", "head_mm")
    header, line = events_csv(world.alex.household).splitlines()[:2]
    assert dict(zip(header.split(","), line.split(","), strict=True))["weight_grams"] == "4350"
