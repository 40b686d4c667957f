"""One phrase of the intake lexicon: what situation it says, its pattern over the mended words, and whom it
must be about; `rules_for` fills the shared pieces (`{baby}`, `{obj}`, `{partner}`, `{w}`, `{be}`) into each.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Who = Literal["parent", "partner", "self", "baby", "other", "any"]

FILL = {
    "baby": r"(?:(?:the|my|our|this) )?(?:baby|babys|son|daughter|twins|little one|child|kid|boy|girl)",
    "obj": r"(?:him|her|them|(?:(?:the|my|our) )?(?:baby|son|daughter|twins|little one|child|kid))",
    "partner": r"(?:(?:my|our|the|her|his) )?(?:husband|wife|partner|boyfriend|girlfriend|other half)",
    "w": r"(?:[a-z]+ )",  # any one word
    "be": r"(?:am|im|is|are|was|were|hes|shes|theyre|been|be|being|feel|feels|feeling|felt|get|gets|getting)",
}


@dataclass(frozen=True)
class Rule:
    situation: str
    pattern: str
    who: Who = "any"


def rules_for(situation: str, who: Who, *patterns: str) -> list[Rule]:
    return [Rule(situation, _filled(p), who) for p in patterns]


def _filled(pattern: str) -> str:
    for name, words in FILL.items():
        pattern = pattern.replace("{" + name + "}", words)
    return pattern
