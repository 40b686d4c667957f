"""The gentle invitation a parent sees when another parent is worried about them. (To be completed.)"""

from __future__ import annotations

from typing import Any

from twofold.households.models import Member


def concern_card(*, member: Member) -> Any:
    return None
