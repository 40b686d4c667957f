"""The baby's sleep, and where. Putting the baby down is care; the hours asleep are not a parent's work."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django import forms

from twofold.care.kinds.base import KindDefinition, Nouns, Reading
from twofold.care.kinds.inputs import DetailForm
from twofold.care.models import Kind, Sleep, SleepPlace


class SleepForm(DetailForm):
    place = forms.ChoiceField(choices=[("", "Not noted"), *SleepPlace.choices], required=False, label="Where")


_PLACES = dict(SleepPlace.choices)


def describe_sleep(details: Mapping[str, Any], locale: str, unit: str) -> str:
    """“Sleep, cot or crib”; a sleep with no place is the label alone."""
    return f"Sleep, {_PLACES[details['place']].lower()}" if details.get("place") else ""


SLEEP = KindDefinition(
    key=Kind.SLEEP,
    nouns=Nouns("Sleep", "sleep", "sleeps"),
    hint="start, stop, or log",
    timed=True,
    has_duration=True,
    longest=dt.timedelta(hours=16),
    response=True,
    # Counted as putting the baby down, with no minutes; the baby sleeping does not get a parent up.
    readings=frozenset({Reading.LOAD_EVENTS}),
    detail=Sleep,
    form=SleepForm,
    describe=describe_sleep,
)
