"""Build answer sheets by the scores wanted, so tests read in scores while answers stay positions."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from twofold.wellbeing.instruments import Instrument

PLACEHOLDER_EPDS = Path(__file__).resolve().parent / "epds_placeholder.json"


def position_scoring(instrument: Instrument, number: int, score: int) -> int:
    """The answer position on item `number` that scores `score`."""
    for option in instrument.item(number).options:
        if option.score == score:
            return option.position
    raise AssertionError(f"{instrument.short_name} item {number} has no answer scoring {score}.")


def answers_scoring(instrument: Instrument, scores: Mapping[int, int] | None = None) -> dict[int, int]:
    """Positions for every item: the given scores, 0 for the rest."""
    scores = scores or {}
    return {
        item.number: position_scoring(instrument, item.number, scores.get(item.number, 0))
        for item in instrument.items
    }


def lowest(instrument: Instrument) -> dict[int, int]:
    return answers_scoring(instrument)


def highest(instrument: Instrument) -> dict[int, int]:
    return answers_scoring(instrument, {item.number: item.max_score for item in instrument.items})


def answers_for_total(instrument: Instrument, total: int) -> dict[int, int]:
    """Positions adding up to `total`, filling items in order and the self-harm item last, so a total
    below the maximum of the other items never sets the safety flag."""
    order = [item for item in instrument.items if item.number != instrument.self_harm_item]
    order += [item for item in instrument.items if item.number == instrument.self_harm_item]
    scores: dict[int, int] = {}
    left = total
    for item in order:
        scores[item.number] = min(item.max_score, left)
        left -= scores[item.number]
    assert left == 0, f"{instrument.short_name} cannot reach {total}."
    return answers_scoring(instrument, scores)
