"""A parent's answers to the check-in, as plain values: checked here, sealed as one document at rest.

The shares, ratings and words are private until the reveal, so they are never stored in the clear (see
twofold/sealing.py). Because the database cannot check a sealed value, the ranges are checked here, once,
for the pages, the API and the CLI alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from django.core.exceptions import ValidationError

SHARE_ERROR = "Give a whole number from 0 to 100."
RATING_ERROR = "Choose a number from 0 to 10."
TEXT_LIMIT = 300
TEXT_TOO_LONG = "Keep it to {limit} characters (this has {length})."

SHARE_FIELDS = ("care_share", "night_share")
RATING_FIELDS = ("fairness", "sleep", "mood", "connection")
TEXT_FIELDS = ("appreciated", "needed")
ANSWER_FIELDS = SHARE_FIELDS + RATING_FIELDS + TEXT_FIELDS

# Shown in place of answers no configured key opens, on their own card, row or API field. Tests import it.
ANSWERS_SEALED = (
    "These answers were sealed with a key this server no longer has (or they are damaged), so they cannot "
    "be shown. Whoever runs this Twofold can put the old key back at the end of TWOFOLD_ENCRYPTION_KEYS, "
    "restart and run `twofold reseal`; if that key is lost, they cannot be read again."
)
ANSWERS_SEALED_OWN = ANSWERS_SEALED + " While the check-in is open, you can answer it afresh."
REVIEW_SEALED = "cannot be shown (sealed with a key this server no longer has)"


@dataclass(frozen=True)
class Answers:
    """What one parent answered in one week's check-in."""

    care_share: int
    night_share: int
    fairness: int
    sleep: int
    mood: int
    connection: int
    appreciated: str
    needed: str

    def document(self) -> dict[str, int | str]:
        return asdict(self)

    @classmethod
    def from_document(cls, document: Mapping[str, Any]) -> Answers:
        return cls(**{name: document[name] for name in ANSWER_FIELDS})


def _number(value: Any, top: int) -> int | None:
    """A whole number from 0 to `top`, or None; text of digits counts, booleans and fractions do not."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    return value if isinstance(value, int) and 0 <= value <= top else None


def cleaned(values: Mapping[str, Any]) -> Answers:
    """The answers checked: text trimmed, each number in range; otherwise a ValidationError per field that
    says what to give (a missing number too, never "cannot be null")."""
    errors: dict[str, list[str]] = {}
    numbers: dict[str, int] = {}
    for name in SHARE_FIELDS + RATING_FIELDS:
        share = name in SHARE_FIELDS
        number = _number(values.get(name), 100 if share else 10)
        if number is None:
            errors[name] = [SHARE_ERROR if share else RATING_ERROR]
        else:
            numbers[name] = number
    words: dict[str, str] = {}
    for name in TEXT_FIELDS:
        words[name] = str(values.get(name) or "").strip()
        if len(words[name]) > TEXT_LIMIT:
            errors[name] = [TEXT_TOO_LONG.format(limit=TEXT_LIMIT, length=len(words[name]))]
    if errors:
        raise ValidationError(errors)
    return Answers(
        care_share=numbers["care_share"],
        night_share=numbers["night_share"],
        fairness=numbers["fairness"],
        sleep=numbers["sleep"],
        mood=numbers["mood"],
        connection=numbers["connection"],
        appreciated=words["appreciated"],
        needed=words["needed"],
    )
