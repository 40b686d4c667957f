"""The shapes every screening questionnaire shares: items, answers, bands, cut-offs and codes.

An `Instrument` checks itself when it is built (items numbered 1..n, bands that cover every possible total
with no gap or overlap, reverse-keyed items that really score downwards), so a wrong table fails at import,
not on a parent's result page.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Group(StrEnum):
    """Which parents a set of cut-offs is for. Only the EPDS has cut-offs that differ (EVIDENCE.md §1.2)."""

    EVERYONE = "everyone"
    GAVE_BIRTH = "gave_birth"
    DID_NOT_GIVE_BIRTH = "did_not_give_birth"
    NOT_SAID = "not_said"


def group_for(gave_birth: bool | None) -> Group:
    """The group for a member's optional `gave_birth` answer (None: they have not said)."""
    if gave_birth is None:
        return Group.NOT_SAID
    return Group.GAVE_BIRTH if gave_birth else Group.DID_NOT_GIVE_BIRTH


@dataclass(frozen=True)
class AnswerOption:
    """One answer, by its position down the page (0 = top). Answers are stored as positions, not scores,
    because on the EPDS the same position scores differently from item to item (EVIDENCE.md §1.1)."""

    position: int
    label: str
    score: int
    loinc: str | None = None


@dataclass(frozen=True)
class Item:
    """One question. `text` is what the parent reads; `topic` is a short internal label (for exports
    and logs), never shown in place of the question. `text` is empty when licensed wording is not loaded."""

    number: int
    text: str
    topic: str
    options: tuple[AnswerOption, ...]
    loinc: str | None = None

    def score_for(self, position: int) -> int:
        return self.options[position].score

    @property
    def max_score(self) -> int:
        return max(option.score for option in self.options)

    @property
    def positions(self) -> range:
        return range(len(self.options))


@dataclass(frozen=True)
class Band:
    """A range of totals, inclusive at both ends, with what it means and what to do next."""

    key: str
    label: str
    low: int
    high: int
    severity: int
    meaning: str
    next_steps: str

    def contains(self, total: int) -> bool:
        return self.low <= total <= self.high


@dataclass(frozen=True)
class BandSet:
    """The bands used for one group of parents, with the reason they apply (shown beside the result)."""

    group: Group
    bands: tuple[Band, ...]
    explanation: str
    source: str

    def band_for(self, total: int) -> Band:
        for band in self.bands:
            if band.contains(total):
                return band
        raise ValueError(f"A total of {total} is outside every band.")

    @property
    def top(self) -> Band:
        return self.bands[-1]


@dataclass(frozen=True)
class Cutoff:
    group: Group
    at_least: int


@dataclass(frozen=True)
class Subscale:
    """A score over some of the items with its own cut-off (the EPDS-3A anxiety items, EVIDENCE.md §1.3)."""

    key: str
    name: str
    items: tuple[int, ...]
    cutoffs: tuple[Cutoff, ...]
    flagged_meaning: str
    source: str

    def cutoff_for(self, gave_birth: bool | None) -> int:
        group = group_for(gave_birth)
        for cutoff in self.cutoffs:
            if cutoff.group is group:
                return cutoff.at_least
        for cutoff in self.cutoffs:
            if cutoff.group is Group.EVERYONE:
                return cutoff.at_least
        raise ValueError(f"{self.name} has no cut-off for {group.value}.")


@dataclass(frozen=True)
class FollowUp:
    """A short screen that, at or above `at_least`, leads on to a longer one (EVIDENCE.md §1.4, §1.5)."""

    at_least: int
    instrument: str
    reason: str


@dataclass(frozen=True)
class Loinc:
    """LOINC codes for export; None where EVIDENCE.md §1.6 does not mark the code as verified."""

    panel: str | None
    total: str | None


@dataclass(frozen=True)
class Instrument:
    key: str
    name: str
    short_name: str
    description: str
    recall_window: str
    stem: str
    items: tuple[Item, ...]
    reverse_scored: tuple[int, ...]
    band_sets: tuple[BandSet, ...]
    attribution: str
    source: str
    self_harm_item: int | None = None
    follow_up: FollowUp | None = None
    subscale: Subscale | None = None
    loinc: Loinc | None = None
    loinc_notice: str = ""
    wording_available: bool = True

    def __post_init__(self) -> None:
        _check(self)

    @property
    def max_total(self) -> int:
        return sum(item.max_score for item in self.items)

    @property
    def item_numbers(self) -> tuple[int, ...]:
        return tuple(item.number for item in self.items)

    def item(self, number: int) -> Item:
        return self.items[number - 1]

    def bands_for(self, gave_birth: bool | None) -> BandSet:
        """The cut-offs for this parent: their group's if the instrument has one, else everyone's."""
        group = group_for(gave_birth)
        for band_set in self.band_sets:
            if band_set.group is group:
                return band_set
        for band_set in self.band_sets:
            if band_set.group is Group.EVERYONE:
                return band_set
        raise ValueError(f"{self.short_name} has no bands for {group.value}.")


def _check(instrument: Instrument) -> None:
    name = instrument.short_name
    numbers = instrument.item_numbers
    if numbers != tuple(range(1, len(numbers) + 1)):
        raise ValueError(f"{name}: items must be numbered 1..{len(numbers)}, not {numbers}.")
    for item in instrument.items:
        positions = tuple(option.position for option in item.options)
        if positions != tuple(range(len(positions))):
            raise ValueError(f"{name} item {item.number}: answer positions must be 0..n, not {positions}.")
        scores = [option.score for option in item.options]
        descending = scores == sorted(scores, reverse=True) and scores[0] > scores[-1]
        if descending != (item.number in instrument.reverse_scored):
            raise ValueError(f"{name} item {item.number}: reverse scoring does not match its answers.")
    if instrument.self_harm_item is not None and instrument.self_harm_item not in numbers:
        raise ValueError(f"{name}: self-harm item {instrument.self_harm_item} is not one of its items.")
    if instrument.subscale is not None and not set(instrument.subscale.items) <= set(numbers):
        raise ValueError(f"{name}: subscale items {instrument.subscale.items} are not all its items.")
    for band_set in instrument.band_sets:
        expected_low = 0
        for severity, band in enumerate(band_set.bands):
            if band.low != expected_low or band.high < band.low or band.severity != severity:
                raise ValueError(
                    f"{name} ({band_set.group.value}): band {band.key!r} leaves a gap or overlap."
                )
            expected_low = band.high + 1
        if expected_low - 1 != instrument.max_total:
            raise ValueError(f"{name} ({band_set.group.value}): bands stop before {instrument.max_total}.")
