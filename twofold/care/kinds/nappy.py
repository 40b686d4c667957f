"""A nappy (a diaper, in American English): wet, dirty or both."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms

from twofold.care.kinds.base import CARE_WORK, KindDefinition, Nouns
from twofold.care.kinds.inputs import DetailForm
from twofold.care.models import Kind, Nappy, NappyContents

GB = Nouns("Nappy", "nappy", "nappies")
US = Nouns("Diaper", "diaper", "diapers")


class NappyForm(DetailForm):
    contents = forms.ChoiceField(choices=NappyContents.choices, widget=forms.RadioSelect, label="It was")


_CONTENTS = dict(NappyContents.choices)


def describe_nappy(details: Mapping[str, Any], locale: str, unit: str) -> str:
    """“Nappy: wet and dirty”, or “Diaper: wet”."""
    if not details.get("contents"):
        return ""
    return f"{NAPPY.label(locale)}: {_CONTENTS[details['contents']].lower()}"


NAPPY = KindDefinition(
    key=Kind.NAPPY,
    nouns=GB,
    us_nouns=US,
    hint="wet or dirty",
    response=True,
    readings=CARE_WORK,
    detail=Nappy,
    form=NappyForm,
    describe=describe_nappy,
)
