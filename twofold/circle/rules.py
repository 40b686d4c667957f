"""The support circle's rules as plain functions over plain values, testable without the database: who sees a
request, what state a request and a promise are in, which moves are allowed when, the promised-against-given
tallies and their sentences, and the planner night a taken request becomes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

# Twofold's own choice: "the last weeks" of the tallies are four, about a month of help.
TALLY_WEEKS = 4
# Twofold's own choice: a promise is brought back to mind on Today from this long before it starts: the day
# before a night, the morning of an evening (a night's reminder also goes out the morning before).
SOON = dt.timedelta(hours=36)

NOUNS: dict[str, tuple[str, str]] = {
    "night": ("night", "nights"),
    "evening": ("evening shift", "evening shifts"),
    "morning": ("morning shift", "morning shifts"),
    "meal": ("meal", "meals"),
    "errand": ("errand", "errands"),
    "walk": ("walk", "walks"),
    "lift": ("lift", "lifts"),
    "company": ("visit", "visits"),
}

NOT_SHOWN = "This request isn't shared with you."
WITHDRAWN = "This request was withdrawn, so there is nothing to take."
STARTED = "This has already begun: a request can be taken until it starts."
FULL = "Enough people have taken this already. Thank you for offering."
ALREADY = "You've already said you'll do this."
NOT_A_HELPER = "Requests are for the circle to take: helpers, and a parent living elsewhere for now."
NOT_TAKEN = "You haven't taken this one."
TOO_LATE_TO_DROP = "This has already begun. Once it ends, it can be marked as it went."
NOT_YET = "This hasn't begun yet: it can be marked once it starts."
NOT_YOURS_TO_MARK = "A helper marks only their own part; a parent can mark anyone's."
DROPPED = "This was given back before it began, so there is nothing to mark."
ENDED = "This has already ended, so it stays as it went."
PARENTS_ONLY = "Only a parent can do this."


class RequestState(StrEnum):
    OPEN = "open"  # still looking for someone
    TAKEN = "taken"  # enough people promised
    UNDER_WAY = "under_way"
    UNMARKED = "unmarked"  # over; someone promised, not yet marked
    GIVEN = "given"
    NOT_GIVEN = "not_given"
    NOBODY = "nobody"  # over, and nobody could take it
    WITHDRAWN = "withdrawn"


class PromiseState(StrEnum):
    TO_COME = "to_come"
    UNDER_WAY = "under_way"
    UNMARKED = "unmarked"
    GIVEN = "given"
    NOT_GIVEN = "not_given"
    DROPPED = "dropped"


STATE_WORDS = {
    RequestState.OPEN: "Open",
    RequestState.TAKEN: "Taken",
    RequestState.UNDER_WAY: "Happening now",
    RequestState.UNMARKED: "Over: did it happen?",
    RequestState.GIVEN: "Given",
    RequestState.NOT_GIVEN: "Didn't happen",
    RequestState.NOBODY: "Nobody could take it",
    RequestState.WITHDRAWN: "Withdrawn",
}


@dataclass(frozen=True)
class Viewer:
    member_id: int
    is_parent: bool
    lives_apart: bool = False

    @property
    def takes_requests(self) -> bool:
        """Helpers take requests, and so does a parent living elsewhere (they agree nights as helpers do)."""
        return not self.is_parent or self.lives_apart


@dataclass(frozen=True)
class Ask:
    """A request as plain values."""

    kind: str
    starts: dt.datetime
    ends: dt.datetime
    helpers_needed: int = 1
    for_everyone: bool = True
    shown_to: frozenset[int] = frozenset()
    withdrawn: bool = False


@dataclass(frozen=True)
class Promise:
    """One person's taking of a request, as plain values; `care_logged` counts their care during it."""

    member_id: int
    dropped: bool = False
    outcome: str = ""  # "", "given" or "not_given"
    care_logged: int = 0


def can_see(viewer: Viewer, ask: Ask, promises: Iterable[Promise] = ()) -> bool:
    """Parents see every request of their household; anyone else those shared with everyone or with them,
    and any they took (taken before the parent narrowed who sees it)."""
    if viewer.is_parent or ask.for_everyone or viewer.member_id in ask.shown_to:
        return True
    return any(p.member_id == viewer.member_id for p in promises)


def promise_state(promise: Promise, ask: Ask, now: dt.datetime) -> PromiseState:
    """What became of a promise. Care the helper logged during it, unmarked, says it happened."""
    if promise.dropped:
        return PromiseState.DROPPED
    if promise.outcome == "given":
        return PromiseState.GIVEN
    if promise.outcome == "not_given":
        return PromiseState.NOT_GIVEN
    if now < ask.starts:
        return PromiseState.TO_COME
    if now < ask.ends:
        return PromiseState.UNDER_WAY
    return PromiseState.GIVEN if promise.care_logged else PromiseState.UNMARKED


def holding(promises: Iterable[Promise]) -> list[Promise]:
    return [p for p in promises if not p.dropped]


def request_state(ask: Ask, promises: Sequence[Promise], now: dt.datetime) -> RequestState:
    held = holding(promises)
    if ask.withdrawn:
        return RequestState.WITHDRAWN
    if now < ask.starts:
        return RequestState.TAKEN if len(held) >= ask.helpers_needed else RequestState.OPEN
    if not held:
        return RequestState.NOBODY
    states = {promise_state(p, ask, now) for p in held}
    if now < ask.ends and not states & {PromiseState.GIVEN, PromiseState.NOT_GIVEN}:
        return RequestState.UNDER_WAY
    if PromiseState.GIVEN in states:
        return RequestState.GIVEN
    if states == {PromiseState.NOT_GIVEN}:
        return RequestState.NOT_GIVEN
    return RequestState.UNDER_WAY if now < ask.ends else RequestState.UNMARKED


def take_problem(viewer: Viewer, ask: Ask, promises: Sequence[Promise], now: dt.datetime) -> str | None:
    """Why this viewer cannot take this request now, or None when they can."""
    if not can_see(viewer, ask, promises):
        return NOT_SHOWN
    if not viewer.takes_requests:
        return NOT_A_HELPER
    if ask.withdrawn:
        return WITHDRAWN
    if now >= ask.starts:
        return STARTED
    held = holding(promises)
    if any(p.member_id == viewer.member_id for p in held):
        return ALREADY
    if len(held) >= ask.helpers_needed:
        return FULL
    return None


def drop_problem(promise: Promise | None, ask: Ask, now: dt.datetime) -> str | None:
    """A helper can change their mind until the request starts (the parents are told)."""
    if promise is None or promise.dropped:
        return NOT_TAKEN
    if now >= ask.starts:
        return TOO_LATE_TO_DROP
    return None


def mark_problem(viewer: Viewer, promise: Promise | None, ask: Ask, now: dt.datetime) -> str | None:
    """Once it has begun, the helper marks their own part, and a parent anyone's; a mark can be changed."""
    if promise is None:
        return NOT_TAKEN
    if promise.dropped:
        return DROPPED
    if not viewer.is_parent and viewer.member_id != promise.member_id:
        return NOT_YOURS_TO_MARK
    if now < ask.starts:
        return NOT_YET
    return None


def withdraw_problem(viewer: Viewer, ask: Ask, now: dt.datetime) -> str | None:
    if not viewer.is_parent:
        return PARENTS_ONLY
    if now >= ask.ends:
        return ENDED
    return None


@dataclass(frozen=True)
class AgreedStretch:
    """The night planner's view of a taken night: who is on duty, on which night, from when to when."""

    member_id: int
    night: dt.date
    start: dt.datetime
    end: dt.datetime


def planner_night(kind: str, night: dt.date | None, ask: Ask, promise: Promise) -> AgreedStretch | None:
    """A taken night (held, not withdrawn) becomes a night the planner puts its taker on duty for."""
    if kind != "night" or night is None or promise.dropped or ask.withdrawn:
        return None
    return AgreedStretch(promise.member_id, night, ask.starts, ask.ends)


def fits_offer(offer_kind: str, weekdays: str, kind: str, weekday: int) -> bool:
    """A standing offer fits a request of its kind on one of its weekdays (any day when none are named)."""
    return offer_kind == kind and (not weekdays or str(weekday) in weekdays)


@dataclass(frozen=True)
class Counts:
    took: int = 0
    given: int = 0
    not_given: int = 0
    dropped: int = 0
    to_come: int = 0
    unmarked: int = 0
    care_logged: int = 0


def tally(entries: Iterable[tuple[str, Ask, Promise]], now: dt.datetime) -> dict[tuple[int, str], Counts]:
    """Per person and kind: how many they took, gave, gave back beforehand, have still to come, and the care
    they logged while helping. Keys in the order people first took something, never by how much they did."""
    counts: dict[tuple[int, str], dict[str, int]] = {}
    for kind, ask, promise in entries:
        row = counts.setdefault((promise.member_id, kind), dict.fromkeys(Counts.__dataclass_fields__, 0))
        row["took"] += 1
        row["care_logged"] += 0 if promise.dropped else promise.care_logged
        state = promise_state(promise, ask, now)
        key = {
            PromiseState.GIVEN: "given",
            PromiseState.NOT_GIVEN: "not_given",
            PromiseState.DROPPED: "dropped",
            PromiseState.UNMARKED: "unmarked",
        }.get(state, "to_come")
        row[key] += 1
    return {key: Counts(**row) for key, row in counts.items()}


def _count(n: int, kind: str) -> str:
    one, many = NOUNS.get(kind, ("request", "requests"))
    return f"{n} {one if n == 1 else many}"


def sentence(
    name: str, kind: str, counts: Counts, *, you: bool = False, period: str = "in the last four weeks"
) -> str:
    """A neutral sentence: "Grandma Jean took 3 nights in the last four weeks and did 2." No blame words,
    nothing compared with anyone else."""
    who = "You" if you else name
    text = f"{who} took {_count(counts.took, kind)} {period}"
    if counts.given:
        text += f" and did {counts.given}"
    parts = []
    if counts.to_come:
        parts.append(f"{counts.to_come} still to come")
    if counts.unmarked:
        parts.append(f"{counts.unmarked} not marked yet")
    if counts.not_given:
        parts.append(f"{counts.not_given} didn't happen")
    if counts.dropped:
        parts.append(f"{counts.dropped} given back before it began")
    if parts:
        text += "; " + ", ".join(parts)
    text += "."
    if counts.care_logged:
        times = "once" if counts.care_logged == 1 else f"{counts.care_logged} times"
        text += f" {'You' if you else 'They'} logged care {times} while helping."
    return text
