"""The red-flags page and the coping card, loaded from data/ (copied from EVIDENCE.md §3.4 and §3.5).

Every item carries its source, its mark and its urgency; `check_guidance` lists what is missing so a test
fails before an unsourced line can ship.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"
RED_FLAGS_FILE = DATA_DIR / "red_flags.json"
COPING_CARD_FILE = DATA_DIR / "coping_card.json"
MARKS = frozenset({"V", "S"})  # a [U] fact never ships (EVIDENCE.md, introduction)


@dataclass(frozen=True)
class Item:
    id: str
    urgency: str
    urgency_label: str
    text: str
    source: str
    mark: str
    url: str = ""
    uk_note: str = ""  # advice naming UK services (NHS Wales, 999), for UK households only

    @property
    def secondary(self) -> bool:
        """A secondary source: the page names it and words the item softly."""
        return self.mark == "S"

    def for_country(self, country: str) -> Item:
        """The item as a household in `country` reads it: the UK note only in the UK."""
        text = f"{self.text} {self.uk_note}" if country == "GB" and self.uk_note else self.text
        return dataclasses.replace(self, text=text, uk_note="")


@dataclass(frozen=True)
class Guidance:
    urgencies: dict[str, str]  # in the order the page shows them, most urgent first
    items: tuple[Item, ...]

    def at(self, urgency: str) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.urgency == urgency)

    def for_country(self, country: str) -> Guidance:
        return Guidance(self.urgencies, tuple(item.for_country(country) for item in self.items))


def load_raw(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        raw: dict[str, Any] = json.load(handle)
    return raw


def check_guidance(raw: Mapping[str, Any]) -> list[str]:
    """Every problem in a guidance file, as sentences; an empty list means it is sound."""
    urgencies = raw.get("urgencies")
    items = raw.get("items")
    if not isinstance(urgencies, dict) or not urgencies:
        return ["The file has no 'urgencies'."]
    if not isinstance(items, list) or not items:
        return ["The file has no 'items'."]
    problems: list[str] = []
    seen: set[str] = set()
    for position, item in enumerate(items, start=1):
        where = f"Item {position} ({item.get('id') or 'no id'})"
        if not item.get("id"):
            problems.append(f"{where}: has no id.")
        elif item["id"] in seen:
            problems.append(f"{where}: the id is used twice.")
        seen.add(str(item.get("id")))
        if not str(item.get("text") or "").strip():
            problems.append(f"{where}: has no text.")
        if not str(item.get("source") or "").strip():
            problems.append(f"{where}: has no source.")
        if item.get("mark") not in MARKS:
            problems.append(f"{where}: mark must be one of {sorted(MARKS)}.")
        if item.get("urgency") not in urgencies:
            problems.append(f"{where}: urgency {item.get('urgency')!r} is not one of {sorted(urgencies)}.")
    return problems


def parse(raw: Mapping[str, Any]) -> Guidance:
    problems = check_guidance(raw)
    if problems:
        raise ValueError("Guidance data is not sound: " + " ".join(problems))
    urgencies: dict[str, str] = dict(raw["urgencies"])
    order = {key: i for i, key in enumerate(urgencies)}
    items = sorted(raw["items"], key=lambda item: order[item["urgency"]])  # stable: file order within a level
    return Guidance(
        urgencies,
        tuple(
            Item(
                id=item["id"],
                urgency=item["urgency"],
                urgency_label=urgencies[item["urgency"]],
                text=item["text"],
                source=item["source"],
                mark=item["mark"],
                url=item.get("url", ""),
                uk_note=item.get("uk_note", ""),
            )
            for item in items
        ),
    )


@functools.cache
def red_flags() -> Guidance:
    return parse(load_raw(RED_FLAGS_FILE))


@functools.cache
def coping_card() -> Guidance:
    return parse(load_raw(COPING_CARD_FILE))


# The red flags come from UK NHS sources (EVIDENCE.md §3.4), whose urgency levels name UK services. Elsewhere
# the same levels are said with the household's own emergency number and no UK service names: "111" is the
# emergency number in New Zealand, so a UK "call 111" must never reach a family there.
NOT_UK_LABELS = {
    "emergency_now": "Call {emergency} or go to the emergency department now",
    "today": "Call your doctor or your local health advice line today",
}
UK_LABELS = {"emergency_now": "Call {emergency} or go to A&E now", "today": "Call NHS 111 or your GP today"}
WHERE_FROM = (
    "These signs come from UK NHS hospital guidance; the last group is US advice from the American Academy "
    "of Pediatrics as reported in the press. Wherever you live: if you are worried about your baby, call "
    "your doctor, and in an emergency call {emergency}. This list cannot cover everything, and your worry "
    "counts even if nothing here matches."
)


def urgency_labels(country: str, emergency: str) -> dict[str, str]:
    """The red flags' urgency levels in the household's country's words."""
    labels = dict(red_flags().urgencies)
    local = UK_LABELS if country == "GB" else NOT_UK_LABELS
    labels.update({key: text.format(emergency=emergency) for key, text in local.items()})
    return labels
