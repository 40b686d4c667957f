"""What the imports app gives the demo household (home/demo.py runs it last): its first weeks began in Nara
Baby. The nappies, pumping and measurements of the first month (of the first half of a shorter demo) are
written out as a Nara export, taken out of the log, and brought back through the importer, so the Import
page lists a past import with its undo window (closed by now) and those events carry their source.

Only kinds no reading takes the baby's response from are moved: Nara keeps no response, and the bonding
trend the demo's story rests on must read the same.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from twofold.care.details import DETAIL_RELATIONS, detail_of
from twofold.care.models import CareEvent, Kind
from twofold.households.demo import DemoFamily
from twofold.imports.files import open_bundle
from twofold.imports.formats import detect
from twofold.imports.mapping import Choices
from twofold.imports.models import ImportBatch
from twofold.imports.services import run_import

MOVED_KINDS = (Kind.NAPPY, Kind.PUMPING, Kind.WEIGHT, Kind.LENGTH, Kind.HEAD)
IMPORTED_SPAN = dt.timedelta(weeks=4)
NARA_CONTENTS = {"wet": "Wet", "dirty": "Dirty", "both": "Dirty Wet"}
COLUMNS = (
    "Type",
    "Profile Name",
    "Start Date/time",
    "Start Date/time (Epoch)",
    "Created By Caregiver",
    "Last Updated By Caregiver",
    "Note",
    "Time Zone",
    "[Diaper] Type",
    "[Pump] End Date/time",
    "[Pump] End Date/time (Epoch)",
    "[Pump] Total Volume",
    "[Pump] Total Volume Unit",
    "[Growth] Weight",
    "[Growth] Weight Unit",
    "[Growth] Height",
    "[Growth] Height Unit",
    "[Growth] Head Size",
    "[Growth] Head Size Unit",
    "_familyKey",
    "_profileKey",
    "_activityKey",
)


def imported_until(family: DemoFamily) -> dt.datetime:
    """The end of the weeks that came from Nara: four, or half the demo when it is shorter than eight."""
    return family.born + min(IMPORTED_SPAN, (family.now - family.born) / 2)


def add_to_demo(family: DemoFamily) -> None:
    until = imported_until(family)
    moved = list(
        CareEvent.objects.filter(
            household=family.household, kind__in=MOVED_KINDS, start__lt=until, deleted_at__isnull=True
        )
        .select_related("by", "child", *DETAIL_RELATIONS)
        .order_by("-start", "-id")  # newest first, as Nara writes them
    )
    if not moved:
        return
    document = nara_export(moved, family)
    CareEvent.objects.filter(pk__in=[event.pk for event in moved]).delete()
    name = family.children[0].name.lower()
    bundle = open_bundle(f"export_narababy_{name}_{until:%Y%m%d}.csv", document)
    alex = family.members["alex"]
    done = run_import(
        member=alex, bundle=bundle, fmt=detect(bundle), choices=Choices(zone=alex.household.zone)
    )
    # The family moved to Twofold the day after: the import is dated then, and its week to undo is long past.
    ImportBatch.objects.filter(pk=done.batch.pk).update(created_at=until + dt.timedelta(days=1))
    CareEvent.objects.filter(imported__batch=done.batch).update(created_at=until + dt.timedelta(days=1))


def nara_export(events: list[CareEvent], family: DemoFamily) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="")
    writer.writeheader()
    for event in events:
        writer.writerow(_row(event, family))
    return out.getvalue().encode()


def _epoch(moment: dt.datetime) -> str:
    return str(int(moment.timestamp() * 1000))


def _row(event: CareEvent, family: DemoFamily) -> dict[str, Any]:
    zone = family.household.zone
    row: dict[str, Any] = {
        "Profile Name": event.child.name,
        "Start Date/time": f"{event.start.astimezone(zone):%Y-%m-%d %H:%M:%S}",
        "Start Date/time (Epoch)": _epoch(event.start),
        "Created By Caregiver": event.by.display_name,
        "Last Updated By Caregiver": event.by.display_name,
        "Note": event.note,
        "Time Zone": family.household.time_zone,
        "_familyKey": f"demo-{family.household.pk}",
        "_profileKey": f"demo-{event.child_id}",
        "_activityKey": event.client_id.hex,
    }
    detail: Any = detail_of(event)
    if event.kind == Kind.NAPPY:
        row |= {"Type": "Diaper", "[Diaper] Type": NARA_CONTENTS[detail.contents]}
    elif event.kind == Kind.PUMPING:
        end = event.end or event.start
        row |= {
            "Type": "Pump",
            "[Pump] End Date/time": f"{end.astimezone(zone):%Y-%m-%d %H:%M:%S}",
            "[Pump] End Date/time (Epoch)": _epoch(end),
            "[Pump] Total Volume": f"{detail.amount_ml}",
            "[Pump] Total Volume Unit": "ML",
        }
    elif event.kind == Kind.WEIGHT:
        row |= {
            "Type": "Growth",
            "[Growth] Weight": f"{detail.grams / 1000:.3f}",
            "[Growth] Weight Unit": "KG",
        }
    elif event.kind == Kind.LENGTH:
        row |= {"Type": "Growth", "[Growth] Height": f"{detail.mm / 10:.1f}", "[Growth] Height Unit": "CM"}
    else:
        row |= {
            "Type": "Growth",
            "[Growth] Head Size": f"{detail.mm / 10:.1f}",
            "[Growth] Head Size Unit": "CM",
        }
    return row
