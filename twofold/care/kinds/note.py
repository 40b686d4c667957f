"""A note: anything else, in the event's own note text. Not care work."""

from __future__ import annotations

import datetime as dt

from twofold.care.kinds.base import KindDefinition, Nouns
from twofold.care.models import Kind

NOTE = KindDefinition(
    key=Kind.NOTE,
    nouns=Nouns("Note", "note", "notes"),
    hint="anything else",
    longest=dt.timedelta(hours=24),
)
