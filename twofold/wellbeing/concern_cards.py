"""The gentle invitation a parent sees on Today when another parent is worried about them.

The card names nobody ("your partner") and carries nothing but the concern's id, for "Not now": no result,
no answer, not even who raised it, can reach the page through it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from twofold.db import Prepared
from twofold.households.models import Member
from twofold.households.selectors import still_a_member
from twofold.wellbeing.models import Concern


@dataclass(frozen=True)
class ConcernCard:
    concern_id: int
    check_url: str
    close_url: str


# The oldest open concern about this parent, compiled once (see twofold.db.Prepared): Today is on every
# parent's screen. A concern from a parent who has since left would speak for someone no longer here.
_OPEN_CONCERN = Prepared(
    lambda member: (
        Concern.objects.filter(still_a_member("raised_by"), about_id=member, closed_at__isnull=True)
        .order_by("pk")
        .values_list("pk")[:1]
    ),
    member=int,
)


def concern_card(*, member: Member) -> ConcernCard | None:
    if not member.is_parent:
        return None
    found = _OPEN_CONCERN.fetch(member=member.pk)
    if not found:
        return None
    (concern_id,) = found[0]
    return ConcernCard(
        concern_id=concern_id,
        # The wellbeing page, where the two-question quick check is offered first.
        check_url=reverse("wellbeing:home"),
        close_url=reverse("wellbeing_concern:close", kwargs={"concern_id": concern_id}),
    )
