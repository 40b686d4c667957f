"""Baby Buddy (FORMATS.md §3): its admin export, one CSV per model (alone or zipped together), and the same
records read from its API (babybuddy_api.py). Times in the CSV are local with no zone; nothing has a unit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from twofold.care.models import LONGEST_GAP_MINUTES, SHORTEST_GAP_MINUTES
from twofold.imports.files import Bundle, Member, csv_header, csv_rows
from twofold.imports.rows import (
    ML_PER_FLOZ,
    NO_BMI,
    Row,
    Skip,
    celsius,
    grams,
    millimetres,
    number,
    parse_time,
    reading_unit,
)

KEY = "babybuddy"
LABEL = "Baby Buddy"
ABSOLUTE_TIMES = False
TIMES = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M", "%Y-%m-%d")
CHILD = ("id", "child_id", "child_first_name", "child_last_name")
# Each model's file, known by its header after the child columns.
MODELS: dict[tuple[str, ...], str] = {
    ("start", "end", "type", "method", "amount"): "feedings",
    ("time", "wet", "solid", "color", "amount"): "changes",
    ("start", "end", "nap"): "sleep",
    ("start", "end", "amount"): "pumping",
    ("start", "end", "milestone"): "tummy-times",
    ("note", "time"): "notes",
    ("temperature", "time"): "temperature",
    ("name", "dosage", "dosage_unit", "time"): "medication",
    ("weight", "date"): "weight",
    ("height", "date"): "height",
    ("head_circumference", "date"): "head-circumference",
    ("bmi", "date"): "bmi",
}
# Baby Buddy's `next_dose_interval`: `4:00:00`, `1 day, 2:00:00` (the CSV) or `1 02:00:00` (the API).
_INTERVAL = re.compile(r"^(?:(\d+)(?: days?,)? )?(\d+):(\d\d):(\d\d)(?:\.\d+)?$")
# Files that hold no care (children, tags) are read for names or not at all.
IGNORED = (("id", "first_name", "last_name", "birth_date"), ("id", "name", "color"))


def model_of(header: list[str]) -> str | None:
    if tuple(header[:4]) != CHILD:
        return None
    rest = tuple(header[4:])
    for columns, model in MODELS.items():
        if rest[: len(columns)] == columns:
            return model
    return None


def _known(member: Member) -> bool:
    header = csv_header(member)
    return model_of(header) is not None or any(tuple(header[: len(i)]) == i for i in IGNORED)


def detect(bundle: Bundle) -> bool:
    csvs = [m for m in bundle.members if m.tabular]
    return bool(csvs) and all(_known(m) for m in csvs) and any(model_of(csv_header(m)) for m in csvs)


def read(bundle: Bundle, *, imperial: bool = False) -> Iterator[Row | Skip]:
    units = Units(imperial)
    for member in bundle.members:
        model = model_of(csv_header(member)) if member.tabular else None
        if model is None:
            continue
        for line, cells in csv_rows(member):
            record = {**cells, "child": cells.get("child_first_name", "")}
            for item in records_to_rows(model, record, line, _csv_time, units):
                # Lines are counted per file, so a skipped line says which file.
                yield (
                    Skip(item.line, f"{item.what} ({member.name})", item.reason)
                    if isinstance(item, Skip)
                    else item
                )


class Units:
    """Baby Buddy stores bare numbers: the parent says whether they were metric or imperial."""

    def __init__(self, imperial: bool) -> None:
        self.imperial = imperial

    def ml(self, value: Decimal | None) -> Decimal | None:
        if value is None:
            return None
        return (value * ML_PER_FLOZ if self.imperial else value).quantize(Decimal("0.1"))

    def grams(self, value: Decimal | None) -> int | None:
        return grams(value, "lb" if self.imperial else "kg")

    def mm(self, value: Decimal | None) -> int | None:
        return millimetres(value, "in" if self.imperial else "cm")


def _csv_time(text: Any, line: int) -> dt.datetime | None:
    return parse_time(str(text or ""), TIMES, line)


TimeReader = Callable[[Any, int], dt.datetime | None]


def _text(record: dict[str, Any], name: str) -> str:
    value = record.get(name)
    return "" if value is None else str(value).strip()


def _true(record: dict[str, Any], name: str) -> bool:
    return _text(record, name).lower() in ("1", "true")


def records_to_rows(
    model: str, record: dict[str, Any], line: int, when: TimeReader, units: Units
) -> Iterator[Row | Skip]:
    """One Baby Buddy record, from the CSV or the API, as Twofold rows."""
    if model == "bmi":
        yield Skip(line, "BMI", NO_BMI)
        return
    moment = when(record.get("start") or record.get("time") or record.get("date"), line)
    if moment is None:
        yield Skip(line, model, "It has no time.")
        return
    end = when(record.get("end"), line) if record.get("end") else None
    base: dict[str, Any] = {
        "source_id": f"{model}:{_text(record, 'id')}",
        "line": line,
        "start": moment,
        "child": _text(record, "child"),
        "note": _text(record, "notes"),
    }
    yield _MAPPERS[model](record, base, end, units)


def _feeding(
    record: dict[str, Any], base: dict[str, Any], end: dt.datetime | None, units: Units
) -> Row | Skip:
    kind, method = _text(record, "type"), _text(record, "method")
    if kind == "solid food":
        return Skip(base["line"], "Feeding (solid food)", "Twofold does not record solid food.")
    sides = {"left breast": "left", "right breast": "right", "both breasts": "both"}
    if method in sides:
        return Row(kind="feed", end=end, details={"method": "breast", "side": sides[method]}, **base)
    if method != "bottle":
        return Skip(
            base["line"], f"Feeding ({method})", f"Twofold records breast or bottle feeds, not “{method}”."
        )
    bottle = "formula" if kind == "formula" else "expressed"
    amount = units.ml(number(_text(record, "amount")))
    note = base["note"]
    if kind == "fortified breast milk":
        note = "; ".join(p for p in ("Fortified breast milk", note) if p)
    return Row(
        kind="feed", end=end, details={"method": bottle, "amount_ml": amount}, **{**base, "note": note}
    )


def _change(
    record: dict[str, Any], base: dict[str, Any], end: dt.datetime | None, units: Units
) -> Row | Skip:
    wet, dirty = _true(record, "wet"), _true(record, "solid")
    if not (wet or dirty):
        return Skip(
            base["line"], "Diaper change", "A dry nappy: Twofold records nappies that were wet or dirty."
        )
    contents = "both" if wet and dirty else "wet" if wet else "dirty"
    colour = _text(record, "color")
    note = "; ".join(p for p in (f"Colour: {colour}" if colour else "", base["note"]) if p)
    return Row(kind="nappy", details={"contents": contents}, **{**base, "note": note})


def _sleep(record: dict[str, Any], base: dict[str, Any], end: dt.datetime | None, units: Units) -> Row:
    return Row(kind="sleep", end=end, **base)


def _pumping(
    record: dict[str, Any], base: dict[str, Any], end: dt.datetime | None, units: Units
) -> Row | Skip:
    amount = units.ml(number(_text(record, "amount")))
    if not amount:
        return Skip(base["line"], "Pumping", "It has no amount, and Twofold records pumping by how much.")
    return Row(kind="pumping", end=end, details={"amount_ml": amount}, **base)


def _tummy_time(record: dict[str, Any], base: dict[str, Any], end: dt.datetime | None, units: Units) -> Row:
    note = "; ".join(p for p in (_text(record, "milestone"), base["note"]) if p)
    return Row(kind="play", end=end, details={"activity": "tummy_time"}, **{**base, "note": note})


def _note(record: dict[str, Any], base: dict[str, Any], end: dt.datetime | None, units: Units) -> Row:
    return Row(kind="note", **{**base, "note": _text(record, "note")})


def _medication(
    record: dict[str, Any], base: dict[str, Any], end: dt.datetime | None, units: Units
) -> Row | Skip:
    name = _text(record, "name")
    if not name:
        return Skip(base["line"], "Medication", "It has no medicine name.")
    dosage = number(_text(record, "dosage"))
    dose = f"{dosage.normalize():f} {_text(record, 'dosage_unit')}".strip() if dosage is not None else ""
    details: dict[str, Any] = {"name": name[:80], "dose": dose[:40]}
    gap = _interval_minutes(_text(record, "next_dose_interval"))
    if gap is not None and SHORTEST_GAP_MINUTES <= gap <= LONGEST_GAP_MINUTES:
        # Baby Buddy's "next dose after" is what Twofold calls the label's shortest gap between doses.
        details["min_gap_minutes"] = gap
    elif gap is not None:
        note = f"Next dose interval in Baby Buddy: {_text(record, 'next_dose_interval')}"
        base = {**base, "note": "; ".join(p for p in (base["note"], note) if p)}
    return Row(kind="medicine", details=details, **base)


def _interval_minutes(text: str) -> int | None:
    match = _INTERVAL.match(text.strip())
    if not match:
        return None
    days, hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return days * 24 * 60 + hours * 60 + minutes + (1 if seconds else 0)


def _weight(
    record: dict[str, Any], base: dict[str, Any], end: dt.datetime | None, units: Units
) -> Row | Skip:
    weight = units.grams(number(_text(record, "weight") or _text(record, "value")))
    if weight is None:
        return Skip(base["line"], "Weight", "It has no weight.")
    return Row(kind="weight", details={"grams": weight}, **_on_the_day(base))


def _on_the_day(base: dict[str, Any]) -> dict[str, Any]:
    """A measurement has a date only: noon keeps it on that day in any zone near the family's."""
    start = base["start"].replace(hour=12) if base["start"].time() == dt.time(0) else base["start"]
    return {**base, "start": start}


def _height(
    record: dict[str, Any], base: dict[str, Any], end: dt.datetime | None, units: Units
) -> Row | Skip:
    mm = units.mm(number(_text(record, "height")))
    if mm is None:
        return Skip(base["line"], "Height", "It has no height.")
    return Row(kind="length", details={"mm": mm}, **_on_the_day(base))


def _head(record: dict[str, Any], base: dict[str, Any], end: dt.datetime | None, units: Units) -> Row | Skip:
    mm = units.mm(number(_text(record, "head_circumference")))
    if mm is None:
        return Skip(base["line"], "Head circumference", "It has no measurement.")
    return Row(kind="head", details={"mm": mm}, **_on_the_day(base))


def _temperature(
    record: dict[str, Any], base: dict[str, Any], end: dt.datetime | None, units: Units
) -> Row | Skip:
    value = number(_text(record, "temperature"))
    if value is None:
        return Skip(base["line"], "Temperature", "It has no reading.")
    # Baby Buddy does not say how it was taken: the parent answers once for the file (mapping.Choices).
    return Row(kind="temperature", details={"celsius": celsius(value, reading_unit(value))}, **base)


_MAPPERS: dict[str, Callable[[dict[str, Any], dict[str, Any], dt.datetime | None, Units], Row | Skip]] = {
    "feedings": _feeding,
    "changes": _change,
    "sleep": _sleep,
    "pumping": _pumping,
    "tummy-times": _tummy_time,
    "notes": _note,
    "medication": _medication,
    "weight": _weight,
    "height": _height,
    "head-circumference": _head,
    "temperature": _temperature,
}
