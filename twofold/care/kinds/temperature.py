"""A temperature: a measurement of the baby, not a parent's care work and in none of the readings.

Stored in °C to the hundredth, so a reading typed in °F to a tenth comes back as typed; shown in the
household's unit (°C or °F). Each reading keeps how it was taken (EVIDENCE.md §9.1). What a high
reading means for a young baby is for the health app to say.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, cast

from django import forms

from twofold.care.kinds.base import KindDefinition, Nouns
from twofold.care.kinds.inputs import DetailForm
from twofold.care.models import Kind, Temperature, TemperatureMethod
from twofold.households.units import MeasureUnits

CELSIUS = "C"
FAHRENHEIT = "F"
SYMBOLS = {CELSIUS: "°C", FAHRENHEIT: "°F"}
_NINE_FIFTHS = Decimal(9) / Decimal(5)
_HUNDREDTH = Decimal("0.01")
_TENTH = Decimal("0.1")

NOT_RECORDED = "Not recorded"
FOREHEAD_NOTE = "Forehead thermometers are unreliable (NICE NG143): use the armpit or ear if you can."


def to_celsius(value: Decimal, unit: str) -> Decimal:
    """A reading typed in `unit`, in °C to the hundredth (the stored precision)."""
    celsius = (value - 32) / _NINE_FIFTHS if unit == FAHRENHEIT else value
    return celsius.quantize(_HUNDREDTH, rounding=ROUND_HALF_UP)


def from_celsius(celsius: Decimal, unit: str) -> Decimal:
    """A stored reading in `unit`, to the tenth, as thermometers show it."""
    value = celsius * _NINE_FIFTHS + 32 if unit == FAHRENHEIT else celsius
    return value.quantize(_TENTH, rounding=ROUND_HALF_UP)


def format_temperature(celsius: Decimal, unit: str) -> str:
    """“38.2 °C”, “100.8 °F”."""
    return f"{from_celsius(Decimal(celsius), unit)} {SYMBOLS.get(unit, '°C')}"


class TemperatureField(forms.DecimalField):
    """A reading typed in the household's unit, kept in °C. The plausible range is the model's."""

    def __init__(self, *, unit: str, **kwargs: Any) -> None:
        self.unit = unit
        super().__init__(
            label=f"Temperature ({SYMBOLS.get(unit, '°C')})", max_digits=5, decimal_places=2, **kwargs
        )

    def clean(self, value: Any) -> Decimal | None:
        typed = super().clean(value)
        return None if typed is None else to_celsius(typed, self.unit)


class TemperatureForm(DetailForm):
    method = forms.ChoiceField(
        choices=TemperatureMethod.choices,
        initial=TemperatureMethod.ARMPIT,
        label="Taken in the",
        help_text=FOREHEAD_NOTE,
    )

    def __init__(self, *args: Any, temperature_unit: str = CELSIUS, **kwargs: Any) -> None:
        initial = dict(kwargs.pop("initial", None) or {})
        if initial.get("celsius") is not None:
            # An edit starts from the stored °C, shown in the household's unit.
            initial["celsius"] = from_celsius(Decimal(initial["celsius"]), temperature_unit)
        super().__init__(*args, initial=initial, **kwargs)
        if "method" in initial and not initial["method"]:
            # A reading brought from another app may not say how it was taken (Baby Buddy's need not): an edit
            # may keep it unsaid, rather than make a parent guess at a reading they may not have taken.
            method = cast(forms.ChoiceField, self.fields["method"])  # this form's own copy of the field
            method.required = False
            method.choices = [("", NOT_RECORDED), *TemperatureMethod.choices]
        self.fields["celsius"] = TemperatureField(
            unit=temperature_unit, help_text="As the thermometer shows it."
        )
        self.order_fields(["celsius", "method"])


def describe_in_unit(details: Mapping[str, Any], measures: MeasureUnits) -> str:
    """“100.8 °F, armpit”: in the household's own unit, as the health cards and the summary say it."""
    celsius = details.get("celsius")
    if celsius is None:
        return ""
    return format_temperature(celsius, measures.temperature) + _taken(details)


def _taken(details: Mapping[str, Any]) -> str:
    method = TemperatureMethod(details["method"]).label.lower() if details.get("method") else ""
    return f", {method}" if method else ""


TEMPERATURE = KindDefinition(
    key=Kind.TEMPERATURE,
    nouns=Nouns("Temperature", "temperature", "temperatures"),
    hint="°C or °F, and where",
    detail=Temperature,
    form=TemperatureForm,
    api_help={
        "celsius": "In °C, to two decimals: 100.4 °F is 38.00. Pages show the household's unit.",
        "method": "How it was taken: armpit, ear, rectal or forehead (NICE NG143; EVIDENCE.md §9.1).",
    },
    describe_measure=describe_in_unit,
)
