"""Crisis and support lines by the household's country, from data/crisis_lines.json (EVIDENCE.md §6).

They live with the household, below every reading, because wellbeing's results, bonding's coping card and
red flags, and anything later that meets a safety signal all show the same lines for the same country.

Two rules from §6 shape this module: immediate danger always means the emergency number, so it comes first;
and a support line is not a crisis line, so every line carries what it is for and support lines say so.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

DATA_FILE = Path(__file__).resolve().parent / "data" / "crisis_lines.json"
FALLBACK = "other"
MARKS = frozenset({"V", "S", "U"})


class Kind(StrEnum):
    EMERGENCY = "emergency"
    CRISIS = "crisis"
    DIRECTORY = "directory"
    SUPPORT = "support"
    PERINATAL = "perinatal"
    PARENTING = "parenting"


# Emergency first, then crisis lines, then support lines, then perinatal and parenting lines. The directory
# (only in the fallback) sits with the crisis lines: anywhere else, it is how to find one.
ORDER: dict[Kind, int] = {
    Kind.EMERGENCY: 0,
    Kind.CRISIS: 1,
    Kind.DIRECTORY: 2,
    Kind.SUPPORT: 3,
    Kind.PERINATAL: 4,
    Kind.PARENTING: 5,
}

# What each kind is for, said plainly (§6: label each line with what it is for).
LABELS: dict[Kind, str] = {
    Kind.EMERGENCY: "Emergency: if anyone is in immediate danger",
    Kind.CRISIS: "Crisis line",
    Kind.DIRECTORY: "Directory of helplines",
    Kind.SUPPORT: "Support line, not a crisis line",
    Kind.PERINATAL: "Support for parents around a birth, not a crisis line",
    Kind.PARENTING: "Parenting support, not a crisis line",
}

# Decisions: because most people who later die by suicide answered "not at all" on PHQ-9 item 9 (§1.4:
# 71.6 % in the VA data), every result page, whatever the answers, ends with this line and the lines.
IF_YOU_EVER_FEEL_UNSAFE = (
    "If you ever feel unsafe, or think you might harm yourself, you do not have to wait: call {emergency} "
    "if you are in danger now, or talk to one of the lines below."
)

CONTACT_KINDS = frozenset({"call", "text", "email", "web", "advice"})
_REACHABLE = frozenset({"call", "text", "email", "web"})


@dataclass(frozen=True)
class Contact:
    how: str
    value: str
    note: str
    mark: str | None
    source: str
    checked: dt.date
    keyword: str = ""

    @property
    def dial(self) -> str:
        """Digits only, for tel: and sms: links ("" for email, web and advice)."""
        return re.sub(r"\D", "", self.value) if self.how in {"call", "text"} else ""


@dataclass(frozen=True)
class Line:
    name: str
    kind: Kind
    purpose: str
    hours: str | None
    contacts: tuple[Contact, ...]

    @property
    def is_crisis_line(self) -> bool:
        return self.kind in {Kind.EMERGENCY, Kind.CRISIS}

    @property
    def label(self) -> str:
        return LABELS[self.kind]


@dataclass(frozen=True)
class CountryLines:
    code: str
    name: str
    lines: tuple[Line, ...]
    is_fallback: bool

    @property
    def emergency(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.kind is Kind.EMERGENCY)

    @property
    def emergency_numbers(self) -> str:
        """The emergency number(s) in words ("999", "112 or 999"), or the local-number advice."""
        values = [c.value for line in self.emergency for c in line.contacts if c.how == "call"]
        return " or ".join(values) if values else "your local emergency number"

    @property
    def unsafe_line(self) -> str:
        return IF_YOU_EVER_FEEL_UNSAFE.format(emergency=self.emergency_numbers)


def lines_for(country_code: str) -> CountryLines:
    """The lines for a household's country (ISO code, e.g. "GB"), ordered emergency first; any country
    without its own entry ("XX", "FR", "") gets the fallback: findahelpline.com and the local number."""
    data = _data()
    code = country_code.strip().upper()
    is_fallback = code not in data or code == FALLBACK.upper()
    entry = data[FALLBACK] if is_fallback else data[code]
    return CountryLines(
        code=FALLBACK if is_fallback else code,
        name=entry.name,
        lines=entry.lines,
        is_fallback=is_fallback,
    )


def known_countries() -> tuple[str, ...]:
    return tuple(code for code in _data() if code != FALLBACK)


def load_raw(path: Path = DATA_FILE) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        raw: dict[str, Any] = json.load(handle)
    return raw


def check_crisis_data(raw: Mapping[str, Any]) -> list[str]:
    """Every problem in the crisis data, as sentences; an empty list means it is sound.

    Each country needs an emergency line with a number to call; every contact needs a source, a mark where
    there is something to verify, and the date it was checked."""
    problems: list[str] = []
    countries = raw.get("countries")
    if not isinstance(countries, dict) or not countries:
        return ["The file has no 'countries'."]
    if FALLBACK not in countries:
        problems.append(f"There is no {FALLBACK!r} entry for countries without their own lines.")
    for code, entry in countries.items():
        lines = entry.get("lines") or []
        if not lines:
            problems.append(f"{code}: has no lines.")
        emergency = [line for line in lines if line.get("kind") == Kind.EMERGENCY]
        if not emergency:
            problems.append(f"{code}: has no emergency line.")
        elif code != FALLBACK and not any(
            contact.get("how") == "call" and re.search(r"\d", str(contact.get("value", "")))
            for line in emergency
            for contact in line.get("contacts") or []
        ):
            problems.append(f"{code}: the emergency line has no number to call.")
        for line in lines:
            problems.extend(_line_problems(code, line))
    return problems


def _line_problems(code: str, line: Mapping[str, Any]) -> list[str]:
    name = line.get("name") or "(unnamed line)"
    where = f"{code}, {name}"
    problems = []
    if not line.get("name"):
        problems.append(f"{where}: has no name.")
    kinds = sorted(kind.value for kind in Kind)
    if line.get("kind") not in kinds:
        problems.append(f"{where}: kind {line.get('kind')!r} is not one of {kinds}.")
    if not line.get("purpose"):
        problems.append(f"{where}: does not say what it is for.")
    contacts = line.get("contacts") or []
    if not contacts:
        problems.append(f"{where}: has no way to reach it.")
    for contact in contacts:
        value = contact.get("value")
        label = f"{where}, {contact.get('how')} {value}"
        if contact.get("how") not in CONTACT_KINDS:
            problems.append(f"{label}: 'how' must be one of {sorted(CONTACT_KINDS)}.")
        if not value:
            problems.append(f"{label}: has no value.")
        if not str(contact.get("source") or "").strip():
            problems.append(f"{label}: has no source.")
        if contact.get("how") in _REACHABLE and contact.get("mark") not in MARKS:
            problems.append(f"{label}: mark must be one of {sorted(MARKS)}.")
        try:
            dt.date.fromisoformat(str(contact.get("checked")))
        except ValueError:
            problems.append(f"{label}: 'checked' must be a date (YYYY-MM-DD).")
    return problems


@dataclass(frozen=True)
class _Entry:
    name: str
    lines: tuple[Line, ...]


@functools.cache
def _data() -> dict[str, _Entry]:
    raw = load_raw()
    problems = check_crisis_data(raw)
    if problems:
        # Loud on purpose: a broken crisis file must stop the app, not show a page without help on it.
        raise ValueError(f"{DATA_FILE} is not sound: " + " ".join(problems))
    return {code: _entry(entry) for code, entry in raw["countries"].items()}


def _entry(entry: Mapping[str, Any]) -> _Entry:
    lines = [
        Line(
            name=line["name"],
            kind=Kind(line["kind"]),
            purpose=line["purpose"],
            hours=line.get("hours"),
            contacts=tuple(
                Contact(
                    how=contact["how"],
                    value=contact["value"],
                    note=contact.get("note", ""),
                    mark=contact.get("mark"),
                    source=contact["source"],
                    checked=dt.date.fromisoformat(contact["checked"]),
                    keyword=contact.get("keyword", ""),
                )
                for contact in line["contacts"]
            ),
        )
        for line in entry["lines"]
    ]
    # sorted() is stable: within a kind, lines keep the order the file gives them.
    return _Entry(name=entry["name"], lines=tuple(sorted(lines, key=lambda line: ORDER[line.kind])))
