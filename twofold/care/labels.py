"""How care reads to parents: kind names in the household's wording and one-line summaries of events.

The words and summaries themselves belong to each kind's definition (`twofold.care.kinds`).
"""

from __future__ import annotations

from dataclasses import dataclass

from twofold.care.kinds import REGISTRY, definition, find
from twofold.care.rows import EventRow
from twofold.households.units import METRIC, MeasureUnits


@dataclass(frozen=True)
class Tile:
    kind: str
    label: str
    hint: str
    timer: bool


def event_label(kind: str, locale: str) -> str:
    return definition(kind).label(locale)


def kind_tiles(locale: str) -> list[Tile]:
    return [Tile(d.key, d.label(locale), d.hint, d.timed) for d in REGISTRY]


def describe(row: EventRow, locale: str, unit: str, measures: MeasureUnits = METRIC) -> str:
    """One line a tired parent can read at a glance: “Bottle of formula, 120 ml”."""
    kind = find(row.kind)
    if kind is None:
        return row.kind
    if kind.describe_measure is not None:
        return kind.describe_measure(row.details, measures) or kind.label(locale)
    return kind.describe(row.details, locale, unit) or kind.label(locale)


def count_phrase(kind: str, count: int, locale: str) -> str:
    """“1 nappy”, “3 nappies”, “2 crying spells”: counts that read as English."""
    nouns = definition(kind).nouns_for(locale)
    return f"{count} {nouns.one if count == 1 else nouns.many}"
