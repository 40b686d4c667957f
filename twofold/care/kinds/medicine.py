"""A dose of medicine: its name and the dose, as the parent writes them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django import forms

from twofold.care.kinds.base import CARE_WORK, KindDefinition, Nouns
from twofold.care.kinds.inputs import DetailForm
from twofold.care.models import Kind, Medicine


class MedicineForm(DetailForm):
    name = forms.CharField(max_length=80, label="Medicine")
    dose = forms.CharField(max_length=40, required=False, help_text="Such as “2.5 ml” or “1 drop”.")


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
    describe=describe_medicine,
)
