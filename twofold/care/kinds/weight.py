"""A weighing: a measurement of the baby, not a parent's care work and in none of the readings.

Weights are stored in whole grams and entered in kg to the gram. Centiles, pounds and ounces, and charts are
for the growth readings to come.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from twofold.care.kinds.base import KindDefinition, Nouns, Quantity
from twofold.care.kinds.inputs import DetailForm, MassField, format_kg
from twofold.care.models import Kind, Weight


class WeightForm(DetailForm):
    def __init__(self, *args: Any, unit: str = "ml", **kwargs: Any) -> None:
        super().__init__(*args, unit=unit, **kwargs)
        self.fields["grams"] = MassField(label="Weight (kg)", help_text="Such as 4.35, to the gram.")


def describe_weight(details: Mapping[str, Any], locale: str, unit: str) -> str:
    """“Weight, 4.35 kg”."""
    grams = details.get("grams")
    return "" if grams is None else f"Weight, {format_kg(grams)}"


WEIGHT = KindDefinition(
    key=Kind.WEIGHT,
    nouns=Nouns("Weight", "weighing", "weighings"),
    hint="in kg",
    detail=Weight,
    form=WeightForm,
    quantities={"grams": Quantity.MASS_G},
    api_help={"grams": "In grams, a whole number: 4.35 kg is 4350."},
    describe=describe_weight,
)
