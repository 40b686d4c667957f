"""Nara Baby's CSV export (FORMATS.md §2): one file per child, columns by name, each row's instant in UTC."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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
    plausible_year,
    volume_ml,
)

KEY = "nara"
LABEL = "Nara Baby"
ABSOLUTE_TIMES = True
REQUIRED = ("Type", "Start Date/time", "Start Date/time (Epoch)", "_activityKey")
TIMES = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")
ROUTINES = {"tummy time": ("play", {"activity": "tummy_time"}), "bath": ("bath", {})}
NOT_KINDS = {
    "Solid Feed": "solid food",
    "Milestone": "milestones",
    "Baby First": "firsts",
    "Vaccine": "vaccinations",
}


def detect(bundle: Bundle) -> bool:
    if len(bundle.members) != 1:
        return False
    header = csv_header(bundle.members[0])
    return all(column in header for column in REQUIRED)


def read(bundle: Bundle) -> Iterator[Row | Skip]:
    for line, cells in csv_rows(bundle.members[0]):
        kind = cells.get("Type", "").strip()
        if kind == "Profile":
            continue
        start = _instant(cells, "Start Date/time", line)
        if start is None:
            yield Skip(line, kind or "A row", "It has no start time.")
            continue
        base: dict[str, Any] = {
            "source_id": cells.get("_activityKey", "").strip() or f"line-{line}",
            "line": line,
            "start": start,
            "child": cells.get("Profile Name", "").strip(),
            "person": cells.get("Created By Caregiver", "").strip(),
            "note": cells.get("Note", "").strip(),
        }
        yield from _row(kind, cells, base)


def _instant(cells: dict[str, str], column: str, line: int) -> dt.datetime | None:
    """Nara's epoch milliseconds are the instant; the local text only when the epoch is missing."""
    epoch = number(cells.get(f"{column} (Epoch)", ""))
    if epoch is not None:
        try:
            moment = dt.datetime.fromtimestamp(float(epoch) / 1000, tz=dt.UTC)
        except (OverflowError, OSError, ValueError) as error:
            raise BadFile(f"Line {line}: the time {epoch} cannot be right. Nothing was imported.") from error
        return plausible_year(moment, line)
    local = parse_time(cells.get(column, ""), TIMES, line)
    zone_name = cells.get("Time Zone", "").strip()
    if local is None or not zone_name:
        return local
    try:
        return local.replace(tzinfo=ZoneInfo(zone_name))
    except (ZoneInfoNotFoundError, ValueError):
        return local


def _seconds(cells: dict[str, str], column: str) -> int:
    value = number(cells.get(column, ""))
    return int(value) if value is not None and value > 0 else 0


def _volume(cells: dict[str, str], column: str) -> Decimal | None:
    return volume_ml(number(cells.get(column, "")), cells.get(f"{column} Unit", ""))


def _row(kind: str, cells: dict[str, str], base: dict[str, Any]) -> Iterator[Row | Skip]:
    line = base["line"]
    if kind == "Breastfeed":
        yield _breastfeed(cells, base, "Breastfeed")
    elif kind == "Bottle Feed":
        yield _bottle(cells, base, "Bottle Feed")
    elif kind == "Combo Feed":
        yield _breastfeed(cells, base, "Combo Feed")
        yield _bottle(cells, {**base, "source_id": base["source_id"] + ":bottle"}, "Combo Feed")
    elif kind == "Sleep":
        yield Row(kind="sleep", end=_instant(cells, "[Sleep] End Date/time", line), **base)
    elif kind == "Diaper":
        yield _nappy(cells, base)
    elif kind == "Pump":
        yield _pump(cells, base)
    elif kind == "Growth":
        yield from _growth(cells, base)
    elif kind == "Routine":
        routine = cells.get("[Routine] Routine", "").strip()
        if routine.lower() in ROUTINES:
            what, details = ROUTINES[routine.lower()]
            yield Row(kind=what, details=details, **base)
        else:
            yield Skip(
                line, f"Routine ({routine[:30]})", f"Twofold has no kind for the routine “{routine[:30]}”."
            )
    elif kind == "Medical":
        yield from _medical(cells, base)
    elif kind in NOT_KINDS:
        yield Skip(line, kind, NOT_IN_TWOFOLD.format(what=NOT_KINDS[kind]))
    else:
        yield Skip(line, kind or "A row", f"Twofold does not know the Nara type “{kind[:30]}”.")


def _breastfeed(cells: dict[str, str], base: dict[str, Any], kind: str) -> Row:
    left = _seconds(cells, f"[{kind}] Left Duration (Seconds)")
    right = _seconds(cells, f"[{kind}] Right Duration (Seconds)")
    side = "both" if left and right else "left" if left else "right" if right else "both"
    first = cells.get(f"[{kind}] Begin Side", "").split(".")[0].strip().lower()
    words = [f"Left {left // 60} min, right {right // 60} min" if left and right else ""]
    if left and right and first in ("left", "right"):
        words.append(f"{first} first")
    note = "; ".join(p for p in (", ".join(w for w in words if w), base["note"]) if p)
    end = base["start"] + dt.timedelta(seconds=left + right) if left + right else None
    return Row(kind="feed", end=end, details={"method": "breast", "side": side}, **{**base, "note": note})


def _bottle(cells: dict[str, str], base: dict[str, Any], kind: str) -> Row | Skip:
    contents = cells.get(f"[{kind}] Type", "").strip()
    method = {"Breast Milk": "expressed", "Formula": "formula", "Breast Milk Formula": "formula"}.get(
        contents
    )
    if method is None:
        return Skip(
            base["line"], "Bottle Feed", f"Twofold cannot tell what the bottle held (“{contents[:30]}”)."
        )
    columns = (f"[{kind}] Volume", f"[{kind}] Breast Milk Volume", f"[{kind}] Formula Volume")
    amounts = [_volume(cells, column) for column in columns]
    amount = amounts[0] or sum((a for a in amounts[1:] if a is not None), Decimal(0)) or None
    note = base["note"]
    if contents == "Breast Milk Formula":
        note = "; ".join(p for p in ("Breast milk and formula", note) if p)
    return Row(kind="feed", details={"method": method, "amount_ml": amount}, **{**base, "note": note})


def _nappy(cells: dict[str, str], base: dict[str, Any]) -> Row | Skip:
    contents = {"Wet": "wet", "Dirty": "dirty", "Dirty Wet": "both"}.get(
        cells.get("[Diaper] Type", "").strip()
    )
    if contents is None:
        return Skip(base["line"], "Diaper", "A dry nappy: Twofold records nappies that were wet or dirty.")
    extra = [
        cells.get("[Diaper] Detail", "").strip(),
        cells.get("[Diaper] Dirty Color", "").strip().lower(),
        cells.get("[Diaper] Dirty Texture", "").strip().lower(),
        base["note"],
    ]
    return Row(
        kind="nappy", details={"contents": contents}, **{**base, "note": "; ".join(p for p in extra if p)}
    )


def _pump(cells: dict[str, str], base: dict[str, Any]) -> Row | Skip:
    total = _volume(cells, "[Pump] Total Volume")
    if total is None:
        sides = [_volume(cells, f"[Pump] {side} Volume") for side in ("Left", "Right")]
        total = sum((s for s in sides if s is not None), Decimal(0)) or None
    if total is None:
        return Skip(base["line"], "Pump", "It has no amount, and Twofold records pumping by how much.")
    end = _instant(cells, "[Pump] End Date/time", base["line"])
    # A pump row belongs to the parent, not a child: Nara leaves its profile blank.
    return Row(kind="pumping", end=end, details={"amount_ml": total}, **base)


def _growth(cells: dict[str, str], base: dict[str, Any]) -> Iterator[Row | Skip]:
    """One Growth row is up to three measurements, each its own event; units may differ row to row."""
    line = base["line"]
    weight_text, weight_unit = cells.get("[Growth] Weight", "").strip(), cells.get("[Growth] Weight Unit", "")
    if weight_text:
        weight = grams(number(weight_text), weight_unit.strip().lower())
        if weight is None:
            yield Skip(line, "Growth (weight)", NO_UNIT.format(unit=weight_unit[:20], what="weight"))
        else:
            yield Row(kind="weight", details={"grams": weight}, **base)
    for column, kind, what in (
        ("[Growth] Height", "length", "length"),
        ("[Growth] Head Size", "head", "head size"),
    ):
        text, unit = cells.get(column, "").strip(), cells.get(f"{column} Unit", "")
        if not text:
            continue
        mm = millimetres(number(text), unit) if unit.strip() else None
        if mm is None:
            yield Skip(line, f"Growth ({what})", NO_UNIT.format(unit=unit[:20], what=what))
        else:
            yield Row(kind=kind, details={"mm": mm}, **{**base, "source_id": f"{base['source_id']}:{kind}"})


def _medical(cells: dict[str, str], base: dict[str, Any]) -> Iterator[Row | Skip]:
    for number_, text in enumerate(cells.get("[Medical] Medication", "").splitlines()):
        name, _, dose = text.partition(",")
        if name.strip():
            source_id = f"{base['source_id']}:{number_}"
            details = {"name": name.strip()[:80], "dose": dose.strip()[:40]}
            yield Row(kind="medicine", details=details, **{**base, "source_id": source_id})
    text = cells.get("[Medical] Temperature", "").strip()
    if text:
        unit = cells.get("[Medical] Temperature Unit", "").strip()
        reading = celsius(number(text), unit)
        if reading is None:
            yield Skip(base["line"], "Temperature", NO_UNIT.format(unit=unit[:20], what="temperature"))
        else:
            source_id = f"{base['source_id']}:temperature"
            yield Row(kind="temperature", details={"celsius": reading}, **{**base, "source_id": source_id})
