"""Scoring a questionnaire: pure functions over an instrument and a parent's answers.

Answers are `{item number: position}`, position 0 being the top answer on the page. For the PHQ and GAD
questionnaires position and score are the same; on the EPDS reverse-keyed items score 3->0 down the page
(EVIDENCE.md §1.1), which is why answers are stored as positions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .instruments import Band, BandSet, Instrument


class AnswerError(ValueError):
    """An answer is missing, unknown or not allowed. `item` names the question (None: not one of them)."""

    def __init__(self, item: int | None, message: str) -> None:
        super().__init__(message)
        self.item = item


@dataclass(frozen=True)
class SubscaleResult:
    key: str
    name: str
    items: tuple[int, ...]
    total: int
    cutoff: int
    flagged: bool
    meaning: str
    source: str


@dataclass(frozen=True)
class Result:
    """What a parent's answers add up to.

    `safety_flag` is set by any answer above 0 on the self-harm item, whatever the total (Decisions, safety
    path). `band_set` carries the cut-offs used and why they apply to this parent."""

    instrument: str
    total: int
    max_total: int
    item_scores: tuple[tuple[int, int], ...]
    band: Band
    band_set: BandSet
    safety_flag: bool
    top_band: bool
    follow_up: str | None
    subscale: SubscaleResult | None

    @property
    def anxiety_flag(self) -> bool:
        """The EPDS-3A anxiety flag (EVIDENCE.md §1.3); False for instruments without that subscale."""
        return self.subscale is not None and self.subscale.flagged


def check_answers(instrument: Instrument, answers: Mapping[int, object]) -> dict[int, int]:
    """The answers as a plain dict, once every item has exactly one allowed answer.

    Raises AnswerError naming the first item at fault, so a form can show the message beside it."""
    numbers = set(instrument.item_numbers)
    unknown = [number for number in answers if number not in numbers]
    if unknown:
        first = sorted(unknown, key=str)[0]
        raise AnswerError(None, f"The {instrument.short_name} has no question {first!r}.")
    checked: dict[int, int] = {}
    for item in instrument.items:
        if item.number not in answers:
            raise AnswerError(item.number, f"Please answer question {item.number}.")
        position = answers[item.number]
        # bool is an int in Python; True must not pass as the second answer.
        if isinstance(position, bool) or not isinstance(position, int) or position not in item.positions:
            last = len(item.options) - 1
            raise AnswerError(
                item.number,
                f"Question {item.number}: {position!r} is not one of its answers (0 to {last}).",
            )
        checked[item.number] = position
    return {number: checked[number] for number in instrument.item_numbers}


def score(instrument: Instrument, answers: Mapping[int, int], gave_birth: bool | None) -> Result:
    """Score `answers` on `instrument` for a parent whose `gave_birth` is True, False or None (not said).

    `gave_birth` only matters where the evidence gives different cut-offs (the EPDS, EVIDENCE.md §1.2)."""
    checked = check_answers(instrument, answers)
    item_scores = tuple((item.number, item.score_for(checked[item.number])) for item in instrument.items)
    scores = dict(item_scores)
    total = sum(scores.values())
    band_set = instrument.bands_for(gave_birth)
    band = band_set.band_for(total)
    follow_up = instrument.follow_up
    return Result(
        instrument=instrument.key,
        total=total,
        max_total=instrument.max_total,
        item_scores=item_scores,
        band=band,
        band_set=band_set,
        safety_flag=instrument.self_harm_item is not None and scores[instrument.self_harm_item] > 0,
        top_band=band == band_set.top,
        follow_up=follow_up.instrument if follow_up is not None and total >= follow_up.at_least else None,
        subscale=_subscale(instrument, scores, gave_birth),
    )


def _subscale(
    instrument: Instrument, scores: Mapping[int, int], gave_birth: bool | None
) -> SubscaleResult | None:
    subscale = instrument.subscale
    if subscale is None:
        return None
    total = sum(scores[number] for number in subscale.items)
    cutoff = subscale.cutoff_for(gave_birth)
    flagged = total >= cutoff
    return SubscaleResult(
        key=subscale.key,
        name=subscale.name,
        items=subscale.items,
        total=total,
        cutoff=cutoff,
        flagged=flagged,
        meaning=subscale.flagged_meaning if flagged else "",
        source=subscale.source,
    )
