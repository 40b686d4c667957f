"""A bath: time together, with no details of its own."""

from __future__ import annotations

import datetime as dt

from twofold.care.kinds.base import KindDefinition, Nouns, Reading
from twofold.care.models import Kind

BATH = KindDefinition(
    key=Kind.BATH,
    nouns=Nouns("Bath", "bath", "baths"),
    has_duration=True,
    longest=dt.timedelta(hours=2),
    response=True,
    one_tap_response=True,
    readings=frozenset(
        {Reading.LOAD_EVENTS, Reading.LOAD_MINUTES, Reading.NIGHT_WAKING, Reading.SETTLING_SESSION}
    ),
)
