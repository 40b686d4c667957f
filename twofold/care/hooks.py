"""What care's pages may show that only a higher floor knows, passed down by the top floor.

care never imports the floors above it (architecture.md, "The floors"). The top floor registers a provider
here in its AppConfig.ready(); until it does, each hook answers as if the higher app were not installed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from twofold.hook import Hook
from twofold.households.models import Child, Household

# Who is on duty at this moment, by tonight's night plan: a member id, or None (no plan, not night).
OnDutyProvider = Callable[[Household, dt.datetime], int | None]


def _nobody(household: Household, now: dt.datetime) -> int | None:
    return None


_on_duty: Hook[OnDutyProvider] = Hook(_nobody)
register_on_duty = _on_duty.register


def on_duty(*, household: Household, now: dt.datetime) -> int | None:
    """The member on duty now by tonight's plan, if a higher app knows of one."""
    return _on_duty.ask(household, now)


# What to ask about before saving a measurement of the baby (growth knows the charts): reasons, or none.
MeasureDoubts = Callable[..., list[str]]


def _no_doubts(**kwargs: object) -> list[str]:
    return []


_measure_doubts: Hook[MeasureDoubts] = Hook(_no_doubts)
register_measure_doubts = _measure_doubts.register


def measure_doubts(
    *, child: Child, kind: str, details: Mapping[str, Any], at: dt.datetime, event_id: int | None
) -> list[str]:
    """Why this measurement may be a slip, in words, for the parent to check before it is saved."""
    return _measure_doubts.ask(child=child, kind=kind, details=details, at=at, event_id=event_id)


# What a higher floor has to show at once beside the log, for these children (a fever card in a young baby):
# a template and its context, or None.
AlertsProvider = Callable[[Household, Sequence[Child], dt.datetime], tuple[str, dict[str, Any]] | None]


def _no_alerts(household: Household, children: Sequence[Child], now: dt.datetime) -> None:
    return None


_alerts: Hook[AlertsProvider] = Hook(_no_alerts)
register_alerts = _alerts.register


def alerts(
    *, household: Household, children: Sequence[Child], now: dt.datetime
) -> tuple[str, dict[str, Any]] | None:
    """What to show at once on the page where care is logged, if a higher app has anything."""
    return _alerts.ask(household, children, now)


# Where an event came from when a parent did not log it here (imports knows): words for its page, or None.
EventOrigin = Callable[[Any], str | None]


def _logged_here(event: Any) -> str | None:
    return None


_event_origin: Hook[EventOrigin] = Hook(_logged_here)
register_event_origin = _event_origin.register


def event_origin(event: Any) -> str | None:
    """“Brought in from Baby Buddy …” for an imported event; None for one logged in Twofold."""
    return _event_origin.ask(event)
