"""Twofold's own export restores whole: export, import into a new household, export again — the same apart
from ids, for every kind and every field the export has for the children and the log."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from twofold.care.export import log_document
from twofold.care.kinds import KEYS
from twofold.care.services import log_care_event
from twofold.conftest import join, make_user
from twofold.households.models import Role
from twofold.households.services import create_household
from twofold.imports.files import open_bundle
from twofold.imports.formats import detect
from twofold.imports.mapping import Choices
from twofold.imports.services import run_import
from twofold.imports.tests.conftest import Family

MAY = dt.datetime(2026, 5, 14, 8, 0, tzinfo=dt.UTC)
# Every kind with every field it has, set to a value other than its default.
EVERY_KIND: list[dict[str, Any]] = [
    {"kind": "feed", "minutes": 25, "details": {"method": "breast", "side": "left"}, "response": "calm"},
    {
        "kind": "feed",
        "details": {"method": "formula", "amount_ml": Decimal("110.5")},
        "note": "Half, then burp",
    },
    {"kind": "nappy", "details": {"contents": "both"}, "note": 'A "big" one, é'},
    {"kind": "sleep", "minutes": 95, "details": {"place": "cot"}},
    {
        "kind": "settle",
        "minutes": 20,
        "details": {"tried": ["rocking", "white_noise"], "outcome": "asleep"},
        "response": "settled",
        "settled_after_minutes": 15,
    },
    {"kind": "bath", "minutes": 10},
    {"kind": "skin_to_skin", "minutes": 30},
    {"kind": "play", "minutes": 10, "details": {"activity": "tummy_time"}},
    {"kind": "pumping", "minutes": 15, "details": {"amount_ml": Decimal("62.5")}},
    {
        "kind": "medicine",
        "details": {"name": "Paracetamol", "dose": "2.5 ml", "min_gap_minutes": 240, "max_per_24h": 4},
    },
    {"kind": "temperature", "details": {"celsius": Decimal("38.05"), "method": "ear"}},
    {"kind": "weight", "details": {"grams": 4620}},
    {"kind": "length", "details": {"mm": 565}},
    {"kind": "head", "details": {"mm": 382}},
    {"kind": "note", "note": "Rolled over — first time"},
]


def _log_everything(family: Family) -> None:
    # Grandma helps too, and will have no account in the household the log is restored into.
    pat = join(family.sam, "pat@example.com", "Pat", Role.HELPER)
    for number, spec in enumerate(EVERY_KIND):
        start = MAY + dt.timedelta(hours=2 * number)
        minutes = spec.get("minutes")
        log_care_event(
            member=family.sam,
            child=family.mila,
            kind=spec["kind"],
            start=start,
            end=start + dt.timedelta(minutes=minutes) if minutes else None,
            by=(family.sam, family.ren, pat)[number % 3],
            details=spec.get("details", {}),
            response=spec.get("response", ""),
            settled_after_minutes=spec.get("settled_after_minutes"),
            note=spec.get("note", ""),
        )


def _without_ids(document: dict[str, Any]) -> dict[str, Any]:
    """The children and the log as the export has them, less the ids a new household gives anew."""
    events = [
        {
            **{k: v for k, v in event.items() if k != "id"},
            "child": event["child"]["name"],
            "by": event["by"]["name"],
            "logged_by": event["logged_by"]["name"],
        }
        for event in document["events"]
    ]
    children = [{k: v for k, v in child.items() if k != "id"} for child in document["children"]]
    return {"children": children, "events": events}


def test_export_then_restore_into_a_new_household_exports_the_same(family):
    family.mila.sex, family.mila.gestation_weeks, family.mila.gestation_days = "female", 36, 4
    family.mila.save()
    _log_everything(family)
    exported = log_document(family.sam.household)
    assert {event["kind"] for event in exported["events"]} == set(KEYS)

    # A new household on another server: the same two parents, no child yet.
    alex = create_household(
        user=make_user("alex@example.com"), name="Restored", display_name="Sam", time_zone="Europe/London"
    )
    join(alex, "ren2@example.com", "Ren", Role.PARENT)
    bundle = open_bundle("twofold-export.json", json.dumps(exported).encode())
    fmt = detect(bundle)
    assert fmt.key == "twofold"
    done = run_import(member=alex, bundle=bundle, fmt=fmt, choices=Choices(zone=alex.household.zone))
    assert done.preview.skipped_count == 0 and done.preview.to_create == len(EVERY_KIND)

    again = log_document(alex.household)
    assert _without_ids(again) == _without_ids(exported)
    # Pat is not in the new household: kept by name as a former member, never mapped onto a parent.
    assert done.preview.people["Pat"] == "Pat (kept as a name: not a member)"


def test_a_second_restore_adds_nothing(family):
    _log_everything(family)
    exported = json.dumps(log_document(family.sam.household)).encode()
    alex = create_household(
        user=make_user("alex@example.com"), name="Restored", display_name="Sam", time_zone="Europe/London"
    )
    first = run_import(
        member=alex,
        bundle=open_bundle("export.json", exported),
        fmt=detect(open_bundle("export.json", exported)),
        choices=Choices(zone=alex.household.zone),
    )
    again = run_import(
        member=alex,
        bundle=open_bundle("export.json", exported),
        fmt=detect(open_bundle("export.json", exported)),
        choices=Choices(zone=alex.household.zone),
    )
    assert first.preview.to_create == len(EVERY_KIND)
    assert again.preview.to_create == 0 and again.preview.already == len(EVERY_KIND)
