"""What care's pages may show that only a higher floor knows, passed down by the top floor.

care never imports the floors above it (architecture.md, "The floors"). The top floor registers a provider
here in its AppConfig.ready(); until it does, each hook answers as if the higher app were not installed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from twofold.households.models import Child, Household

# Who is on duty at this moment, by tonight's night plan: a member id, or None (no plan, not night).
OnDutyProvider = Callable[[Household, dt.datetime], int | None]


def _nobody(household: Household, now: dt.datetime) -> int | None:
    return None


_on_duty: OnDutyProvider = _nobody


def register_on_duty(provider: OnDutyProvider) -> OnDutyProvider:
    """Make `provider` answer `on_duty`; returns the one it replaces (so a test can put it back)."""
    global _on_duty
    previous, _on_duty = _on_duty, provider
    return previous


def on_duty(*, household: Household, now: dt.datetime) -> int | None:
    """The member on duty now by tonight's plan, if a higher app knows of one."""
    return _on_duty(household, now)


# What to ask about before saving a measurement of the baby (growth knows the charts): reasons, or none.
MeasureDoubts = Callable[..., list[str]]


def _no_doubts(**kwargs: object) -> list[str]:
    return []


_measure_doubts: MeasureDoubts = _no_doubts


def register_measure_doubts(provider: MeasureDoubts) -> MeasureDoubts:
    """Make `provider` answer `measure_doubts`; returns the one it replaces."""
    global _measure_doubts
    previous, _measure_doubts = _measure_doubts, provider
    return previous


def measure_doubts(
    *, child: Child, kind: str, details: Mapping[str, Any], at: dt.datetime, event_id: int | None
) -> list[str]:
    """Why this measurement may be a slip, in words, for the parent to check before it is saved."""
    return _measure_doubts(child=child, kind=kind, details=details, at=at, event_id=event_id)


# What a higher floor has to show at once beside the log, for these children (a fever card in a young baby):
# a template and its context, or None.
AlertsProvider = Callable[[Household, Sequence[Child], dt.datetime], tuple[str, dict[str, Any]] | None]


def _no_alerts(household: Household, children: Sequence[Child], now: dt.datetime) -> None:
    return None


_alerts: AlertsProvider = _no_alerts


def register_alerts(provider: AlertsProvider) -> AlertsProvider:
    """Make `provider` answer `alerts`; returns the one it replaces (so a test can put it back)."""
    global _alerts
    previous, _alerts = _alerts, provider
    return previous


def alerts(
    *, household: Household, children: Sequence[Child], now: dt.datetime
) -> tuple[str, dict[str, Any]] | None:
    """What to show at once on the page where care is logged, if a higher app has anything."""
    return _alerts(household, children, now)


# Where an event came from when a parent did not log it here (imports knows): words for its page, or None.
EventOrigin = Callable[[Any], str | None]


def _logged_here(event: Any) -> str | None:
    return None


_event_origin: EventOrigin = _logged_here


def register_event_origin(provider: EventOrigin) -> EventOrigin:
    """Make `provider` answer `event_origin`; returns the one it replaces."""
    global _event_origin
    previous, _event_origin = _event_origin, provider
    return previous


def event_origin(event: Any) -> str | None:
    """“Brought in from Baby Buddy …” for an imported event; None for one logged in Twofold."""
    return _event_origin(event)
