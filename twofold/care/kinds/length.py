"""A length (lying down) or height (standing): a measurement of the baby, in none of the readings.

Stored in whole millimetres, entered in cm or inches (the household's choice).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from twofold.care.kinds.base import KindDefinition, Nouns, Quantity
from twofold.care.kinds.inputs import DetailForm, LengthField
from twofold.care.models import Kind, Length
from twofold.households.units import METRIC, MeasureUnits, format_length


class LengthForm(DetailForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["mm"] = LengthField(
            unit=self.measures.length, label="Length", help_text="Lying down under 2; standing height after."
        )


def describe_length(details: Mapping[str, Any], units: MeasureUnits) -> str:
    """“Length, 54.5 cm”."""
    mm = details.get("mm")
    return "" if mm is None else f"Length, {format_length(mm, units.length)}"


LENGTH = KindDefinition(
    key=Kind.LENGTH,
    nouns=Nouns("Length", "length measurement", "length measurements"),
    hint="cm or in",
    detail=Length,
    form=LengthForm,
    quantities={"mm": Quantity.LENGTH_MM},
    api_help={"mm": "In millimetres, a whole number: 54.5 cm is 545."},
    describe=lambda details, locale, unit: describe_length(details, METRIC),
    describe_measure=describe_length,
)
