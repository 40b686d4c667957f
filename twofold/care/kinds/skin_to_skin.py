"""Skin-to-skin: time together, with no details of its own."""

from __future__ import annotations

import datetime as dt

from twofold.care.kinds.base import SOOTHING_CARE, KindDefinition, Nouns
from twofold.care.models import Kind

SKIN_TO_SKIN = KindDefinition(
    key=Kind.SKIN_TO_SKIN,
    nouns=Nouns("Skin-to-skin", "skin-to-skin session", "skin-to-skin sessions"),
    has_duration=True,
    longest=dt.timedelta(hours=8),
    response=True,
    one_tap_response=True,
    readings=SOOTHING_CARE,
)
