"""A head circumference: a measurement of the baby, in none of the readings.

Stored in whole millimetres, entered in cm or inches (the household's choice).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from twofold.care.kinds.base import KindDefinition, Nouns, Quantity
from twofold.care.kinds.inputs import DetailForm, LengthField
from twofold.care.models import Head, Kind
from twofold.households.units import METRIC, MeasureUnits, format_length


class HeadForm(DetailForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["mm"] = LengthField(
            unit=self.measures.length,
            label="Head circumference",
            help_text="Around the widest part, above the eyebrows and ears.",
        )


def describe_head(details: Mapping[str, Any], units: MeasureUnits) -> str:
    """“Head, 38.2 cm”."""
    mm = details.get("mm")
    return "" if mm is None else f"Head, {format_length(mm, units.length)}"


HEAD = KindDefinition(
    key=Kind.HEAD,
    nouns=Nouns("Head circumference", "head measurement", "head measurements"),
    hint="around the head",
    detail=Head,
    form=HeadForm,
    quantities={"mm": Quantity.LENGTH_MM},
    api_help={"mm": "In millimetres, a whole number: 38.2 cm is 382."},
    describe=lambda details, locale, unit: describe_head(details, METRIC),
    describe_measure=describe_head,
)
