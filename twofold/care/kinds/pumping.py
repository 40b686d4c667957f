"""Pumping milk: how much."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from twofold.care.kinds.base import CARE_WORK, KindDefinition, Nouns, Quantity
from twofold.care.kinds.inputs import DetailForm, VolumeField
from twofold.care.models import Kind, Pumping
from twofold.households.words import format_volume


class PumpingForm(DetailForm):
    def __init__(self, *args: Any, unit: str = "ml", **kwargs: Any) -> None:
        super().__init__(*args, unit=unit, **kwargs)
        self.fields["amount_ml"] = VolumeField(unit=unit, required=True)


def describe_pumping(details: Mapping[str, Any], locale: str, unit: str) -> str:
    """“Pumping, 90 ml”."""
    amount = details.get("amount_ml")
    return "" if amount is None else f"Pumping, {format_volume(amount, unit)}"


PUMPING = KindDefinition(
    key=Kind.PUMPING,
    nouns=Nouns("Pumping", "pumping session", "pumping sessions"),
    hint="amount",
    has_duration=True,
    longest=dt.timedelta(hours=2),
    readings=CARE_WORK,
    detail=Pumping,
    form=PumpingForm,
    quantities={"amount_ml": Quantity.VOLUME_ML},
    api_help={"amount_ml": "In millilitres."},
    describe=describe_pumping,
)
