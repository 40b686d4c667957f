"""A crying episode: what was tried to soothe the baby and how it ended."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from twofold.care.kinds.base import SOOTHING_CARE, KindDefinition, Nouns
from twofold.care.kinds.inputs import DetailForm
from twofold.care.models import Kind, Settle, SettleOutcome

SETTLE_TECHNIQUES: dict[str, str] = {
    "holding": "Holding and cuddling",
    "rocking": "Rocking",
    "walking": "Walking about",
    "feeding": "Feeding",
    "sling": "Sling or carrier",
    "swaddle": "Swaddling",
    "white_noise": "White noise or shushing",
    "singing": "Singing or talking",
    "dummy": "Dummy or pacifier",
    "skin_to_skin": "Skin-to-skin",
    "bath": "Warm bath",
    "pram": "Pram or car ride",
    "put_down": "Put down safely for a break",
}
LIST_WHAT_WAS_TRIED = "List what was tried, such as rocking or feeding."


class SettleForm(DetailForm):
    tried = forms.MultipleChoiceField(
        choices=list(SETTLE_TECHNIQUES.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="What was tried",
    )
    outcome = forms.ChoiceField(
        choices=[("", "—"), *SettleOutcome.choices], required=False, label="How it ended"
    )


def check_settle(settle: Settle) -> None:
    if not isinstance(settle.tried, list) or not all(isinstance(t, str) for t in settle.tried):
        raise ValidationError({"tried": LIST_WHAT_WAS_TRIED})
    unknown = [t for t in settle.tried if t not in SETTLE_TECHNIQUES]
    if unknown:
        raise ValidationError(
            {"tried": f"Unknown: {', '.join(unknown)}. Choose from {', '.join(SETTLE_TECHNIQUES)}."}
        )
    settle.tried = list(dict.fromkeys(settle.tried))


_OUTCOMES = dict(SettleOutcome.choices)


def describe_settle(details: Mapping[str, Any], locale: str, unit: str) -> str:
    """“Crying, tried rocking, white noise or shushing, settled”."""
    parts = ["Crying"]
    tried = [SETTLE_TECHNIQUES[t].lower() for t in details.get("tried") or [] if t in SETTLE_TECHNIQUES]
    if tried:
        parts.append("tried " + ", ".join(tried))
    if details.get("outcome"):
        parts.append(_OUTCOMES[details["outcome"]].lower())
    return ", ".join(parts)


SETTLE = KindDefinition(
    key=Kind.SETTLE,
    nouns=Nouns("Crying", "crying spell", "crying spells"),
    hint="time a crying spell",
    timed=True,
    has_duration=True,
    longest=dt.timedelta(hours=6),
    response=True,
    one_tap_response=True,
    readings=SOOTHING_CARE,
    detail=Settle,
    form=SettleForm,
    check=check_settle,
    choice_lists={"tried": SETTLE_TECHNIQUES},
    api_help={"tried": "What was tried to soothe the baby, in any order."},
    describe=describe_settle,
)
