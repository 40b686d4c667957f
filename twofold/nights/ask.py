"""From what the household told Twofold (members, their night preferences) to the planner's PlanRequest.

Pure: the selectors read the rows, this turns them into the planner's vocabulary for one night.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from twofold.insights.nights import night_duty
from twofold.insights.periods import Night, in_night
from twofold.insights.spans import CareSpan
from twofold.nights.evidence import DEFAULT_TARGET
from twofold.nights.plans import Fairness, Feeding, Person, PlanRequest

# Twofold's own choice: "slept least lately" looks at the last week of nights, the planner's own horizon.
RECENT_NIGHTS = 7


@dataclass(frozen=True)
class Someone:
    member_id: int
    name: str
    role: str  # "parent" or "helper"
    gave_birth: bool | None = None
    lives_apart: bool = False  # a parent sleeping elsewhere: off duty at home unless they agreed a night


@dataclass(frozen=True)
class Preference:
    """A member's night preferences as plain values; `Preference.default(role)` when none are saved."""

    night_from: dt.time | None = None
    night_until: dt.time | None = None
    work_mornings: str = ""
    target: dt.timedelta = DEFAULT_TARGET
    available_for_nights: bool = True
    breastfeeds: bool = False

    def works_after(self, night: Night) -> bool:
        return str((night.of + dt.timedelta(days=1)).weekday()) in self.work_mornings


def default_preference(role: str) -> Preference:
    # A helper offers nights by choice: until they say so, they are not on the rota.
    return Preference(available_for_nights=role == "parent")


def _inside(clock: dt.time | None, window: tuple[dt.time, dt.time]) -> dt.time | None:
    """A bedtime before the night window (or a wake-up after it) changes nothing inside the window."""
    if clock is None or clock == window[1] or not in_night(clock, *window):
        return None
    return clock


def feeder_of(people: Sequence[Someone], prefs: Mapping[int, Preference]) -> int | None:
    """The breastfeeding parent: the one marked so, else the parent who gave birth, if that is recorded."""
    parents = [p for p in people if p.role == "parent"]
    marked = [p for p in parents if prefs.get(p.member_id, default_preference(p.role)).breastfeeds]
    if marked:
        return marked[0].member_id
    return next((p.member_id for p in parents if p.gave_birth), None)


def feeder_to_offer(feeding: Feeding, feeder_id: int | None) -> int | None:
    """The breastfeeder the plan form starts with: only when the plan starts as breastfeeding. With
    bottles nobody is woken for feeds off duty, so a name there would say something the plan does not do
    (a mixed-fed baby starts on bottles; choosing breastfeeding then picks the breastfeeding parent)."""
    return feeder_id if feeding is Feeding.BREAST else None


def recent_sleep(
    spans: Sequence[CareSpan], nights: Sequence[Night], parent_ids: Sequence[int], now: dt.datetime
) -> dict[int, dt.timedelta]:
    """Each parent's median longest sleep opportunity over the last RECENT_NIGHTS ended nights."""
    ended = [n for n in nights if n.end <= now][-RECENT_NIGHTS:]
    if not ended:
        return {}
    duties = [night_duty(spans, n, parent_ids=parent_ids, now=now) for n in ended]
    return {
        p: dt.timedelta(seconds=statistics.median(d.longest_sleep[p].total_seconds() for d in duties))
        for p in parent_ids
    }


def request_for(
    night: Night,
    *,
    zone: ZoneInfo,
    window: tuple[dt.time, dt.time],
    people: Sequence[Someone],
    prefs: Mapping[int, Preference],
    feeding: Feeding,
    feeder_id: int | None,
    fairness: Fairness,
    helper_night: bool = False,
    turn: int | None = None,
    slept: Mapping[int, dt.timedelta] | None = None,
    agreed: Mapping[int, tuple[dt.datetime, dt.datetime]] | None = None,
) -> PlanRequest:
    """The planner's request for one night: parents sleep between their bedtime and wake-up; helpers
    who offer nights are on duty between the times they gave.

    `agreed` is who agreed to this night (member id -> their stretch, UTC): they are on duty then like a
    helper, it is a helper's night, and other helpers stay off it. A parent living apart is left out
    unless they agreed the night, or unless nobody else is a parent at home."""
    here = {p.member_id for p in people}
    # Someone who agreed and has since left the household is not planned for.
    agreed = {who: stretch for who, stretch in (agreed or {}).items() if who in here}
    home_parents = [p for p in people if p.role == "parent" and not p.lives_apart]
    persons = []
    for someone in people:
        pref = prefs.get(someone.member_id, default_preference(someone.role))
        if someone.member_id in agreed:
            start, end = agreed[someone.member_id]
            persons.append(
                Person(
                    someone.member_id, someone.name, role="helper", available_from=start, available_until=end
                )
            )
        elif someone.role == "parent" and someone.lives_apart and home_parents:
            continue
        elif someone.role == "parent":
            persons.append(
                Person(
                    someone.member_id,
                    someone.name,
                    work_morning=pref.works_after(night),
                    min_block=pref.target,
                    can_feed=someone.member_id == feeder_id,
                    recent_sleep=(slept or {}).get(someone.member_id),
                    sleep_from=_inside(pref.night_from, window),
                    sleep_until=_inside(pref.night_until, window),
                )
            )
        elif pref.available_for_nights and not agreed:
            persons.append(
                Person(
                    someone.member_id,
                    someone.name,
                    role="helper",
                    available_from=_inside(pref.night_from, window),
                    available_until=_inside(pref.night_until, window),
                    work_morning=pref.works_after(night),
                )
            )
    return PlanRequest(
        night,
        zone,
        tuple(persons),
        feeding=feeding,
        fairness=fairness,
        helper_night=(helper_night or bool(agreed)) and any(not p.is_parent for p in persons),
        turn=turn,
    )
