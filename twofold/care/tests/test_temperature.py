"""A temperature: typed in °C or °F, kept in °C to the hundredth, shown in the household's unit, with how it
was taken (EVIDENCE.md §9.1). API and export like any kind's details. The cards: health/tests."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from twofold.care.export import events_csv
from twofold.care.forms import detail_initial
from twofold.care.kinds import Reading, definition
from twofold.care.kinds.temperature import (
    CELSIUS,
    FAHRENHEIT,
    TemperatureForm,
    describe_in_unit,
    format_temperature,
    from_celsius,
    to_celsius,
)
from twofold.care.models import TOO_HOT, CareEvent, Temperature
from twofold.care.services import log_care_event
from twofold.conftest import client_for
from twofold.households.units import MeasureUnits

EVENTS = "/api/v1/events/"


# ---- Conversions ----


@pytest.mark.parametrize(
    ("fahrenheit", "celsius"),
    [("100.4", "38.00"), ("102.2", "39.00"), ("98.6", "37.00"), ("100.3", "37.94"), ("86.0", "30.00")],
)
def test_fahrenheit_to_celsius(fahrenheit, celsius):
    assert to_celsius(Decimal(fahrenheit), FAHRENHEIT) == Decimal(celsius)


def test_every_tenth_of_a_degree_round_trips_in_both_units():
    for tenths in range(860, 1120):  # 86.0 to 111.9 °F
        typed = Decimal(tenths) / 10
        assert from_celsius(to_celsius(typed, FAHRENHEIT), FAHRENHEIT) == typed
    for tenths in range(300, 440):  # 30.0 to 43.9 °C
        typed = Decimal(tenths) / 10
        assert from_celsius(to_celsius(typed, CELSIUS), CELSIUS) == typed


def test_a_reading_and_its_line_read_in_the_households_unit():
    assert format_temperature(Decimal("38.2"), CELSIUS) == "38.2 °C"
    assert format_temperature(Decimal("38.2"), FAHRENHEIT) == "100.8 °F"
    celsius, fahrenheit = MeasureUnits(temperature=CELSIUS), MeasureUnits(temperature=FAHRENHEIT)
    assert describe_in_unit({"celsius": Decimal("38.2"), "method": "ear"}, celsius) == "38.2 °C, ear"
    rectal = {"celsius": Decimal("38.0"), "method": "rectal"}
    assert describe_in_unit(rectal, fahrenheit) == "100.4 °F, rectal"
    assert describe_in_unit({"celsius": Decimal("37.0"), "method": ""}, fahrenheit) == "98.6 °F"


# ---- The form ----


def test_the_form_takes_fahrenheit_in_a_fahrenheit_household():
    form = TemperatureForm({"d-celsius": "100.4", "d-method": "rectal"}, prefix="d", temperature_unit="F")
    assert form.is_valid(), form.errors
    assert form.details() == {"celsius": Decimal("38.00"), "method": "rectal"}
    assert form.fields["celsius"].label == "Temperature (°F)"


def test_the_form_asks_how_it_was_taken_and_warns_of_forehead_thermometers():
    form = TemperatureForm({"d-celsius": "38.2"}, prefix="d")
    assert not form.is_valid()
    assert "method" in form.errors
    assert "unreliable" in str(form.fields["method"].help_text)


def test_an_edit_starts_in_the_households_unit(world):
    event = log_care_event(
        member=world.alex, child=world.ada, kind="temperature", details={"celsius": "38", "method": "armpit"}
    ).event
    initial = detail_initial(event, "ml")
    assert TemperatureForm(prefix="d", temperature_unit="F", initial=initial).initial["celsius"] == Decimal(
        "100.4"
    )


def test_not_care_work_and_in_no_reading():
    assert definition("temperature").readings == frozenset()
    assert Reading.LOAD_EVENTS not in definition("temperature").readings


# ---- Through the page ----


def post_temperature(client, world, typed, method="armpit"):
    return client.post(
        reverse("care:log_event", args=["temperature"]),
        {
            "child": world.ada.pk,
            "by": world.alex.pk,
            "start": timezone.localtime(timezone.now(), world.ada.household.zone).strftime("%Y-%m-%dT%H:%M"),
            "d-celsius": typed,
            "d-method": method,
            "client_id": str(uuid.uuid4()),
        },
    )


def test_a_fahrenheit_household_logs_and_reads_in_fahrenheit(world):
    household = world.alex.household
    household.temperature_unit = "F"
    household.save()
    alex = client_for(world.alex)
    form_page = alex.get(reverse("care:log_event", args=["temperature"])).content.decode()
    assert "Temperature (°F)" in form_page
    response = post_temperature(alex, world, "100.8", "ear")
    assert response.status_code == 302, response.content.decode()[:2000]
    assert CareEvent.objects.get(kind="temperature").temperature.celsius == Decimal("38.22")
    assert "100.8 °F" in alex.get(reverse("care:history")).content.decode()


def test_a_fahrenheit_number_typed_as_celsius_is_explained_and_nothing_is_saved(world):
    response = post_temperature(client_for(world.alex), world, "100.4")
    assert response.status_code == 400
    assert TOO_HOT in response.content.decode()
    assert not CareEvent.objects.exists()


def test_the_household_chooses_its_temperature_unit(world):
    alex = client_for(world.alex)
    page = alex.get(reverse("households:settings")).content.decode()
    assert "Show temperatures in" in page


# ---- API and export ----


def test_the_export_has_the_temperature_and_how_it_was_taken(world):
    log_care_event(
        member=world.alex, child=world.ada, kind="temperature", details={"celsius": "38.2", "method": "ear"}
    )
    text = events_csv(world.alex.household)
    assert "temperature_celsius" in text.splitlines()[0]
    assert "38.20" in text and "ear" in text


def test_a_household_form_sent_without_the_unit_keeps_the_households(world):
    from twofold.households.forms import HouseholdForm

    household = world.alex.household
    household.temperature_unit = "F"
    household.save()
    data = {
        "household-name": household.name,
        "household-time_zone": household.time_zone,
        "household-country": household.country,
        "household-locale": household.locale,
        "household-volume_unit": household.volume_unit,
        "household-night_start": "22:00",
        "household-night_end": "07:00",
    }
    form = HouseholdForm(data, instance=household, prefix="household")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["temperature_unit"] == "F"
    assert HouseholdForm(data, prefix="household").is_valid()


def test_a_reading_that_never_said_how_it_was_taken_is_edited_without_guessing(world):
    # As a Baby Buddy import leaves it: the method is not recorded.
    event = log_care_event(
        member=world.alex, child=world.ada, kind="temperature", details={"celsius": "37.2", "method": "ear"}
    ).event
    Temperature.objects.filter(event=event).update(method="")
    alex = client_for(world.alex)
    page = alex.get(reverse("care:event_edit", args=[event.pk])).content.decode()
    assert '<option value="" selected>Not recorded</option>' in page

    response = alex.post(
        reverse("care:event_edit", args=[event.pk]),
        {
            "child": world.ada.pk,
            "by": world.alex.pk,
            "start": timezone.localtime(event.start, world.ada.household.zone).strftime("%Y-%m-%dT%H:%M"),
            "d-celsius": "37.4",
            "d-method": "",
            "client_id": str(event.client_id),
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    saved = Temperature.objects.get(event=event)
    assert (saved.celsius, saved.method) == (Decimal("37.40"), "")
    # A new reading still asks.
    assert "method" in TemperatureForm({"d-celsius": "37.2", "d-method": ""}, prefix="d").errors
