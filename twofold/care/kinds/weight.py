"""A weighing: a measurement of the baby, not a parent's care work and in none of the readings.

Weights are stored in whole grams, entered in kg to the gram or in pounds and ounces (the household's choice).
Centiles and charts are the growth app's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from twofold.care.kinds.base import KindDefinition, Nouns, Quantity
from twofold.care.kinds.inputs import DetailForm, MassField, mass_details, mass_fields
from twofold.care.models import HEAVIEST_GRAMS, LIGHTEST_GRAMS, TOO_HEAVY, TOO_LIGHT, Kind, Weight
from twofold.households.units import KG, LB_OZ, METRIC, MeasureUnits, format_mass


class WeightForm(DetailForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["grams"] = MassField(label="Weight")
        mass_fields(self, "grams", label="Weight", help_text="Such as 4.35, to the gram.")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        grams = None if self.errors else self.details().get("grams")
        message = implausible_weight(grams, self.measures.mass) if grams is not None else ""
        if message:
            self.add_error("pounds" if self.measures.mass == LB_OZ else "grams", message)
        return cleaned

    def details(self) -> dict[str, Any]:
        return mass_details(self, "grams")


def _mass_words(grams: int, unit: str) -> str:
    """“0.3 kg”; “10.6 oz” rather than “0 lb 10.6 oz”."""
    return format_mass(grams, unit).removeprefix("0 lb ")


def implausible_weight(grams: int, unit: str) -> str:
    """The table's range (care.models) said in the household's unit, the other in brackets; "" within it."""
    if LIGHTEST_GRAMS <= grams <= HEAVIEST_GRAMS:
        return ""
    if unit != LB_OZ:
        return TOO_LIGHT if grams < LIGHTEST_GRAMS else TOO_HEAVY
    bound = LIGHTEST_GRAMS if grams < LIGHTEST_GRAMS else HEAVIEST_GRAMS
    side = "under" if grams < LIGHTEST_GRAMS else "over"
    both = f"{_mass_words(bound, LB_OZ)} ({_mass_words(bound, KG)})"
    return f"A weight {side} {both} is not plausible for a baby: check the number."


def describe_weight(details: Mapping[str, Any], units: MeasureUnits) -> str:
    """“Weight, 4.35 kg” or “Weight, 9 lb 9.4 oz”."""
    grams = details.get("grams")
    return "" if grams is None else f"Weight, {format_mass(grams, units.mass)}"


WEIGHT = KindDefinition(
    key=Kind.WEIGHT,
    nouns=Nouns("Weight", "weighing", "weighings"),
    hint="kg or lb",
    detail=Weight,
    form=WeightForm,
    quantities={"grams": Quantity.MASS_G},
    api_help={"grams": "In grams, a whole number: 4.35 kg is 4350."},
    describe=lambda details, locale, unit: describe_weight(details, METRIC),
    describe_measure=describe_weight,
)
