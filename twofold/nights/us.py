"""What the nights app adds to the Us page for one week (see insights/templates/insights/us.html)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from twofold.households.models import Member


def us_context(*, member: Member, monday: dt.date, now: dt.datetime) -> dict[str, Any]:
    return {}
