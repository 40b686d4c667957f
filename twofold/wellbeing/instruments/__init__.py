"""The screening questionnaires (EVIDENCE.md §1, §7).

PHQ-9, PHQ-2, GAD-7 and GAD-2 ship with their full wording (free to reproduce, keeping the attribution).
The EPDS ships as scoring logic only (`EPDS_SCORING`); its wording comes from a deployment's licensed file
(`licensed_epds`, `load_licensed_epds`), and without it `EPDS_NOT_OFFERED` says why.
"""

from __future__ import annotations

from .base import (
    AnswerOption,
    Band,
    BandSet,
    Cutoff,
    FollowUp,
    Group,
    Instrument,
    Item,
    Loinc,
    Subscale,
    group_for,
)
from .epds import EPDS_NOT_OFFERED, EPDS_SCORING
from .gad import GAD2, GAD7
from .licensed import EPDS_TEXT_ENV, LicensedTextError, epds_available, licensed_epds, load_licensed_epds
from .phq import PHQ2, PHQ9
from .texts import LOINC_NOTICE, PFIZER_ATTRIBUTION, SAFETY_MESSAGE, SCREEN_NOT_DIAGNOSIS

# Offered to every parent by default (Decisions: "the default screens for every parent").
FREE_INSTRUMENTS: tuple[Instrument, ...] = (PHQ2, PHQ9, GAD2, GAD7)

# Everything that can be scored, by key. The EPDS entry has no wording: it scores stored answers only.
SCORABLE: dict[str, Instrument] = {i.key: i for i in (*FREE_INSTRUMENTS, EPDS_SCORING)}


def get_instrument(key: str) -> Instrument:
    """The instrument for `key` ("phq9", "gad7", "phq2", "gad2", "epds"); KeyError if there is none."""
    return SCORABLE[key]


__all__ = [
    "EPDS_NOT_OFFERED",
    "EPDS_SCORING",
    "EPDS_TEXT_ENV",
    "FREE_INSTRUMENTS",
    "GAD2",
    "GAD7",
    "LOINC_NOTICE",
    "PFIZER_ATTRIBUTION",
    "PHQ2",
    "PHQ9",
    "SAFETY_MESSAGE",
    "SCORABLE",
    "SCREEN_NOT_DIAGNOSIS",
    "AnswerOption",
    "Band",
    "BandSet",
    "Cutoff",
    "FollowUp",
    "Group",
    "Instrument",
    "Item",
    "LicensedTextError",
    "Loinc",
    "Subscale",
    "epds_available",
    "get_instrument",
    "group_for",
    "licensed_epds",
    "load_licensed_epds",
]
