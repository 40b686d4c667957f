"""What the wellbeing app puts on a parent's Today: a screening offer when one is due, and a gentle
invitation when another parent is worried. Nothing here ever shows a result."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from twofold.households.models import Child, Member
from twofold.wellbeing.concern_cards import concern_card
from twofold.wellbeing.offers import today_screening


def today_context(
    *, member: Member, now: dt.datetime, children: Sequence[Child] | None = None
) -> dict[str, Any]:
    if not member.is_parent:
        return {}
    screening = today_screening(member=member, now=now, children=children)
    return {
        "screening_offer": screening.offer,
        "sealed_note": screening.sealed_note,
        "concern": concern_card(member=member),
    }
