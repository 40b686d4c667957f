"""Scoped reads: a writing is found only for its author, in the household they act in; others get 404.
The one exception is a summary its author chose to share, read by the household's other parents."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from twofold.db import Prepared, moment
from twofold.households.models import Member, Role
from twofold.intake.models import Writing
from twofold.sealing import CannotUnseal, unseal


def writings_of(member: Member) -> QuerySet[Writing]:
    return Writing.objects.filter(author=member, household_id=member.household_id)


def get_own_writing(*, member: Member, writing_id: int) -> Writing:
    writing = writings_of(member).filter(pk=writing_id).first()
    if writing is None:
        raise Http404("No such writing of yours.")
    return writing


def text_of(writing: Writing) -> str | None:
    """The words, or None when the key that sealed them is gone."""
    try:
        return str(unseal(writing.sealed_text))
    except CannotUnseal:
        return None


@dataclass(frozen=True)
class SharedSummary:
    """What one parent chose to share of one writing: who, when, and the situations (never the words)."""

    writing_id: int
    author_name: str
    shared_at: dt.datetime
    situations: tuple[str, ...]


def shared_situations(writing: Writing) -> tuple[str, ...]:
    """The situation keys the author shared, or () when nothing is shared (or the key is gone)."""
    return _situations(writing.sealed_summary)


def _situations(sealed_summary: str) -> tuple[str, ...]:
    if not sealed_summary:
        return ()
    try:
        return tuple(unseal(sealed_summary))
    except CannotUnseal:
        return ()


# Today reads it on every visit of a parent, so it is compiled once (see twofold.db.Prepared), and it reads
# only the columns the card shows: never the words.
_SHARED_WITH = Prepared(
    lambda household, reader: (
        Writing.objects.filter(
            household_id=household,
            shared_at__isnull=False,
            author__household_id=household,
            author__left_at__isnull=True,
            author__role=Role.PARENT,
        )
        .exclude(author_id=reader)
        .order_by("-shared_at", "-id")
        .values_list("pk", "author__display_name", "shared_at", "sealed_summary")
    ),
    household=int,
    reader=int,
)


def summaries_shared_with(member: Member) -> list[SharedSummary]:
    """Summaries the household's other current parents chose to share, newest first. A helper gets none,
    ever: sharing is between the parents. One query."""
    if not member.is_parent:
        return []
    found = []
    for pk, name, shared_at, sealed in _SHARED_WITH.fetch(household=member.household_id, reader=member.pk):
        situations = _situations(sealed)
        if situations and shared_at is not None:
            found.append(SharedSummary(pk, name, moment(shared_at), situations))
    return found


def get_own_writing_of_user(*, user_id: int, writing_id: int) -> Writing:
    """For the API: a writing whose author is this user, still a parent of its household; else 404."""
    writing = (
        Writing.objects.filter(pk=writing_id, author__user_id=user_id, author__left_at__isnull=True)
        .filter(author__role="parent")
        .select_related("author")
        .first()
    )
    if writing is None:
        raise Http404("No such writing of yours.")
    return writing
