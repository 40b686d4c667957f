"""Play: reading, talking, tummy time, a walk or a massage."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django import forms

from twofold.care.kinds.base import SOOTHING_CARE, KindDefinition, Nouns
from twofold.care.kinds.inputs import DetailForm
from twofold.care.models import Kind, Play, PlayActivity


class PlayForm(DetailForm):
    activity = forms.ChoiceField(choices=PlayActivity.choices, widget=forms.RadioSelect, label="Activity")


_ACTIVITIES = dict(PlayActivity.choices)


def describe_play(details: Mapping[str, Any], locale: str, unit: str) -> str:
    """“Tummy time”."""
    return _ACTIVITIES[details["activity"]] if details.get("activity") else ""


PLAY = KindDefinition(
    key=Kind.PLAY,
    nouns=Nouns("Play", "play session", "play sessions"),
    hint="reading, tummy time, walk…",
    has_duration=True,
    longest=dt.timedelta(hours=6),
    response=True,
    one_tap_response=True,
    readings=SOOTHING_CARE,
    detail=Play,
    form=PlayForm,
    describe=describe_play,
)
