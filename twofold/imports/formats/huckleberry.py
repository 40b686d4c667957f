"""Huckleberry's CSV export (FORMATS.md §1): one file, every kind mixed, local times with no zone."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterator
from typing import Any

from twofold.imports.files import Bundle, csv_header, csv_rows
from twofold.imports.rows import (
    NOT_IN_TWOFOLD,
    WAITS_FOR_GROWTH,
    Row,
    Skip,
    amount_with_unit,
    grams,
    number,
    parse_time,
)

KEY = "huckleberry"
LABEL = "Huckleberry"
ABSOLUTE_TIMES = False
HEADER = ("Type", "Start", "End", "Duration", "Start Condition", "Start Location", "End Condition", "Notes")
TIMES = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S")
PLAY = {"Tummy time": "tummy_time", "Story time": "reading", "Indoor play": "talking", "Outdoor play": "walk"}
NOT_KINDS = {"Solids": "solid food", "Potty": "potty use"}
GROWTH = {"Temp": "temperatures"}


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
    elif kind in GROWTH:
        yield Skip(line, kind, WAITS_FOR_GROWTH.format(what=GROWTH[kind]))
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
    weight = cells.get("Start Condition", "").strip().lower()
    if weight.endswith("kg"):
        yield Row(kind="weight", details={"grams": grams(number(weight[:-2]), "kg")}, note=note, **base)
    elif weight:
        yield Skip(base["line"], "Growth", f"Twofold cannot read the weight “{weight[:20]}” (it expects kg).")
    for column, what in (("Start Location", "length"), ("End Condition", "head size")):
        if cells.get(column, "").strip():
            yield Skip(base["line"], f"Growth ({what})", WAITS_FOR_GROWTH.format(what=f"{what}s"))
