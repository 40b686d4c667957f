"""The two-question quick checks (PHQ-2, GAD-2): the first two items of a longer questionnaire, banded alike
(below the line, or go on to the longer one)."""

from __future__ import annotations

from .base import Band, BandSet, FollowUp, Group, Instrument
from .texts import NOTHING_TO_DO_NOW

QUICK_CHECK_MAX = 6  # two items scored 0-3


def quick_check_bands(*, longer: str, follow_up_at: int, more_questions: str, source: str) -> BandSet:
    """Bands for a two-question check whose answers at or over `follow_up_at` lead to `longer`."""
    return BandSet(
        group=Group.EVERYONE,
        bands=(
            Band(
                key="below",
                label="Below the screening line",
                low=0,
                high=follow_up_at - 1,
                severity=0,
                meaning=(
                    f"Your answers to these two questions are below the line where the longer {longer} "
                    "is suggested."
                ),
                next_steps=NOTHING_TO_DO_NOW,
            ),
            Band(
                key="go_on",
                label="Worth a closer look",
                low=follow_up_at,
                high=QUICK_CHECK_MAX,
                severity=1,
                meaning=(
                    f"Your answers to these two questions reach the line where the longer {longer} is "
                    "suggested. It is not a result on its own."
                ),
                next_steps=f"Answer the {longer} next: it asks {more_questions} more questions.",
            ),
        ),
        explanation="",
        source=source,
    )


def quick_check(
    full: Instrument,
    *,
    key: str,
    name: str,
    short_name: str,
    description: str,
    follow_up_at: int,
    more_questions: str,
    source: str,
) -> Instrument:
    """The first two items of `full`, with its wording, attribution and notice, leading on to it."""
    bands = quick_check_bands(
        longer=full.short_name, follow_up_at=follow_up_at, more_questions=more_questions, source=source
    )
    return Instrument(
        key=key,
        name=name,
        short_name=short_name,
        description=description,
        recall_window=full.recall_window,
        stem=full.stem,
        items=full.items[:2],
        reverse_scored=(),
        band_sets=(bands,),
        attribution=full.attribution,
        source=source,
        follow_up=FollowUp(
            at_least=follow_up_at,
            instrument=full.key,
            reason=f"A {short_name} score of {follow_up_at} or more means the full {full.short_name} "
            "is worth answering.",
        ),
        loinc_notice=full.loinc_notice,
    )
