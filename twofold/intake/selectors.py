"""Scoped reads: a writing is found only for its author, in the household they act in; others get 404."""

from __future__ import annotations

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
