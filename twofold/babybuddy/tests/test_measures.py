"""Baby Buddy's temperature, height, head-circumference and medication resources, rule by rule from Baby
Buddy's core/models.py, api/serializers.py, api/filters.py and api/views.py: the fields and their names, bare
numbers in the household's units, `time` defaulting to now and `date` to today (neither in the future), the
filters and the newest-first order; every write through care's services and their checks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from twofold.babybuddy.measures import METHOD_NOT_SAID, TOO_LARGE
from twofold.care.models import GAP_TOO_SHORT, TOO_COLD, CareEvent
from twofold.care.services import log_care_event
from twofold.households.models import Household

from .conftest import NOW

TEMPERATURE = "/api/temperature/"
HEIGHT = "/api/height/"
HEAD = "/api/head-circumference/"
MEDICATION = "/api/medication/"


def units(world, **chosen):
    Household.objects.filter(pk=world.ada.household_id).update(**chosen)


def test_a_temperature_is_logged_in_baby_buddys_fields_and_kept_in_celsius(world, baby_buddy):
    client = baby_buddy(world.alex)

    reading = {"child": world.ada.pk, "temperature": 38.2, "time": "2026-11-20 09:30:00"}

    made = client.post(TEMPERATURE, reading)

    assert made.status_code == 201, made.json()
    assert made.json() == {
        "id": made.json()["id"],
        "child": world.ada.pk,
        "time": "2026-11-20T09:30:00Z",
        "temperature": 38.2,
        "notes": None,
        "tags": [],
    }
    event = CareEvent.objects.get(pk=made.json()["id"])
    assert (event.by, event.temperature.celsius) == (world.alex, Decimal("38.20"))
    # Baby Buddy has no field for how it was taken: not said, rather than a guess.
    assert event.temperature.method == METHOD_NOT_SAID


def test_a_household_in_fahrenheit_sends_and_reads_fahrenheit(world, baby_buddy):
    units(world, temperature_unit="F")
    client = baby_buddy(world.alex)

    made = client.post(TEMPERATURE, {"child": world.ada.pk, "temperature": 100.4, "method": "rectal"})

    assert made.json()["temperature"] == 100.4
    event = CareEvent.objects.get(pk=made.json()["id"])
    assert (event.temperature.celsius, event.temperature.method) == (Decimal("38.00"), "rectal")
    # No time: Baby Buddy's default, now.
    assert event.start == NOW


def test_an_implausible_or_future_temperature_is_a_400_naming_baby_buddys_field(world, baby_buddy):
    client = baby_buddy(world.alex)

    cold = client.post(TEMPERATURE, {"child": world.ada.pk, "temperature": 20})
    huge = client.post(TEMPERATURE, {"child": world.ada.pk, "temperature": 1e300})
    later = client.post(TEMPERATURE, {"child": world.ada.pk, "temperature": 37, "time": "2026-11-21 09:00"})
    missing = client.post(TEMPERATURE, {"child": world.ada.pk})

    assert (cold.status_code, cold.json()) == (400, {"temperature": [TOO_COLD]})
    assert (huge.status_code, huge.json()) == (400, {"temperature": [TOO_LARGE]})
    assert later.status_code == 400 and list(later.json()) == ["time"]
    assert missing.json() == {"temperature": ["This field is required."]}
    assert not CareEvent.objects.filter(child=world.ada).exists()


def test_a_patch_changes_the_reading_and_keeps_how_it_was_taken(world, baby_buddy):
    event = log_care_event(
        member=world.alex,
        child=world.ada,
        kind="temperature",
        start=NOW - dt.timedelta(hours=1),
        details={"celsius": Decimal("37.5"), "method": "ear"},
    ).event
    client = baby_buddy(world.alex)

    changed = client.patch(f"{TEMPERATURE}{event.pk}/", {"temperature": 37.9, "notes": "After the bath"})

    event.temperature.refresh_from_db()
    event.refresh_from_db()
    assert changed.json()["temperature"] == 37.9 and changed.json()["notes"] == "After the bath"
    assert (event.temperature.celsius, event.temperature.method) == (Decimal("37.90"), "ear")


def test_a_height_and_a_head_are_in_cm_or_inches_as_the_household_chose(world, baby_buddy):
    client = baby_buddy(world.alex)
    day = {"child": world.ada.pk, "date": "2026-11-19"}

    height = client.post(HEIGHT, day | {"height": 54.5}).json()
    units(world, length_unit="in")
    head = client.post(HEAD, day | {"head_circumference": 15.1}).json()

    assert height == {
        "id": height["id"],
        "child": world.ada.pk,
        "date": "2026-11-19",
        "height": 54.5,
        "notes": None,
        "tags": [],
    }
    assert head["head_circumference"] == 15.1
    assert CareEvent.objects.get(pk=height["id"]).length.mm == 545
    assert CareEvent.objects.get(pk=head["id"]).head.mm == 384  # 15.1 in
    assert client.get(f"{HEIGHT}{height['id']}/").json()["height"] == 21.5  # now read in inches


def test_a_date_defaults_to_today_and_cannot_be_in_the_future(world, baby_buddy):
    client = baby_buddy(world.alex)

    today = client.post(HEIGHT, {"child": world.ada.pk, "height": 55})
    tomorrow = client.post(HEAD, {"child": world.ada.pk, "head_circumference": 38, "date": "2026-11-21"})

    assert today.status_code == 201 and today.json()["date"] == "2026-11-20"
    assert tomorrow.status_code == 400 and list(tomorrow.json()) == ["date"]


def test_an_implausible_measurement_is_refused_and_a_doubtful_one_is_saved(world, baby_buddy):
    client = baby_buddy(world.alex)

    head = client.post(HEAD, {"child": world.ada.pk, "head_circumference": 70, "date": "2026-11-19"})
    first = client.post("/api/weight/", {"child": world.ada.pk, "weight": 4.2, "date": "2026-11-18"})
    # 1.6 kg more in two days: the page would ask "are you sure?"; a Baby Buddy client cannot answer, so the
    # weighing is kept as sent (only impossible values are refused).
    jump = client.post("/api/weight/", {"child": world.ada.pk, "weight": 5.8, "date": "2026-11-20"})

    assert head.status_code == 400 and "not plausible" in head.json()["head_circumference"][0]
    assert (first.status_code, jump.status_code) == (201, 201)
    assert CareEvent.objects.get(pk=jump.json()["id"]).weight.grams == 5800


def test_a_weight_is_in_pounds_for_a_household_that_weighs_in_pounds_and_ounces(world, baby_buddy):
    units(world, mass_unit="lb_oz")
    client = baby_buddy(world.alex)

    made = client.post("/api/weight/", {"child": world.ada.pk, "weight": 9.5, "date": "2026-11-19"}).json()

    assert made["weight"] == 9.5
    assert CareEvent.objects.get(pk=made["id"]).weight.grams == 4309


def test_a_medication_becomes_a_medicine_with_its_dose_and_the_labels_gap(world, baby_buddy):
    client = baby_buddy(world.alex)

    made = client.post(
        MEDICATION,
        {
            "child": world.ada.pk,
            "name": "Paracetamol",
            "dosage": 2.5,
            "dosage_unit": "ml",
            "next_dose_interval": "04:00:00",
            "time": "2026-11-20 08:00:00+00",
        },
    )

    assert made.status_code == 201, made.json()
    assert made.json() == {
        "id": made.json()["id"],
        "child": world.ada.pk,
        "time": "2026-11-20T08:00:00Z",
        "name": "Paracetamol",
        "dosage": 2.5,
        "dosage_unit": "ml",
        "next_dose_interval": "04:00:00",
        "notes": None,
        "tags": [],
    }
    medicine = CareEvent.objects.get(pk=made.json()["id"]).medicine
    assert (medicine.name, medicine.dose, medicine.min_gap_minutes) == ("Paracetamol", "2.5 ml", 240)


def test_a_dose_written_in_words_reads_as_no_dosage_and_a_patch_keeps_the_unit(world, baby_buddy):
    sachet = {"name": "Vitamin D", "dose": "one sachet"}
    words = log_care_event(member=world.alex, child=world.ada, kind="medicine", details=sachet).event
    client = baby_buddy(world.alex)
    dose = {"child": world.ada.pk, "name": "Ibuprofen", "dosage": 50, "dosage_unit": "mg"}
    made = client.post(MEDICATION, dose)

    read = client.get(f"{MEDICATION}{words.pk}/").json()
    changed = client.patch(f"{MEDICATION}{made.json()['id']}/", {"dosage": 25}).json()

    assert (read["dosage"], read["dosage_unit"], read["next_dose_interval"]) == (None, "", None)
    assert (changed["dosage"], changed["dosage_unit"]) == (25.0, "mg")
    assert CareEvent.objects.get(pk=made.json()["id"]).medicine.dose == "25 mg"


def test_a_medication_without_a_name_or_with_a_gap_no_label_gives_is_a_400(world, baby_buddy):
    client = baby_buddy(world.alex)

    unnamed = client.post(MEDICATION, {"child": world.ada.pk, "dosage": 1, "dosage_unit": "tablets"})
    calpol = {"child": world.ada.pk, "name": "Calpol"}
    too_soon = client.post(MEDICATION, calpol | {"next_dose_interval": "00:05:00"})
    wrong_unit = client.post(MEDICATION, calpol | {"dosage_unit": "spoons"})

    assert unnamed.json() == {"name": ["This field is required."]}
    assert too_soon.json() == {"next_dose_interval": [GAP_TOO_SHORT]}
    assert wrong_unit.status_code == 400 and list(wrong_unit.json()) == ["dosage_unit"]
    assert not CareEvent.objects.filter(child=world.ada).exists()


def test_lists_are_newest_first_and_narrowed_by_baby_buddys_filters(world, baby_buddy):
    client = baby_buddy(world.alex)
    doses = (
        (6, "Paracetamol", "2.5 ml"),
        (5, "Vitamin D", "1 drop"),
        (8, "Ibuprofen", "50 mg"),
        (9, "Paracetamol", "5ML"),
        (10, "Gripe water", "half of 5 ml"),  # no number Baby Buddy could hold: no unit either
    )
    for hour, name, dose in doses:
        log_care_event(
            member=world.alex,
            child=world.ada,
            kind="medicine",
            start=NOW.replace(hour=hour),
            details={"name": name, "dose": dose},
        )
    for day, mm in ((10, 520), (19, 545)):
        log_care_event(
            member=world.alex,
            child=world.ada,
            kind="length",
            start=dt.datetime(2026, 11, day, 12, tzinfo=dt.UTC),
            details={"mm": mm},
        )

    def names(query: str) -> list[str]:
        return [m["name"] + " " + m["time"][11:13] for m in client.get(MEDICATION + query).json()["results"]]

    assert names("") == ["Gripe water 10", "Paracetamol 09", "Ibuprofen 08", "Paracetamol 06", "Vitamin D 05"]
    assert names("?name=Paracetamol") == ["Paracetamol 09", "Paracetamol 06"]
    assert names("?dosage_unit=mg") == ["Ibuprofen 08"]
    # The filter finds exactly the doses the list gives that unit.
    assert names("?dosage_unit=ml") == ["Paracetamol 09", "Paracetamol 06"]
    assert names("?dosage_unit=drops") == ["Vitamin D 05"]
    by_unit = {
        m["name"] + " " + m["time"][11:13]: m["dosage_unit"] for m in client.get(MEDICATION).json()["results"]
    }
    assert by_unit["Gripe water 10"] == "" and by_unit["Vitamin D 05"] == "drops"
    assert names("?date_min=2026-11-20T07:00:00Z&date_max=2026-11-20T08:30:00Z") == ["Ibuprofen 08"]
    assert names(f"?child={world.bo.pk}&ordering=name") == []
    heights = client.get(HEIGHT).json()["results"]
    assert [h["height"] for h in heights] == [54.5, 52.0]
    assert [h["date"] for h in client.get(HEIGHT + "?date=2026-11-10").json()["results"]] == ["2026-11-10"]
