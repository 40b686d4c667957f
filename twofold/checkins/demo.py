"""What the checkins app adds to the demo household (called by care/demo.py after the log is stored)."""

from __future__ import annotations

import datetime as dt

from twofold.households.models import Child, Member


def add_to_demo(*, members: dict[str, Member], children: list[Child], now: dt.datetime) -> None:
    return None
