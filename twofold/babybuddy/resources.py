"""Each Baby Buddy resource the adapter answers for: which care it is, its fields in and out.

The care resources are here; the measurements and medicines are in `measures.py`, what every resource
shares in `base.py`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import Q
from rest_framework import serializers

from twofold.babybuddy import mapping, measures
from twofold.babybuddy.base import (
    Change,
    DayInput,
    Entry,
    Fields,
    MomentInput,
    Resource,
    SpanInput,
)
from twofold.babybuddy.fields import child_field
from twofold.care.models import CareEvent, Kind, NappyContents, PlayActivity
from twofold.households.models import Household
from twofold.households.words import ml_to_unit, unit_to_ml

NO_COLOUR = "Twofold does not record a nappy's colour or amount: send the change without them."
NO_IMAGE = "Twofold does not keep pictures with notes: send the note's text only."


class FeedingInput(SpanInput):
    type = serializers.ChoiceField(choices=mapping.FEEDING_TYPES, required=False)
    method = serializers.ChoiceField(choices=mapping.FEEDING_METHODS, required=False)
    amount = serializers.FloatField(required=False, allow_null=True, min_value=0)


class SleepInput(SpanInput):
    # Twofold works out a nap from the start time, as Baby Buddy does when it is not given.
    nap = serializers.BooleanField(required=False, allow_null=True)


class PumpingInput(SpanInput):
    amount = serializers.FloatField(required=False, min_value=0)


class TummyTimeInput(SpanInput):
    milestone = serializers.CharField(required=False, allow_blank=True, max_length=255)
    notes = None  # type: ignore[assignment]  # Baby Buddy's tummy time has a milestone, not notes


class ChangeInput(MomentInput):
    wet = serializers.BooleanField(required=False)
    solid = serializers.BooleanField(required=False)
    color = serializers.CharField(required=False, allow_blank=True)
    amount = serializers.FloatField(required=False, allow_null=True)

    def validate(self, attrs: Fields) -> Fields:
        if attrs.get("color") or attrs.get("amount") is not None:
            raise serializers.ValidationError({"color": [NO_COLOUR]})
        return attrs


class NoteInput(MomentInput):
    note = serializers.CharField(required=False, max_length=2000)
    image = serializers.CharField(required=False, allow_blank=True, allow_null=True)
    notes = None  # type: ignore[assignment]

    def validate(self, attrs: Fields) -> Fields:
        if attrs.get("image"):
            raise serializers.ValidationError({"image": [NO_IMAGE]})
        return attrs


class TimerInput(serializers.Serializer[Any]):
    child = child_field(required=False, allow_null=True)
    name = serializers.CharField(required=False, allow_blank=True, allow_null=True, max_length=255)
    start = serializers.DateTimeField(required=False)
    # Baby Buddy lets a timer name its user; in Twofold a timer is the caller's own, so this is not read.
    user = serializers.IntegerField(required=False, allow_null=True)


class WeightInput(DayInput):
    weight = serializers.FloatField(required=False, min_value=0)


def _amount(value: float | None, household: Household) -> Decimal | None:
    return None if value is None else unit_to_ml(Decimal(str(value)), household.volume_unit)


def _amount_out(ml: Decimal | None, household: Household) -> float | None:
    return None if ml is None else float(ml_to_unit(ml, household.volume_unit))


def _feed_in(data: Fields, household: Household, event: CareEvent | None) -> Change:
    details: Fields = {}
    if "type" in data or "method" in data:
        now = mapping.feed_to_baby_buddy(event.feed.method, event.feed.side) if event else ("", "")
        feed_type, method = data.get("type", now[0]), data.get("method", now[1])
        missing = [name for name, value in (("type", feed_type), ("method", method)) if not value]
        if missing:
            raise serializers.ValidationError(dict.fromkeys(missing, ["This field is required."]))
        try:
            feed = mapping.feed_from_baby_buddy(feed_type, method)
        except ValueError as refused:
            raise serializers.ValidationError({"type": [str(refused)]}) from None
        details |= {"method": feed.method, "side": feed.side}
    if "amount" in data:
        details["amount_ml"] = _amount(data["amount"], household)
    return Change(details)


def _feed_out(entry: Entry, household: Household) -> Fields:
    feed_type, method = mapping.feed_to_baby_buddy(entry.detail["method"], entry.detail["side"])
    return {"type": feed_type, "method": method, "amount": _amount_out(entry.detail["amount_ml"], household)}


def _sleep_out(entry: Entry, household: Household) -> Fields:
    return {"nap": mapping.is_nap(entry.start.astimezone(household.zone).time())}


def _pumping_in(data: Fields, household: Household, event: CareEvent | None) -> Change:
    return Change({"amount_ml": _amount(data["amount"], household)} if "amount" in data else {})


def _pumping_out(entry: Entry, household: Household) -> Fields:
    return {"amount": _amount_out(entry.detail["amount_ml"], household)}


def _tummy_in(data: Fields, household: Household, event: CareEvent | None) -> Change:
    return Change({} if event else {"activity": PlayActivity.TUMMY_TIME}, data.get("milestone"))


def _change_in(data: Fields, household: Household, event: CareEvent | None) -> Change:
    if "wet" not in data and "solid" not in data:
        return Change({})
    wet, solid = mapping.nappy_to_baby_buddy(event.nappy.contents) if event else (False, False)
    try:
        contents = mapping.nappy_from_baby_buddy(data.get("wet", wet), data.get("solid", solid))
    except ValueError as refused:
        raise serializers.ValidationError({"wet": [str(refused)]}) from None
    return Change({"contents": contents})


def _change_out(entry: Entry, household: Household) -> Fields:
    wet, solid = mapping.nappy_to_baby_buddy(entry.detail["contents"])
    return {"wet": wet, "solid": solid, "color": "", "amount": None}


def _note_in(data: Fields, household: Household, event: CareEvent | None) -> Change:
    return Change({}, data.get("note"))


def _note_out(entry: Entry, household: Household) -> Fields:
    return {"image": None}


def _weight_in(data: Fields, household: Household, event: CareEvent | None) -> Change:
    if "weight" not in data:
        return Change({})
    return Change({"grams": mapping.grams_from_weight(data["weight"], household.mass_unit)})


def _weight_out(entry: Entry, household: Household) -> Fields:
    return {"weight": mapping.weight_from_grams(entry.detail["grams"], household.mass_unit)}


def _no_fields(entry: Entry, household: Household) -> Fields:
    return {}


def _bool(value: str) -> bool | None:
    return {"true": True, "1": True, "false": False, "0": False}.get(value.strip().lower())


def _wet(value: str) -> Q | None:
    wet = _bool(value)
    if wet is None:
        return Q()
    return (
        Q(nappy__contents__in=[NappyContents.WET, NappyContents.BOTH])
        if wet
        else Q(nappy__contents=NappyContents.DIRTY)
    )


def _solid(value: str) -> Q | None:
    solid = _bool(value)
    if solid is None:
        return Q()
    return (
        Q(nappy__contents__in=[NappyContents.DIRTY, NappyContents.BOTH])
        if solid
        else Q(nappy__contents=NappyContents.WET)
    )


def _feed_type(value: str) -> Q | None:
    methods = {mapping.BREAST_MILK: ["breast", "expressed"], mapping.FORMULA: ["formula"]}.get(value)
    return Q(feed__method__in=methods) if methods else None


def _feed_method(value: str) -> Q | None:
    if value in mapping.BREASTS:
        return Q(feed__method="breast", feed__side=mapping.BREASTS[value])
    return Q(feed__method__in=["expressed", "formula"]) if value == mapping.BOTTLE else None


TUMMY_TIME = Q(play__activity=PlayActivity.TUMMY_TIME)

RESOURCES: dict[str, Resource] = {
    r.path: r
    for r in (
        Resource(
            "feedings",
            Kind.FEED,
            "span",
            FeedingInput,
            _feed_in,
            _feed_out,
            ("type", "method"),
            by_end=True,
            detail_fields=("method", "side", "amount_ml"),
            filters={"type": _feed_type, "method": _feed_method},
        ),
        Resource(
            "sleep", Kind.SLEEP, "span", SleepInput, lambda d, h, e: Change({}), _sleep_out, by_end=True
        ),
        Resource(
            "pumping",
            Kind.PUMPING,
            "span",
            PumpingInput,
            _pumping_in,
            _pumping_out,
            ("amount",),
            by_end=True,
            detail_fields=("amount_ml",),
        ),
        Resource(
            "tummy-times",
            Kind.PLAY,
            "span",
            TummyTimeInput,
            _tummy_in,
            _no_fields,
            only=TUMMY_TIME,
            note_field="milestone",
        ),
        Resource(
            "changes",
            Kind.NAPPY,
            "moment",
            ChangeInput,
            _change_in,
            _change_out,
            ("wet",),
            detail_fields=("contents",),
            filters={"wet": _wet, "solid": _solid},
        ),
        Resource("notes", Kind.NOTE, "moment", NoteInput, _note_in, _note_out, ("note",), note_field="note"),
        Resource(
            "weight",
            Kind.WEIGHT,
            "day",
            WeightInput,
            _weight_in,
            _weight_out,
            ("weight",),
            detail_fields=("grams",),
        ),
        *measures.MEASURES,
    )
}

# Baby Buddy's resources whose kinds Twofold does not record: they list nothing and refuse writes. BMI is
# worked out from a weight and a height; Twofold keeps those two and works nothing out from them.
NOT_RECORDED: dict[str, str] = {
    "bmi": "Twofold does not record BMI: send the weight and the height (length) instead.",
}

# Twofold's field names in a service's errors, as Baby Buddy's fields name them.
ERROR_FIELDS = {"amount_ml": "amount", "grams": "weight", "contents": "wet", "kind": "non_field_errors"}


def day_start(day: dt.date, household: Household, now: dt.datetime) -> dt.datetime:
    """A measurement on a date: noon that day on the household's clock, or now when that is still to come
    today. A later day stays in the future, so care's check refuses it (Baby Buddy's "not in the future")."""
    noon = dt.datetime.combine(day, dt.time(12), tzinfo=household.zone)
    return noon if day > now.astimezone(household.zone).date() else min(noon, now)
