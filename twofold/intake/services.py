"""Every write of the intake app: keeping a writing (sealed) and deleting it. Used by the page, the API."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from twofold.households.models import Member
from twofold.intake.models import Writing
from twofold.intake.reader import MAX_CHARACTERS
from twofold.sealing import seal

EMPTY = "Write a few words first: anything about how it is going."
TOO_LONG = "That is more than {limit:,} characters. Please shorten it, or write the rest another time."


def checked_text(text: str) -> str:
    """The text to keep, or ValidationError saying what to change."""
    if not text.strip():
        raise ValidationError(EMPTY)
    if len(text) > MAX_CHARACTERS:
        raise ValidationError(TOO_LONG.format(limit=MAX_CHARACTERS))
    return text.strip()


def keep_writing(*, author: Member, text: str) -> Writing:
    return Writing.objects.create(
        household=author.household, author=author, sealed_text=seal(checked_text(text))
    )


def delete_writing(*, writing: Writing) -> None:
    writing.delete()
