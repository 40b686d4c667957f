"""Twofold's own export (made on the top floor) read by twofold.imports: into a new household and out
again, the same log apart from ids; merged back, nothing twice."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine

from twofold.care.services import log_care_event
from twofold.conftest import join, make_user
from twofold.home.export import export_document, export_zip
from twofold.households.models import Member, Role
from twofold.households.services import create_household
from twofold.imports.files import open_bundle
from twofold.imports.formats import detect
from twofold.imports.mapping import KEEP_NAME, Choices
from twofold.imports.services import run_import
from twofold.imports.tests.conftest import NOW, Family, make_family


@pytest.fixture
def family(db) -> Iterator[Family]:
    with time_machine.travel(NOW, tick=False):
        yield make_family()


T = dt.datetime(2026, 5, 20, 8, 0, tzinfo=dt.UTC)


def _log(family) -> None:
    log: list[tuple[Member, str, int, int | None, dict[str, Any], str]] = [
        (family.sam, "feed", 0, 25, {"method": "breast", "side": "left"}, ""),
        (family.ren, "feed", 180, 15, {"method": "expressed", "amount_ml": "95.5"}, "after the walk"),
        (family.ren, "nappy", 200, None, {"contents": "both"}, ""),
        (family.sam, "sleep", 240, 90, {"place": "cot"}, ""),
        (family.sam, "medicine", 400, None, {"name": "Vitamin D", "dose": "1 drop"}, ""),
        (family.ren, "weight", 500, None, {"grams": 4620}, "clinic, “naked”"),
        (family.sam, "note", 600, None, {}, "first smile — é"),
        (family.ren, "play", 700, 10, {"activity": "tummy_time"}, ""),
    ]
    for by, kind, minutes, length, details, note in log:
        start = T + dt.timedelta(minutes=minutes)
        end = start + dt.timedelta(minutes=length) if length else None
        log_care_event(
            member=family.sam,
            by=by,
            child=family.mila,
            kind=kind,
            start=start,
            end=end,
            details=details,
            note=note,
        )


def _without_ids(document: dict) -> list[dict]:
    events = []
    for event in document["events"]:
        plain = {k: v for k, v in event.items() if k != "id"}
        for person in ("child", "by", "logged_by"):
            plain[person] = {k: v for k, v in event[person].items() if k != "id"}
        events.append(plain)
    return events


def test_export_import_into_a_new_household_export_again_is_the_same_log(family):
    _log(family)
    first = export_document(family.sam.household)
    archive = export_zip(family.sam.household)

    # A new household: Sam alone at first; Ren is kept by name until they join.
    sam_again = create_household(
        user=make_user("sam.new@example.com"), name="Restored", display_name="Sam", time_zone="Europe/London"
    )
    bundle = open_bundle("twofold-1-2026-06-01.zip", archive)
    fmt = detect(bundle)
    assert fmt.key == "twofold"
    done = run_import(
        member=sam_again,
        bundle=bundle,
        fmt=fmt,
        choices=Choices(zone=sam_again.household.zone, people={"Ren": KEEP_NAME}),
    )
    assert done.preview.to_create == len(first["events"]) == 8
    assert done.preview.children == {"Mila": "Mila (added)"}

    again = export_document(sam_again.household)
    assert _without_ids(again) == _without_ids(first)
    assert [(c["name"], c["birth_date"], c["feeding_method"]) for c in again["children"]] == [
        (c["name"], c["birth_date"], c["feeding_method"]) for c in first["children"]
    ]


def test_merging_an_export_back_creates_nothing_twice(family):
    _log(family)
    data = json.dumps(export_document(family.sam.household)).encode()
    bundle = open_bundle("twofold.json", data)
    done = run_import(
        member=family.sam, bundle=bundle, fmt=detect(bundle), choices=Choices(zone=family.sam.household.zone)
    )
    assert done.preview.to_create == 0 and done.preview.already == 8


def test_merging_into_another_household_maps_people_by_name(family):
    _log(family)
    data = json.dumps(export_document(family.sam.household)).encode()
    other = create_household(user=make_user("kim@example.com"), name="Kim's", display_name="Kim")
    ren_there = join(other, "ren.there@example.com", "Ren", Role.PARENT)
    bundle = open_bundle("twofold.json", data)
    done = run_import(
        member=other, bundle=bundle, fmt=detect(bundle), choices=Choices(zone=other.household.zone)
    )
    # Ren is here by name; Sam is not, and stays Sam (a former member), rather than becoming whoever imports.
    assert done.preview.people["Ren"] == "Ren"
    assert done.preview.people["Sam"] == "Sam (kept as a name: not a member)"
    assert ren_there.care_done.count() == 4


def test_the_us_page_shows_an_imported_nara_week_by_both_parents(family):
    from twofold.conftest import client_for, page_text
    from twofold.imports.files import open_path
    from twofold.imports.tests.conftest import DATA

    bundle = open_path(DATA / "nara" / "export_narababy_mila_20260517.csv")
    run_import(
        member=family.sam, bundle=bundle, fmt=detect(bundle), choices=Choices(zone=family.sam.household.zone)
    )
    with time_machine.travel(NOW, tick=False):
        page = " ".join(page_text(client_for(family.sam).get("/us/?week=2026-W20")).split())
    assert "Ren did 51 % of the logged care (23 of 45 events), Sam 49 %." in page
