"""Huckleberry's CSV export (FORMATS.md §1): one file, every kind mixed, local times with no zone."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterator
from typing import Any

from twofold.imports.files import Bundle, csv_header, csv_rows
from twofold.imports.rows import (
    NO_UNIT,
    NOT_IN_TWOFOLD,
    Row,
    Skip,
    amount_with_unit,
    celsius,
    grams,
    millimetres,
    parse_time,
    split_unit,
)

KEY = "huckleberry"
LABEL = "Huckleberry"
ABSOLUTE_TIMES = False
HEADER = ("Type", "Start", "End", "Duration", "Start Condition", "Start Location", "End Condition", "Notes")
TIMES = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S")
PLAY = {"Tummy time": "tummy_time", "Story time": "reading", "Indoor play": "talking", "Outdoor play": "walk"}
NOT_KINDS = {"Solids": "solid food", "Potty": "potty use"}


def detect(bundle: Bundle) -> bool:
    return len(bundle.members) == 1 and tuple(csv_header(bundle.members[0])[:8]) == HEADER


def read(bundle: Bundle) -> Iterator[Row | Skip]:
    # Huckleberry gives no id: the row's own text, counted, is stable across two exports of the same log.
    seen: Counter[str] = Counter()
    for line, cells in csv_rows(bundle.members[0]):
        digest = hashlib.sha256(repr(sorted(cells.items())).encode()).hexdigest()[:24]
        seen[digest] += 1
        yield from _row(line, cells, f"{digest}:{seen[digest]}")


def _row(line: int, cells: dict[str, str], source_id: str) -> Iterator[Row | Skip]:
    kind = cells.get("Type", "").strip()
    start = parse_time(cells.get("Start", ""), TIMES, line)
    if start is None:
        yield Skip(line, kind or "A row", "It has no start time.")
        return
    end = parse_time(cells.get("End", ""), TIMES, line)
    base: dict[str, Any] = {
        "source_id": source_id,
        "line": line,
        "start": start,
        "person": cells.get("Logged By", "").strip(),
    }
    note = cells.get("Notes", "").strip()
    if kind == "Feed":
        yield _feed(cells, base, end, note)
    elif kind == "Diaper":
        yield _nappy(cells, base, note)
    elif kind == "Sleep":
        yield Row(kind="sleep", end=end, note=note, **base)
    elif kind == "Pump":
        yield _pump(cells, base, end, note)
    elif kind == "Meds":
        yield _medicine(cells, base, note)
    elif kind == "Growth":
        yield from _growth(cells, base, note)
    elif kind == "Bath":
        yield Row(kind="bath", note=note, **base)
    elif kind == "Skin to skin":
        yield Row(kind="skin_to_skin", end=end, note=note, **base)
    elif kind in PLAY:
        yield Row(kind="play", end=end, details={"activity": PLAY[kind]}, note=note, **base)
    elif kind == "Temp":
        yield _temperature(cells, base, note)
    elif kind in NOT_KINDS:
        yield Skip(line, kind, NOT_IN_TWOFOLD.format(what=NOT_KINDS[kind]))
    else:
        yield Skip(line, kind or "A row", f"Twofold does not know the Huckleberry type “{kind[:30]}”.")


def _minutes(text: str) -> int:
    """`00:13R` → 13: a side's time, hours and minutes with the side's letter."""
    digits = text.strip().rstrip("LRlr")
    if ":" not in digits:
        return 0
    hours, _, minutes = digits.partition(":")
    return int(hours or 0) * 60 + int(minutes or 0) if (hours + minutes).isdigit() else 0


def _feed(cells: dict[str, str], base: dict[str, Any], end: dt.datetime | None, note: str) -> Row | Skip:
    where = cells.get("Start Location", "").strip()
    if where == "Bottle":
        contents = cells.get("Start Condition", "").strip()
        method = {"Breast Milk": "expressed", "Formula": "formula"}.get(contents)
        if method is None:
            return Skip(
                base["line"], "Bottle", f"Twofold records bottles of breast milk or formula, not {contents}."
            )
        amount = amount_with_unit(cells.get("End Condition", ""))
        return Row(kind="feed", details={"method": method, "amount_ml": amount}, note=note, **base)
    right = _minutes(cells.get("Start Condition", ""))
    left = _minutes(cells.get("End Condition", ""))
    side = "both" if left and right else "left" if left else "right" if right else "both"
    if left and right:
        note = "; ".join(p for p in (f"Left {left} min, right {right} min", note) if p)
    return Row(kind="feed", end=end, details={"method": "breast", "side": side}, note=note, **base)


def _nappy(cells: dict[str, str], base: dict[str, Any], note: str) -> Row | Skip:
    contents = cells.get("End Condition", "").strip().lower()
    wet, dirty = "pee" in contents, "poo" in contents
    if not (wet or dirty):
        return Skip(base["line"], "Diaper", "A dry nappy: Twofold records nappies that were wet or dirty.")
    extra = [
        f"Colour: {cells['Duration'].strip()}" if cells.get("Duration", "").strip() else "",
        cells.get("Start Condition", "").strip(),
        cells.get("Start Location", "").strip(),
        note,
    ]
    contents_key = "both" if wet and dirty else "wet" if wet else "dirty"
    return Row(
        kind="nappy", details={"contents": contents_key}, note="; ".join(p for p in extra if p), **base
    )


def _pump(cells: dict[str, str], base: dict[str, Any], end: dt.datetime | None, note: str) -> Row | Skip:
    volumes = [amount_with_unit(cells.get(c, "")) for c in ("Start Condition", "End Condition")]
    total = sum(v for v in volumes if v is not None)
    if not total:
        return Skip(base["line"], "Pump", "It has no amount, and Twofold records pumping by how much.")
    return Row(kind="pumping", end=end, details={"amount_ml": total}, note=note, **base)


def _medicine(cells: dict[str, str], base: dict[str, Any], note: str) -> Row | Skip:
    name = cells.get("Start Location", "").strip()
    if not name:
        return Skip(base["line"], "Meds", "It has no medicine name.")
    dose = cells.get("Start Condition", "").strip() or note
    return Row(kind="medicine", details={"name": name[:80], "dose": dose[:40]}, note=note, **base)


def _growth(cells: dict[str, str], base: dict[str, Any], note: str) -> Iterator[Row | Skip]:
    """One Growth row is up to three measurements: weight, length and head, each its own event."""
    line, source_id = base["line"], base["source_id"]
    weight_text = cells.get("Start Condition", "").strip()
    if weight_text:
        weight, unit = split_unit(weight_text)
        # Huckleberry's imperial weight is `lbs.oz` by one account only (FORMATS.md §1): read kg and g alone.
        grams_ = grams(weight, unit.lower()) if unit.lower() in ("kg", "g") else None
        if grams_ is None:
            yield Skip(line, "Growth (weight)", NO_UNIT.format(unit=weight_text[:20], what="weight"))
        else:
            yield Row(kind="weight", details={"grams": grams_}, note=note, **base)
    for column, kind, what in (
        ("Start Location", "length", "length"),
        ("End Condition", "head", "head size"),
    ):
        text = cells.get(column, "").strip()
        if not text:
            continue
        value, unit = split_unit(text)
        mm = millimetres(value, unit) if unit else None
        if mm is None:
            yield Skip(line, f"Growth ({what})", NO_UNIT.format(unit=text[:20], what=what))
        else:
            yield Row(
                kind=kind, details={"mm": mm}, note=note, **{**base, "source_id": f"{source_id}:{kind}"}
            )


def _temperature(cells: dict[str, str], base: dict[str, Any], note: str) -> Row | Skip:
    text = cells.get("Start Condition", "").strip()
    value, unit = split_unit(text)
    reading = celsius(value, unit)
    if reading is None:
        return Skip(base["line"], "Temp", NO_UNIT.format(unit=text[:20], what="temperature"))
    return Row(kind="temperature", details={"celsius": reading}, note=note, **base)
