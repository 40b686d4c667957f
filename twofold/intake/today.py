"""The intake app's line on a parent's Today: a link to write how it is going; offered more warmly to a
parent who has never written (as after a household is created). No query of anyone else's writing."""

from __future__ import annotations

from typing import Any

from twofold.households.models import Member
from twofold.intake.selectors import writings_of


def today_context(*, member: Member) -> dict[str, Any]:
    if not member.is_parent:
        return {}
    return {"show": True, "first_time": not writings_of(member).exists()}
