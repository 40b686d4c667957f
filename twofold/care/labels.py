"""How care reads to parents: kind names in the household's wording and one-line summaries of events."""

from __future__ import annotations

from dataclasses import dataclass

from twofold.care.details import SETTLE_TECHNIQUES
from twofold.care.models import (
    FeedMethod,
    Kind,
    NappyContents,
    PlayActivity,
    SettleOutcome,
    Side,
    SleepPlace,
)
from twofold.care.rows import EventRow
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


_FEED_METHODS = dict(FeedMethod.choices)
_SIDES = dict(Side.choices)
_NAPPY = dict(NappyContents.choices)
_PLACES = dict(SleepPlace.choices)
_OUTCOMES = dict(SettleOutcome.choices)
_ACTIVITIES = dict(PlayActivity.choices)


def describe(row: EventRow, locale: str, unit: str) -> str:
    """One line a tired parent can read at a glance: “Bottle of formula, 120 ml”."""
    parts: list[str] = []
    if row.kind == Kind.FEED and row.feed_method:
        parts.append(_FEED_METHODS[row.feed_method])
        if row.feed_side:
            parts.append(_SIDES[row.feed_side].lower())
        if row.feed_amount_ml is not None:
            parts.append(format_volume(row.feed_amount_ml, unit))
    elif row.kind == Kind.NAPPY and row.nappy_contents:
        parts.append(f"{event_label(Kind.NAPPY, locale)}: {_NAPPY[row.nappy_contents].lower()}")
    elif row.kind == Kind.SLEEP:
        parts.append(f"Sleep, {_PLACES[row.sleep_place].lower()}" if row.sleep_place else "Sleep")
    elif row.kind == Kind.SETTLE:
        parts.append("Crying")
        tried = [SETTLE_TECHNIQUES[t].lower() for t in row.settle_tried or [] if t in SETTLE_TECHNIQUES]
        if tried:
            parts.append("tried " + ", ".join(tried))
        if row.settle_outcome:
            parts.append(_OUTCOMES[row.settle_outcome].lower())
    elif row.kind == Kind.PLAY and row.play_activity:
        parts.append(_ACTIVITIES[row.play_activity])
    elif row.kind == Kind.PUMPING and row.pumping_amount_ml is not None:
        parts.append(f"Pumping, {format_volume(row.pumping_amount_ml, unit)}")
    elif row.kind == Kind.MEDICINE and row.medicine_name:
        parts.append(" ".join(p for p in (row.medicine_name, row.medicine_dose) if p))
    else:
        parts.append(event_label(row.kind, locale))
    return ", ".join(parts)


_COUNT_NOUNS: dict[str, tuple[str, str]] = {
    Kind.FEED: ("feed", "feeds"),
    Kind.SLEEP: ("sleep", "sleeps"),
    Kind.SETTLE: ("crying spell", "crying spells"),
    Kind.BATH: ("bath", "baths"),
    Kind.SKIN_TO_SKIN: ("skin-to-skin session", "skin-to-skin sessions"),
    Kind.PLAY: ("play session", "play sessions"),
    Kind.PUMPING: ("pumping session", "pumping sessions"),
    Kind.MEDICINE: ("dose of medicine", "doses of medicine"),
    Kind.NOTE: ("note", "notes"),
}


def count_phrase(kind: str, count: int, locale: str) -> str:
    """“1 nappy”, “3 nappies”, “2 crying spells”: counts that read as English."""
    if kind == Kind.NAPPY:
        noun = word(locale, "nappy") if count == 1 else word(locale, "nappies")
    else:
        singular, plural = _COUNT_NOUNS[Kind(kind)]
        noun = singular if count == 1 else plural
    return f"{count} {noun}"
