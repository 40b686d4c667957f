"""What the checkins app adds to the household's export (see care/export.py)."""

from __future__ import annotations

from typing import Any

from twofold.households.models import Household


def export_section(household: Household) -> Any:
    return []
