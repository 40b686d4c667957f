"""Gaps between what each parent estimated and what the log shows, and between their ratings.

Pure: the answers and the log's shares come in as plain values; each gap comes out with its size, how far
it is past its own threshold (to put the largest first) and a neutral sentence that names numbers, never a
culprit.

Shares are in percentage points and ratings in points out of 10, so sizes cannot be compared directly.
Each gap is weighed instead in multiples of its own threshold from thresholds.py: a share gap of 30 points
weighs 30/15 = 2, a rating spread of 6 weighs 6/3 = 2, and a low rating weighs its distance from the top
of the scale over the threshold's (a 2 weighs (10-2)/(10-4) = 4/3; a 4 weighs exactly 1). Only what
weighs 1 or more (at or past a threshold) is listed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from twofold.checkins.thresholds import LARGE_RATING_SPREAD, LARGE_SHARE_GAP, LOW_RATING
from twofold.insights.percent import shown, whole_percents

TOP_RATING = 10


@dataclass(frozen=True)
class Answer:
    """What one parent answered, as plain values."""

    member_id: int
    name: str
    care_share: int
    night_share: int
    fairness: int
    sleep: int
    mood: int
    connection: int


@dataclass(frozen=True)
class LogShares:
    """Each member's share of the week's logged care and of its night wakings; None when there was none."""

    care: Mapping[int, Fraction] | None
    night: Mapping[int, Fraction] | None


@dataclass(frozen=True)
class Gap:
    subject: str  # "care", "night", or a rating such as "fairness"
    size: int  # percentage points for shares, rating points for ratings
    large: bool
    sentence: str
    # Unit-free: how many times its threshold the gap is (see the module docstring). 0 when nothing
    # can be compared; under 1 when it passes no threshold.
    weight: Fraction = Fraction(0)


SHARE_WORDS = {"care": "your share of the baby care", "night": "your share of the night wakings"}
NOTHING_LOGGED = {
    "care": "no care was logged that week, so there is nothing to set it beside.",
    "night": "no night wakings were logged that week, so there is nothing to set it beside.",
}
RATING_WORDS = {
    "fairness": "how fair the split feels",
    "sleep": "your sleep",
    "mood": "your mood",
    "connection": "how connected you feel",
}
RATINGS = tuple(RATING_WORDS)
ESTIMATES_ADD_UP = (
    "Together your estimates of {what} add up to {total} %. That is common: each of us remembers our own "
    "part more easily than the other's."
)


def listed(words: Sequence[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _addressed(answers: Sequence[Answer]) -> str:
    """“Alex and Sam, you” for several parents; “You” for one."""
    return f"{listed([a.name for a in answers])}, you" if len(answers) > 1 else "You"


def _estimate(answer: Answer, subject: str) -> int:
    return answer.care_share if subject == "care" else answer.night_share


def share_gap(subject: str, answers: Sequence[Answer], log: LogShares) -> Gap | None:
    """The estimates of one share beside the log, in the answers' order."""
    if not answers:
        return None
    estimates = [_estimate(a, subject) for a in answers]
    said = (
        f"{_addressed(answers)} estimated {SHARE_WORDS[subject]} at {listed([shown(e) for e in estimates])}"
    )
    shares = log.care if subject == "care" else log.night
    if shares is None:
        return Gap(subject, 0, False, f"{said}; {NOTHING_LOGGED[subject]}")
    # The log's shares as the pages show them: whole percents of everyone's, adding up to 100.
    whole = whole_percents(shares)
    logged = [whole.get(a.member_id, 0) for a in answers]
    size = max(abs(e - s) for e, s in zip(estimates, logged, strict=True))
    shows = listed([shown(s) for s in logged])
    weight = Fraction(size, LARGE_SHARE_GAP)
    return Gap(subject, size, size >= LARGE_SHARE_GAP, f"{said}; the log shows {shows}.", weight)


def rating_weight(values: Sequence[int]) -> Fraction:
    """The larger of the spread over its threshold (with two or more answers) and how low the lowest
    rating is: its distance from the top of the scale over the low threshold's distance."""
    spread = Fraction(max(values) - min(values), LARGE_RATING_SPREAD) if len(values) > 1 else Fraction(0)
    lowest = min(values)
    low = Fraction(TOP_RATING - lowest, TOP_RATING - LOW_RATING) if lowest <= LOW_RATING else Fraction(0)
    return max(spread, low)


def rating_gap(subject: str, answers: Sequence[Answer]) -> Gap | None:
    if not answers:
        return None
    values = [getattr(a, subject) for a in answers]
    size = max(values) - min(values)
    sentence = (
        f"{_addressed(answers)} rated {RATING_WORDS[subject]} {listed([str(v) for v in values])} out of 10."
    )
    large = len(values) > 1 and size >= LARGE_RATING_SPREAD
    return Gap(subject, size, large, sentence, rating_weight(values))


def estimates_total(subject: str, answers: Sequence[Answer]) -> int | None:
    """The parents' estimates of one share added up, when more than one parent answered."""
    if len(answers) < 2:
        return None
    return sum(_estimate(a, subject) for a in answers)


def over_100_sentence(subject: str, answers: Sequence[Answer]) -> str | None:
    total = estimates_total(subject, answers)
    if total is None or total <= 100:
        return None
    what = "the care" if subject == "care" else "the night wakings"
    return ESTIMATES_ADD_UP.format(what=what, total=total)


def all_gaps(answers: Sequence[Answer], log: LogShares) -> list[Gap]:
    """The comparisons at or past a threshold (a real gap, or a low rating), heaviest first; equal weights
    keep the order nights, care, then the ratings."""
    gaps = [share_gap("night", answers, log), share_gap("care", answers, log)]
    gaps += [rating_gap(subject, answers) for subject in RATINGS]
    found = [g for g in gaps if g is not None and g.weight >= 1]
    return sorted(found, key=lambda g: -g.weight)
