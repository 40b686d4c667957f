"""What the bonding app puts on a member's Today (see care/templates/care/today.html)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from twofold.households.models import Member


def today_context(*, member: Member, now: dt.datetime) -> dict[str, Any]:
    return {}
