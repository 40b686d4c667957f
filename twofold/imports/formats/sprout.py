"""Sprout Track's "Full Log" export (FORMATS.md §4a): one file per baby, US dates, 12-hour times, no zone."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from twofold.imports.files import Bundle, csv_header, csv_rows
from twofold.imports.rows import (
    NO_UNIT,
    NOT_IN_TWOFOLD,
    BadFile,
    Row,
    Skip,
    celsius,
    grams,
    millimetres,
    number,
    parse_time,
    volume_ml,
)

KEY = "sprout_track"
LABEL = "Sprout Track"
ABSOLUTE_TIMES = False
HEADER = ("Date", "Time", "Activity Type", "Sub-Type", "Start Time", "End Time", "Duration", "Amount", "Unit")
PLAY = {"Tummy Time": "tummy_time", "Walk": "walk", "Indoor Play": "talking", "Outdoor Play": "walk"}
NOT_KINDS = {
    "Milestone": "milestones",
    "Vaccine": "vaccinations",
    "Food": "solid food",
    "Milk Adjust": "milk stock",
}
_FILENAME = re.compile(r"activity-log-([^-]+)-")
_TOTAL = re.compile(r"Total:\s*([0-9.]+)")


def detect(bundle: Bundle) -> bool:
    return len(bundle.members) == 1 and tuple(csv_header(bundle.members[0])[:9]) == HEADER


def read(bundle: Bundle) -> Iterator[Row | Skip]:
    match = _FILENAME.search(bundle.filename)
    child = match.group(1) if match else ""
    seen: Counter[str] = Counter()
    for line, cells in csv_rows(bundle.members[0]):
        digest = hashlib.sha256(repr(sorted(cells.items())).encode()).hexdigest()[:24]
        seen[digest] += 1
        yield from _row(line, cells, f"{digest}:{seen[digest]}", child)


def _time(date: str, time: str, line: int) -> dt.datetime | None:
    if not time.strip():
        return None
    return parse_time(f"{date.strip()} {time.strip()}", ("%m/%d/%Y %I:%M %p", "%m/%d/%Y %H:%M"), line)


def _row(line: int, cells: dict[str, str], source_id: str, child: str) -> Iterator[Row | Skip]:
    kind, sub = cells.get("Activity Type", "").strip(), cells.get("Sub-Type", "").strip()
    date = cells.get("Date", "")
    start = _time(date, cells.get("Start Time", "") or cells.get("Time", ""), line)
    if start is None:
        raise BadFile(f"Line {line}: the row has no time. The file may be cut short: export it again.")
    end = _time(date, cells.get("End Time", ""), line)
    if end is not None and end < start:
        end += dt.timedelta(days=1)  # past midnight: the file gives the start's date only
    details_text = cells.get("Details", "").strip()
    note = cells.get("Notes", "").strip()
    base: dict[str, Any] = {"source_id": source_id, "line": line, "start": start, "child": child}
    base["person"] = cells.get("Caretaker", "").strip()
    amount = volume_ml(number(cells.get("Amount", "")), cells.get("Unit", ""))
    if kind == "Feed":
        yield _feed(sub, details_text, amount, end, note, base)
    elif kind == "Diaper":
        contents = {"Wet": "wet", "Dirty": "dirty", "Both": "both"}.get(sub)
        text = "; ".join(p for p in (details_text, note) if p)
        if contents is None:
            yield Skip(line, "Diaper", "A dry nappy: Twofold records nappies that were wet or dirty.")
        else:
            yield Row(kind="nappy", details={"contents": contents}, note=text, **base)
    elif kind == "Sleep":
        yield Row(kind="sleep", end=end, note="; ".join(p for p in (sub, details_text, note) if p), **base)
    elif kind == "Pump":
        yield _pump(cells, end, note, base)
    elif kind == "Note":
        yield Row(kind="note", note=note or details_text, **base)
    elif kind == "Bath":
        yield Row(kind="bath", note="; ".join(p for p in (details_text, note) if p), **base)
    elif kind == "Medicine":
        dose = f"{cells.get('Amount', '').strip()} {cells.get('Unit', '').strip().lower()}".strip()
        yield Row(
            kind="medicine",
            details={"name": details_text[:80] or "Medicine", "dose": dose[:40]},
            note=note,
            **base,
        )
    elif kind == "Activity" and sub in PLAY:
        yield Row(kind="play", end=end, details={"activity": PLAY[sub]}, note=note, **base)
    elif kind == "Measurement":
        yield _measurement(sub, cells, note, base)
    elif kind in NOT_KINDS:
        yield Skip(line, kind, NOT_IN_TWOFOLD.format(what=NOT_KINDS[kind]))
    else:
        yield Skip(line, f"{kind} {sub}".strip() or "A row", "Twofold has no kind for this activity.")


def _feed(
    sub: str, details: str, amount: Decimal | None, end: dt.datetime | None, note: str, base: dict[str, Any]
) -> Row | Skip:
    if sub == "Breast":
        side = details.removeprefix("Side:").strip().lower()
        side = side if side in ("left", "right") else "both"
        return Row(kind="feed", end=end, details={"method": "breast", "side": side}, note=note, **base)
    method = {"Formula": "formula", "Breast Milk": "expressed", "Formula/Breast": "formula"}.get(sub)
    if method is None:
        what = "solid food" if sub == "Solids" else f"bottles of {sub.lower() or 'something unnamed'}"
        return Skip(base["line"], f"Feed ({sub})", NOT_IN_TWOFOLD.format(what=what))
    return Row(kind="feed", details={"method": method, "amount_ml": amount}, note=note, **base)


def _pump(cells: dict[str, str], end: dt.datetime | None, note: str, base: dict[str, Any]) -> Row | Skip:
    match = _TOTAL.search(cells.get("Amount", ""))
    total = volume_ml(
        number(match.group(1)) if match else number(cells.get("Amount", "")), cells.get("Unit", "")
    )
    if total is None:
        return Skip(base["line"], "Pump", "It has no amount, and Twofold records pumping by how much.")
    return Row(kind="pumping", end=end, details={"amount_ml": total}, note=note, **base)


def _measurement(sub: str, cells: dict[str, str], note: str, base: dict[str, Any]) -> Row | Skip:
    value, unit = number(cells.get("Amount", "")), cells.get("Unit", "").strip()
    if sub == "Weight":
        found: tuple[str, dict[str, Any]] | None = ("weight", {"grams": grams(value, unit.lower())})
    elif sub in ("Height", "Head Circumference"):
        found = ("length" if sub == "Height" else "head", {"mm": millimetres(value, unit) if unit else None})
    elif sub == "Temperature":
        found = ("temperature", {"celsius": celsius(value, unit)})
    else:
        found = None
    if found is None:
        return Skip(
            base["line"], sub or "Measurement", NOT_IN_TWOFOLD.format(what=f"“{sub[:30]}” measurements")
        )
    kind, details = found
    if value is None or None in details.values():
        return Skip(base["line"], sub, NO_UNIT.format(unit=unit[:20], what=sub.lower()))
    return Row(kind=kind, details=details, note=note, **base)
