"""The intake app's part of a parent's Today: always a line linking to "Tell Twofold how it's going", and,
once, after the household is created, an offer card (until the parent writes or says "not now", for the
first OFFER_DAYS days), and the summaries the other parent chose to share. Three small queries. Never
anything anyone wrote."""

from __future__ import annotations

import datetime as dt
from typing import Any

from twofold.households.models import Member
from twofold.intake.models import OfferAnswered
from twofold.intake.pages import shared_with_context
from twofold.intake.selectors import writings_of

# Twofold's own choice, not a clinical number: a new household's first fortnight.
OFFER_DAYS = 14


def today_context(*, member: Member, now: dt.datetime) -> dict[str, Any]:
    if not member.is_parent:
        return {}  # a helper never sees any writing, nor any summary of one
    shared = shared_with_context(member)
    new_household = now - member.household.created_at < dt.timedelta(days=OFFER_DAYS)
    offer = (
        new_household
        and not writings_of(member).exists()
        and not OfferAnswered.objects.filter(member=member).exists()
    )
    return {"show": True, "offer": offer, "shared": shared}
