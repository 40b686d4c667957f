"""Today's line for growth: each child's last weight, in the household's unit, and how long ago."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from twofold.growth import selectors
from twofold.households.models import Child, Member
from twofold.households.units import format_mass, units_of


def today_context(*, member: Member, children: Sequence[Child]) -> dict[str, Any]:
    latest = selectors.last_weighing(child_ids=[c.pk for c in children])
    mass = units_of(member.household).mass
    lines = [
        {"child": c, "at": latest[c.pk][0], "weight": format_mass(latest[c.pk][1], mass)}
        for c in children
        if c.pk in latest
    ]
    return {"lines": lines, "many": len(children) > 1}
