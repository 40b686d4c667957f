"""How care reads to parents: kind names in the household's wording and one-line summaries of events."""

from __future__ import annotations

from dataclasses import dataclass

from twofold.care.details import SETTLE_TECHNIQUES, detail_of
from twofold.care.models import CareEvent, Kind
from twofold.care.rules import TIMER_KINDS
from twofold.households.words import format_volume, word


@dataclass(frozen=True)
class Tile:
    kind: str
    label: str
    hint: str
    timer: bool


_HINTS = {
    Kind.FEED: "breast or bottle",
    Kind.NAPPY: "wet or dirty",
    Kind.SLEEP: "start, stop, or log",
    Kind.SETTLE: "time a crying spell",
    Kind.BATH: "",
    Kind.SKIN_TO_SKIN: "",
    Kind.PLAY: "reading, tummy time, walk…",
    Kind.PUMPING: "amount",
    Kind.MEDICINE: "name and dose",
    Kind.NOTE: "anything else",
}


def event_label(kind: str, locale: str) -> str:
    if kind == Kind.NAPPY:
        return word(locale, "nappy").capitalize()
    return Kind(kind).label


def kind_tiles(locale: str) -> list[Tile]:
    return [
        Tile(kind, event_label(kind, locale), _HINTS[Kind(kind)], kind in TIMER_KINDS) for kind in Kind.values
    ]


def describe(event: CareEvent, locale: str, unit: str) -> str:
    """One line a tired parent can read at a glance: “Bottle of formula, 120 ml”."""
    detail = detail_of(event)
    parts: list[str] = []
    if event.kind == Kind.FEED and detail is not None:
        parts.append(detail.get_method_display())  # type: ignore[attr-defined]
        if detail.side:  # type: ignore[attr-defined]
            parts.append(detail.get_side_display().lower())  # type: ignore[attr-defined]
        if detail.amount_ml is not None:  # type: ignore[attr-defined]
            parts.append(format_volume(detail.amount_ml, unit))  # type: ignore[attr-defined]
    elif event.kind == Kind.NAPPY and detail is not None:
        parts.append(f"{event_label(Kind.NAPPY, locale)}: {detail.get_contents_display().lower()}")  # type: ignore[attr-defined]
    elif event.kind == Kind.SLEEP and detail is not None:
        parts.append(f"Sleep, {detail.get_place_display().lower()}")  # type: ignore[attr-defined]
    elif event.kind == Kind.SETTLE and detail is not None:
        parts.append("Crying")
        tried = [SETTLE_TECHNIQUES[t].lower() for t in detail.tried]  # type: ignore[attr-defined]
        if tried:
            parts.append("tried " + ", ".join(tried))
        if detail.outcome:  # type: ignore[attr-defined]
            parts.append(detail.get_outcome_display().lower())  # type: ignore[attr-defined]
    elif event.kind == Kind.PLAY and detail is not None:
        parts.append(detail.get_activity_display())  # type: ignore[attr-defined]
    elif event.kind == Kind.PUMPING and detail is not None:
        parts.append(f"Pumping, {format_volume(detail.amount_ml, unit)}")  # type: ignore[attr-defined]
    elif event.kind == Kind.MEDICINE and detail is not None:
        parts.append(" ".join(p for p in (detail.name, detail.dose) if p))  # type: ignore[attr-defined]
    else:
        parts.append(event_label(event.kind, locale))
    return ", ".join(parts)
