"""The gentle invitation a parent sees on Today when another parent is worried about them.

The card names nobody ("your partner") and carries nothing but the concern's id, for "Not now": no result,
no answer, not even who raised it, can reach the page through it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from twofold.households.models import Member
from twofold.wellbeing.selectors import open_concern_about


@dataclass(frozen=True)
class ConcernCard:
    concern_id: int
    check_url: str
    close_url: str


def concern_card(*, member: Member) -> ConcernCard | None:
    if not member.is_parent:
        return None
    concern = open_concern_about(member=member)
    # A concern from a parent who has since left would speak for someone who is no longer here.
    if concern is None or concern.raised_by.left_at is not None:
        return None
    return ConcernCard(
        concern_id=concern.pk,
        # The wellbeing page, where the two-question quick check is offered first.
        check_url=reverse("wellbeing:home"),
        close_url=reverse("wellbeing_concern:close", kwargs={"concern_id": concern.pk}),
    )
