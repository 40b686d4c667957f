"""A bath: time together, with no details of its own."""

from __future__ import annotations

import datetime as dt

from twofold.care.kinds.base import SOOTHING_CARE, KindDefinition, Nouns
from twofold.care.models import Kind

BATH = KindDefinition(
    key=Kind.BATH,
    nouns=Nouns("Bath", "bath", "baths"),
    has_duration=True,
    longest=dt.timedelta(hours=2),
    response=True,
    one_tap_response=True,
    readings=SOOTHING_CARE,
)
