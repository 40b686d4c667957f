"""A feed: breast (a side) or a bottle of expressed milk or formula (an amount)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from twofold.care.kinds.base import CARE_WORK, KindDefinition, Nouns, Quantity
from twofold.care.kinds.inputs import DetailForm, VolumeField
from twofold.care.models import Feed, FeedMethod, Kind, Side
from twofold.households.words import format_volume

BREASTFEED_HAS_NO_AMOUNT = "A breastfeed has no amount: leave it empty."
BOTTLE_HAS_NO_SIDE = "A bottle feed has no side: leave it empty."


class FeedForm(DetailForm):
    method = forms.ChoiceField(choices=FeedMethod.choices, widget=forms.RadioSelect, label="Feed")
    side = forms.ChoiceField(
        choices=[("", "—"), *Side.choices], required=False, widget=forms.RadioSelect, label="Side"
    )

    def __init__(self, *args: Any, unit: str = "ml", **kwargs: Any) -> None:
        super().__init__(*args, unit=unit, **kwargs)
        self.fields["amount_ml"] = VolumeField(unit=unit, required=False, help_text="For bottle feeds.")


def check_feed(feed: Feed) -> None:
    if feed.method == FeedMethod.BREAST:
        if feed.amount_ml is not None:
            raise ValidationError({"amount_ml": BREASTFEED_HAS_NO_AMOUNT})
        if not feed.side:
            feed.side = "both"
    elif feed.side:
        raise ValidationError({"side": BOTTLE_HAS_NO_SIDE})


_METHODS = dict(FeedMethod.choices)
_SIDES = dict(Side.choices)


def describe_feed(details: Mapping[str, Any], locale: str, unit: str) -> str:
    """“Breast, left” or “Bottle of formula, 120 ml”."""
    if not details.get("method"):
        return ""
    parts = [_METHODS[details["method"]]]
    if details.get("side"):
        parts.append(_SIDES[details["side"]].lower())
    if details.get("amount_ml") is not None:
        parts.append(format_volume(details["amount_ml"], unit))
    return ", ".join(parts)


def default_feed_method(feeding_method: str) -> str:
    """The feed a timer starts with, from the child's usual feeding; the parent can change it."""
    return {"formula": "formula", "expressed": "expressed"}.get(feeding_method, "breast")


def default_feed(feeding_method: str) -> dict[str, Any]:
    return {"method": default_feed_method(feeding_method)}


FEED = KindDefinition(
    key=Kind.FEED,
    nouns=Nouns("Feed", "feed", "feeds"),
    hint="breast or bottle",
    timed=True,
    has_duration=True,
    longest=dt.timedelta(hours=3),
    response=True,
    one_tap_response=True,
    readings=CARE_WORK,
    detail=Feed,
    form=FeedForm,
    check=check_feed,
    quantities={"amount_ml": Quantity.VOLUME_ML},
    api_help={
        "side": "Breastfeeds only; defaults to both.",
        "amount_ml": "Bottle feeds only, in millilitres.",
    },
    describe=describe_feed,
    default_details=default_feed,
    day_volume="amount_ml",
)
