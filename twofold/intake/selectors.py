"""Scoped reads: a writing is found only for its author, in the household they act in; others get 404.
The one exception is a summary its author chose to share, read by the household's other parents."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from twofold.households.models import Member
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
    if not writing.sealed_summary:
        return ()
    try:
        return tuple(unseal(writing.sealed_summary))
    except CannotUnseal:
        return ()


def summaries_shared_with(member: Member) -> list[SharedSummary]:
    """Summaries the household's other current parents chose to share, newest first. A helper gets none,
    ever: sharing is between the parents. One query."""
    if not member.is_parent:
        return []
    writings = (
        Writing.objects.filter(
            household_id=member.household_id,
            shared_at__isnull=False,
            author__in=Member.objects.current().parents().filter(household_id=member.household_id),
        )
        .exclude(author_id=member.pk)
        .select_related("author")
    )
    found = []
    for writing in writings.order_by("-shared_at", "-id"):
        situations = shared_situations(writing)
        if situations and writing.shared_at is not None:
            found.append(
                SharedSummary(writing.pk, writing.author.display_name, writing.shared_at, situations)
            )
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
