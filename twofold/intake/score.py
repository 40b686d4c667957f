"""Precision and recall of readings against labels, per situation (for the benchmark and the tests)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Score:
    support: int  # posts labelled with it
    true_positive: int
    predicted: int

    @property
    def precision(self) -> float | None:
        return self.true_positive / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.true_positive / self.support if self.support else None

    @property
    def precision_text(self) -> str:
        return "—" if self.precision is None else f"{self.precision:.2f}"

    @property
    def recall_text(self) -> str:
        return "—" if self.recall is None else f"{self.recall:.2f}"


def score(
    truth: Sequence[set[str]],
    predicted: Sequence[set[str]],
    keys: Iterable[str],
    *,
    truth_as: set[str] | None = None,
) -> dict[str, Score]:
    """For each key: how many posts carry it, how many readings found it, how many of those rightly.
    `truth_as` names the key a non-empty truth stands for (safety: either safety situation)."""
    if truth_as is not None:
        truth = [set(truth_as) if t else set() for t in truth]
    return {
        key: Score(
            support=sum(key in t for t in truth),
            true_positive=sum(key in t and key in p for t, p in zip(truth, predicted, strict=True)),
            predicted=sum(key in p for p in predicted),
        )
        for key in keys
    }
