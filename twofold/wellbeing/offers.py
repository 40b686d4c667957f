"""When to offer a parent a screen on their Today. (To be completed: see issue 4, "Rhythm".)"""

from __future__ import annotations

import datetime as dt
from typing import Any

from twofold.households.models import Member


def screening_offer(*, member: Member, now: dt.datetime) -> Any:
    return None
