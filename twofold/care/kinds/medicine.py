"""A dose of medicine: its name and the dose as the parent writes them, and what the label says about spacing
doses when the parent copies it in. Twofold never suggests a dose (EVIDENCE.md §9.3): `twofold.care.doses`
only counts and says when the label allows the next."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django import forms

from twofold.care.kinds.base import CARE_WORK, KindDefinition, Nouns
from twofold.care.kinds.inputs import DetailForm
from twofold.care.models import Kind, Medicine

MINUTES_PER_HOUR = 60


class GapField(forms.DecimalField):
    """The shortest gap between doses, typed in hours (4, or 0.5 for half an hour), kept in whole minutes.
    The plausible range is the model's, so a page and the API say the same."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_digits=5, decimal_places=2, min_value=Decimal(0), **kwargs)

    def clean(self, value: Any) -> int | None:
        hours = super().clean(value)
        return None if hours is None else round(hours * MINUTES_PER_HOUR)

    def prepare_value(self, value: Any) -> Any:
        # An edit starts from the stored minutes: shown back in hours.
        if isinstance(value, int):
            return format_hours(value)
        return super().prepare_value(value)


class MedicineForm(DetailForm):
    name = forms.CharField(max_length=80, label="Medicine")
    dose = forms.CharField(
        max_length=40, required=False, help_text="As on the label or prescription, such as “2.5 ml”."
    )
    min_gap_minutes = GapField(
        required=False,
        label="Shortest gap between doses (hours)",
        help_text="From the label, if it says one, such as 4: Twofold shows when the label allows the next.",
    )
    max_per_24h = forms.IntegerField(
        required=False,
        min_value=1,
        label="Most doses in 24 hours",
        help_text="From the label, if it says one.",
    )


def format_hours(minutes: int) -> str:
    """240 reads "4", 90 reads "1.5", 20 reads "0.33"."""
    hours = Decimal(minutes) / MINUTES_PER_HOUR
    text = f"{hours.quantize(Decimal('0.01')):f}".rstrip("0").rstrip(".")
    return text or "0"


def label_rule(details: Mapping[str, Any]) -> str:
    """“at least 4 h apart, at most 4 in 24 h”, from what the parent copied from the label; "" without."""
    parts = []
    if details.get("min_gap_minutes"):
        parts.append(f"at least {format_hours(details['min_gap_minutes'])} h apart")
    if details.get("max_per_24h"):
        parts.append(f"at most {details['max_per_24h']} in 24 h")
    return ", ".join(parts)


def describe_medicine(details: Mapping[str, Any], locale: str, unit: str) -> str:
    """“Paracetamol 2.5 ml”."""
    if not details.get("name"):
        return ""
    return " ".join(p for p in (details["name"], details.get("dose")) if p)


MEDICINE = KindDefinition(
    key=Kind.MEDICINE,
    nouns=Nouns("Medicine", "dose of medicine", "doses of medicine"),
    hint="name and dose",
    longest=dt.timedelta(hours=1),
    readings=CARE_WORK,
    detail=Medicine,
    form=MedicineForm,
    api_help={
        "dose": "As the parent writes it; Twofold never suggests or checks a dose.",
        "min_gap_minutes": "The shortest gap between doses from the label, in minutes (4 hours is 240).",
        "max_per_24h": "The most doses in 24 hours from the label.",
    },
    describe=describe_medicine,
)
