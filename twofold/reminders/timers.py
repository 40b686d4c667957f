"""When a running timer has gone on longer than usual: Twofold's own numbers, not clinical ones; long enough
that a real feed, sleep or crying spell rarely reaches them, short enough to catch a forgotten timer."""

from __future__ import annotations

import datetime as dt

USUAL: dict[str, dt.timedelta] = {
    "feed": dt.timedelta(minutes=90),
    "settle": dt.timedelta(minutes=90),
    "sleep": dt.timedelta(hours=6),
}
QUESTION: dict[str, str] = {
    "feed": "Is the feed still going?",
    "settle": "Is the crying still going?",
    "sleep": "Is {name} still asleep?",
}


def longer_than_usual(kind: str, started: dt.datetime, now: dt.datetime) -> bool:
    usual = USUAL.get(kind)
    return usual is not None and now - started >= usual
