"""What the night plan's page may show that only a higher floor knows, passed down by the top floor.

nights never imports the circle above it (architecture.md, "The floors"). The top floor registers a provider
here in its AppConfig.ready(); until it does, the hook answers as if the circle were not installed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from twofold.hook import Hook
from twofold.households.models import Member

# For a night the plan cannot make good for both parents: a template and its context suggesting whom to ask
# (someone with a standing offer of nights), or None.
AskForNight = Callable[[Member, dt.date, dt.datetime], tuple[str, dict[str, Any]] | None]


def _nobody_to_ask(member: Member, night: dt.date, now: dt.datetime) -> None:
    return None


_ask_for_night: Hook[AskForNight] = Hook(_nobody_to_ask)
register_ask_for_night = _ask_for_night.register


def ask_for_night(*, member: Member, night: dt.date, now: dt.datetime) -> tuple[str, dict[str, Any]] | None:
    """Whom the parents could ask for this night, if a higher app knows."""
    return _ask_for_night.ask(member, night, now)
