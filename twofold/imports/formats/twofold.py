"""Twofold's own export (the JSON in the zip from Export, twofold/care/export.py): restore or merge.

Each event keeps its client_id, so merging the same export twice, or back into the household it came from,
creates nothing twice.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from twofold.imports.files import Bundle, Member
from twofold.imports.rows import BadFile, Row, Skip, plausible_year

KEY = "twofold"
LABEL = "Twofold"
ABSOLUTE_TIMES = True
FORMAT = "twofold-export"
MAX_JSON_BYTES = 200 * 1024 * 1024


def _document_member(bundle: Bundle) -> Member | None:
    for member in bundle.members:
        if member.name.lower().endswith(".json") and f'"format": "{FORMAT}"' in member.head(512):
            return member
    return None


def detect(bundle: Bundle) -> bool:
    return _document_member(bundle) is not None


def document(bundle: Bundle) -> dict[str, Any]:
    member = _document_member(bundle)
    if member is None:
        raise BadFile("This is not a Twofold export.")
    try:
        with member.binary() as stream:
            loaded = json.loads(stream.read(MAX_JSON_BYTES + 1).decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise BadFile("The export's JSON is damaged or cut short: download the export again.") from error
    if not isinstance(loaded, dict) or not isinstance(loaded.get("events"), list):
        raise BadFile("The export's JSON has no list of events: download the export again.")
    return loaded


def _instant(text: Any, line: int) -> dt.datetime | None:
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError as error:
        raise BadFile(f"Event {line}: “{str(text)[:30]}” is not a time. Nothing was imported.") from error
    return plausible_year(moment, line)


def _details(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        return {}
    # JSON numbers came from decimals: back through text, so 110.5 ml stays 110.5 exactly.
    return {k: Decimal(str(v)) if isinstance(v, float) else v for k, v in raw.items()}


def children(bundle: Bundle) -> dict[str, dict[str, Any]]:
    """The export's children by name, so a restore into a new household can add them as they were."""
    found = {}
    for child in document(bundle).get("children", []):
        if isinstance(child, dict) and child.get("name"):
            try:
                born = dt.date.fromisoformat(str(child.get("birth_date")))
            except ValueError:
                continue
            feeding = str(child.get("feeding_method") or "mixed")
            found[str(child["name"])] = {
                "birth_date": born,
                "feeding_method": feeding,
                "sex": str(child.get("sex") or ""),
                **{key: _whole(child.get(key)) for key in ("gestation_weeks", "gestation_days")},
            }
    return found


def _whole(value: Any) -> int | None:
    """A whole number from the export, or None: a bad one is for add_child's checks to refuse."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def read(bundle: Bundle) -> Iterator[Row | Skip]:
    for number, event in enumerate(document(bundle)["events"], start=1):
        if not isinstance(event, dict) or event.get("deleted"):
            continue
        start = _instant(event.get("start"), number)
        if start is None or event.get("running"):
            yield Skip(number, str(event.get("kind", "An event")), "A timer still running is not imported.")
            continue
        yield Row(
            source_id=str(event.get("client_id", number)),
            client_id=str(event.get("client_id", "")),
            line=number,
            kind=str(event.get("kind", "")),
            start=start,
            end=_instant(event.get("end"), number),
            details=_details(event.get("details")),
            note=str(event.get("note") or ""),
            child=str((event.get("child") or {}).get("name", "")),
            person=str((event.get("by") or {}).get("name", "")),
            logger=str((event.get("logged_by") or {}).get("name", "")),
            response=str(event.get("response") or ""),
            settled_after_minutes=event.get("settled_after_minutes"),
        )
