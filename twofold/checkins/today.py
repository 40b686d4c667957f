"""What the checkins app puts on a parent's Today: from the check-in day until they answer, a reminder;
after the reveal, until they have read it, that it is ready. Two queries. Never anything anyone answered."""

from __future__ import annotations

import datetime as dt
from typing import Any

from twofold.checkins.gaps import listed
from twofold.checkins.selectors import today_card
from twofold.households.models import Member

REMINDER = "This week's check-in — two minutes"
READY = "Your check-in with {names} is ready to read"
READY_ALONE = "Your check-in is ready to read, beside the log"


def today_context(*, member: Member, now: dt.datetime) -> dict[str, Any]:
    if not member.is_parent:
        return {}
    win, card = today_card(member=member, now=now)
    if now < win.opens_at:
        return {}  # a new household's first check-in has not opened yet
    if not card.answered and not card.revealed:
        return {"card": {"title": REMINDER, "kind": "reminder", "solo": not card.others}}
    if card.revealed and card.answered and not card.read:
        title = READY.format(names=listed(list(card.others))) if card.others else READY_ALONE
        return {"card": {"title": title, "kind": "ready"}}
    return {}
