"""Baby Buddy's temperature, height, head circumference and medication, as Twofold's kinds of those names.

Baby Buddy keeps bare numbers in whatever unit its user had in mind; here each number is in the unit the
household chose in Twofold (°C or °F; cm or inches) and is stored as Twofold stores it (°C to the
hundredth, whole millimetres). A medication's dosage and unit become the dose text a parent would write.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal

from django.db.models import Q
from django.utils.duration import duration_string
from rest_framework import serializers

from twofold.babybuddy import mapping
from twofold.babybuddy.base import Change, DayInput, Entry, Fields, MomentInput, Resource
from twofold.care.models import CareEvent, Kind, TemperatureMethod
from twofold.households.models import Household

# Far beyond any reading or dose, so a number like 1e300 is refused before it is converted.
LARGEST_NUMBER = 1_000_000
TOO_LARGE = "Enter a smaller number: this one is far beyond any reading."
# A Baby Buddy client cannot say how a temperature was taken: Twofold then keeps it as not said.
METHOD_NOT_SAID = ""


def _number(value: float, name: str) -> Decimal:
    if not math.isfinite(value) or abs(value) >= LARGEST_NUMBER:
        raise serializers.ValidationError({name: [TOO_LARGE]})
    return Decimal(str(value))


class TemperatureInput(MomentInput):
    temperature = serializers.FloatField(required=False)
    # Twofold's own, optional: Baby Buddy has no field for how it was taken.
    method = serializers.ChoiceField(choices=TemperatureMethod.choices, required=False, allow_blank=True)


class HeightInput(DayInput):
    height = serializers.FloatField(required=False, min_value=0)


class HeadInput(DayInput):
    head_circumference = serializers.FloatField(required=False, min_value=0)


class MedicationInput(MomentInput):
    name = serializers.CharField(required=False, max_length=255)
    dosage = serializers.FloatField(required=False, allow_null=True, min_value=0)
    dosage_unit = serializers.ChoiceField(choices=mapping.DOSAGE_UNITS, required=False, allow_blank=True)
    next_dose_interval = serializers.DurationField(required=False, allow_null=True)


def _temperature_in(data: Fields, household: Household, event: CareEvent | None) -> Change:
    details: Fields = {} if event else {"method": METHOD_NOT_SAID}
    if "temperature" in data:
        value = _number(data["temperature"], "temperature")
        details["celsius"] = mapping.celsius_from(value, household.temperature_unit)
    if "method" in data:
        details["method"] = data["method"]
    return Change(details)


def _temperature_out(entry: Entry, household: Household) -> Fields:
    return {"temperature": mapping.temperature_from(entry.detail["celsius"], household.temperature_unit)}


def _length_in(name: str) -> Callable[[Fields, Household, CareEvent | None], Change]:
    def fields_in(data: Fields, household: Household, event: CareEvent | None) -> Change:
        if name not in data:
            return Change({})
        return Change({"mm": mapping.mm_from(_number(data[name], name), household.length_unit)})

    return fields_in


def _length_out(name: str) -> Callable[[Entry, Household], Fields]:
    def fields_out(entry: Entry, household: Household) -> Fields:
        return {name: mapping.length_from(entry.detail["mm"], household.length_unit)}

    return fields_out


def _medication_in(data: Fields, household: Household, event: CareEvent | None) -> Change:
    details: Fields = {}
    if "name" in data:
        details["name"] = data["name"]
    if "dosage" in data or "dosage_unit" in data:
        dosage, unit = mapping.dose_from_text(event.medicine.dose) if event else (None, "")
        if data.get("dosage") is not None:
            _number(data["dosage"], "dosage")
        details["dose"] = mapping.dose_text(data.get("dosage", dosage), data.get("dosage_unit", unit))
    if "next_dose_interval" in data:
        details["min_gap_minutes"] = mapping.gap_minutes(data["next_dose_interval"])
    return Change(details)


def _medication_out(entry: Entry, household: Household) -> Fields:
    dosage, unit = mapping.dose_from_text(entry.detail["dose"])
    gap = entry.detail["min_gap_minutes"]
    return {
        "name": entry.detail["name"],
        "dosage": dosage,
        "dosage_unit": unit,
        "next_dose_interval": None if gap is None else duration_string(mapping.gap_as_interval(gap)),
    }


def _medicine_named(value: str) -> Q | None:
    return Q(medicine__name=value)


def _dosage_unit(value: str) -> Q | None:
    if value not in mapping.DOSAGE_UNITS:
        return None
    # Twofold's dose is text: exactly the doses the list shows with this unit ("2.5 ml", "2.5ml", "1 tablet").
    return Q(medicine__dose__iregex=mapping.dose_pattern(value))


MEASURES = (
    Resource(
        "temperature",
        Kind.TEMPERATURE,
        "moment",
        TemperatureInput,
        _temperature_in,
        _temperature_out,
        ("temperature",),
        detail_fields=("celsius",),
        errors={"celsius": "temperature"},
    ),
    Resource(
        "height",
        Kind.LENGTH,
        "day",
        HeightInput,
        _length_in("height"),
        _length_out("height"),
        ("height",),
        detail_fields=("mm",),
        errors={"mm": "height"},
    ),
    Resource(
        "head-circumference",
        Kind.HEAD,
        "day",
        HeadInput,
        _length_in("head_circumference"),
        _length_out("head_circumference"),
        ("head_circumference",),
        detail_fields=("mm",),
        errors={"mm": "head_circumference"},
    ),
    Resource(
        "medication",
        Kind.MEDICINE,
        "moment",
        MedicationInput,
        _medication_in,
        _medication_out,
        ("name",),
        detail_fields=("name", "dose", "min_gap_minutes"),
        filters={"name": _medicine_named, "dosage_unit": _dosage_unit},
        errors={"dose": "dosage", "min_gap_minutes": "next_dose_interval"},
    ),
)
