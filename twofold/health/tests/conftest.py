"""Two days of Ada's log, counted by hand: the summary's fixture, for the page and for the PDF."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from twofold.care.services import log_care_event

LONDON = ZoneInfo("Europe/London")
NOW = dt.datetime(2027, 2, 3, 10, 0, tzinfo=dt.UTC)


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2027, 2, day, hour, minute, tzinfo=LONDON)  # GMT in February


@pytest.fixture
def two_days(world):
    with time_machine.travel(NOW, tick=False):
        world.ada.birth_date = dt.date(2027, 1, 1)
        world.ada.sex = "female"
        world.ada.save()

        def log(kind, start, end=None, member=None, **details):
            note = details.pop("note", "")
            return log_care_event(
                member=member or world.alex,
                child=world.ada,
                kind=kind,
                start=start,
                end=end,
                details=details or None,
                note=note,
            ).event

        # Before the period: not counted.
        log("feed", dt.datetime(2027, 1, 31, 10, 0, tzinfo=LONDON), method="formula", amount_ml=Decimal(60))
        log("feed", at(1, 8), at(1, 8, 15), method="formula", amount_ml=Decimal(120))
        log("feed", at(1, 11), at(1, 11, 25), method="breast", side="left", note="Fed well")
        log("feed", at(2, 9), at(2, 9, 10), method="expressed", amount_ml=Decimal(90))
        log("nappy", at(1, 8, 30), contents="wet")
        log("nappy", at(1, 12), contents="both")
        log("nappy", at(2, 10), contents="dirty")
        log("sleep", at(1, 22), at(2, 5, 30))
        log("sleep", at(2, 13), at(2, 14))
        log("settle", at(1, 18), at(1, 18, 40), member=world.sam, tried=["rocking"], outcome="settled")
        log("temperature", at(2, 16), celsius="37.6", method="armpit")
        log("medicine", at(2, 9, 5), name="Vitamin D", dose="1 drop")
        windy = log("note", at(1, 19), note="Seemed windy after feeds")
        # Growth: a weight before the period (on the chart, not in the table), one in it, and a head.
        log("weight", dt.datetime(2027, 1, 15, 9, 0, tzinfo=LONDON), grams=3700)
        log("weight", at(1, 9), grams=4100)
        log("head", at(2, 9), mm=380)
        yield windy
