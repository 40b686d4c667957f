"""When a tap happened: the moment a parent tapped, not when the page loaded or the request arrived.

A page sends the device's time of the tap (`tapped_at`) and, with every send, the device's time of sending
(`sent_at`). The gap between `sent_at` and the server's clock on arrival is the phone's clock error (plus
a moment in transit), so the tap is placed on the server's clock as `tapped_at + (received - sent_at)`:
a phone whose clock is two hours out, or a tap that waited all night in the outbox, still lands at the
moment of the tap.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from twofold.care.rules import CLOCK_SKEW

# How long a tap may wait to be sent and still be logged at its own time. A phone without signal for a
# weekend still lands its taps; past a week the tap's time is more likely a broken clock than a wait.
OLDEST_TAP = dt.timedelta(days=7)

AHEAD = "Logged at the time it reached Twofold: the phone's clock said it was later than it was."
TOO_OLD = "Logged at the time it reached Twofold: the phone said it was tapped over a week earlier."
IMPOSSIBLE = "Logged at the time it reached Twofold: the phone sent it before its own tap time."


@dataclass(frozen=True)
class TapMoment:
    at: dt.datetime
    # Empty when the tap's own time was kept; otherwise why the server's time was used instead.
    clock_note: str = ""


def moment_of_tap(
    *, tapped_at: dt.datetime | None, sent_at: dt.datetime | None, received_at: dt.datetime
) -> TapMoment:
    """The moment to log for a tap, on the server's clock; the server's own time when none is sent."""
    if tapped_at is None:
        return TapMoment(received_at)
    moment = tapped_at
    if sent_at is not None:
        if sent_at < tapped_at:
            return TapMoment(received_at, IMPOSSIBLE)
        moment = tapped_at + (received_at - sent_at)
    if moment > received_at + CLOCK_SKEW:
        return TapMoment(received_at, AHEAD)
    if moment < received_at - OLDEST_TAP:
        return TapMoment(received_at, TOO_OLD)
    # A few seconds ahead is transit and rounding, not the future.
    return TapMoment(min(moment, received_at))


def parse_device_time(text: str | None) -> dt.datetime | None:
    """An ISO 8601 instant from the page (`Date.toISOString()`); None for a missing or unreadable one."""
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    # The first and last years cannot take a clock correction without overflowing; no tap is from them.
    if moment.tzinfo is None or not (dt.MINYEAR < moment.year < dt.MAXYEAR):
        return None
    return moment
