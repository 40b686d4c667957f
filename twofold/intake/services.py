"""Every write of the intake app: keeping a writing (sealed), deleting it, and sharing or withdrawing a
summary of it. Used by the page and the API."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from twofold.households.models import Member
from twofold.intake.lexicon import SITUATIONS
from twofold.intake.models import Writing
from twofold.intake.reader import MAX_CHARACTERS, read
from twofold.intake.selectors import text_of
from twofold.sealing import seal

EMPTY = "Write a few words first: anything about how it is going."
TOO_LONG = "That is more than {limit:,} characters. Please shorten it, or write the rest another time."
NOTHING_CHOSEN = "Tick at least one thing to share, or keep it all to yourself: both are fine."
NOT_HEARD = "Only what Twofold heard in this writing can be shared."
CANNOT_OPEN = "This writing cannot be opened with the server's keys, so no summary of it can be shared."


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


def share_summary(*, writing: Writing, situations: Iterable[str]) -> Writing:
    """Share the situations the author ticked (in Twofold's words, never the text) with the other
    parent(s). Only situations this writing's reading holds; safety ones only when ticked, like any other."""
    chosen = set(situations)
    if not chosen:
        raise ValidationError({"situations": NOTHING_CHOSEN})
    text = text_of(writing)
    if text is None:
        raise ValidationError({"situations": CANNOT_OPEN})
    if not chosen <= set(read(text).keys):
        raise ValidationError({"situations": NOT_HEARD})
    with transaction.atomic():
        writing = Writing.objects.select_for_update().get(pk=writing.pk)
        writing.sealed_summary = seal([key for key in SITUATIONS if key in chosen])
        writing.shared_at = timezone.now()
        writing.save(update_fields=["sealed_summary", "shared_at"])
    return writing


def withdraw_summary(*, writing: Writing) -> Writing:
    """Take a shared summary back: from now on nobody else sees anything of this writing."""
    writing.sealed_summary = ""
    writing.shared_at = None
    writing.save(update_fields=["sealed_summary", "shared_at"])
    return writing
