"""The demo's care log, planned: a pure function that invents a log from a seed and a birth.

It returns plain dataclasses, so the log's shape (who takes the nights, how crying rises and falls) is
tested without a database; care/demo.py stores it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from twofold.care.demo_fever import fever_episode
from twofold.care.details import SETTLE_TECHNIQUES
from twofold.care.models import Kind
from twofold.households.demo import (
    ALEX,
    CHILD_NAMES,
    DEMO_NIGHT_END,
    DEMO_NIGHT_START,
    PAT,
    SAM,
    demo_birth,
)

# EVIDENCE.md §3.1 (Wolke 2017): weeks 1–6 mean 117–133 min a day, weeks 10–12 mean 68. The demo baby rises
# through that range to a peak at 6 weeks and is down to 68 by 10 weeks. After 12 weeks the evidence gives no
# number, only that crying keeps falling: the slow fall below is the demo baby's own, never a norm to show.
CRYING_CURVE: tuple[tuple[float, float], ...] = ((0.0, 117.0), (6.0, 133.0), (10.0, 68.0), (12.0, 68.0))
LATER_FALL_PER_WEEK = 1.0
LATER_FLOOR = 30.0

NOTES = (
    "Lovely long cuddle after the evening feed.",
    "Health visitor came by. All fine.",
    "Tried the sling on a walk: asleep in minutes.",
    "Tag-teamed a long crying spell this evening.",
    "Started a bedtime routine: bath, feed, cot.",
    "Lots of wide-eyed looking around today.",
    "Both of us managed a proper nap today.",
    "Lots of kicking on the play mat.",
)
FIRST_SMILE = (42, "First real smile!")


def demo_crying_minutes(age_weeks: float) -> float:
    """The demo baby's typical crying a day at an age, before day-to-day variation."""
    if age_weeks <= CRYING_CURVE[0][0]:
        return CRYING_CURVE[0][1]
    for (w0, m0), (w1, m1) in zip(CRYING_CURVE, CRYING_CURVE[1:], strict=False):
        if age_weeks <= w1:
            return m0 + (m1 - m0) * (age_weeks - w0) / (w1 - w0)
    last_week, last_minutes = CRYING_CURVE[-1]
    return max(LATER_FLOOR, last_minutes - LATER_FALL_PER_WEEK * (age_weeks - last_week))


def is_night(moment: dt.time, start: dt.time = DEMO_NIGHT_START, end: dt.time = DEMO_NIGHT_END) -> bool:
    if start > end:
        return moment >= start or moment < end
    return start <= moment < end


# ---- The plan: plain values, no database ----


@dataclass(frozen=True)
class PlannedChild:
    name: str
    birth_date: dt.date


@dataclass(frozen=True)
class PlannedEvent:
    child: int  # index into DemoPlan.children
    kind: str
    by: str  # a DemoPerson key
    logged_by: str
    start: dt.datetime
    end: dt.datetime | None = None
    response: str = ""
    settled_after_minutes: int | None = None
    note: str = ""
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DemoPlan:
    children: tuple[PlannedChild, ...]
    events: tuple[PlannedEvent, ...]
    log_start: dt.datetime


@dataclass
class _Cycle:
    """One feed and what follows it until the next: awake time, maybe crying, then sleep."""

    child: int
    carer: str
    local: dt.datetime
    feed_start: dt.datetime
    awake_end: dt.datetime
    next_feed: dt.datetime
    pump: bool
    events: list[PlannedEvent]
    cry_minutes: int = 0


def plan_demo(*, seed: int, weeks: int, children: int, now: dt.datetime, zone: ZoneInfo) -> DemoPlan:
    """The demo log from birth, `weeks` ago, up to `now`: the same seed always gives the same log."""
    born = demo_birth(seed=seed, weeks=weeks, now=now, zone=zone)
    return plan_log(seed=seed, born=born, children=children, now=now, zone=zone)


def plan_log(*, seed: int, born: dt.datetime, children: int, now: dt.datetime, zone: ZoneInfo) -> DemoPlan:
    """The log of `children` babies born at `born`, up to `now`."""
    rng = random.Random(seed)
    birth_date = born.astimezone(zone).date()
    log_start = born.astimezone(dt.UTC)
    kids = tuple(PlannedChild(CHILD_NAMES[index], birth_date) for index in range(children))
    events: list[PlannedEvent] = []
    for index in range(children):
        events.extend(_ChildLog(rng, index, birth_date, zone).plan(log_start, now))
        events.extend(_weighings(index, birth_date, zone, now))
    for step in fever_episode(birth_date, zone, now):
        events.append(
            PlannedEvent(0, step.kind, step.by, step.by, step.start, note=step.note, details=step.details)
        )
    events.sort(key=lambda e: (e.start, e.child))
    return DemoPlan(children=kids, events=tuple(events), log_start=log_start)


def _weighings(child: int, birth_date: dt.date, zone: ZoneInfo, now: dt.datetime) -> list[PlannedEvent]:
    """A weekly weighing at the clinic on Sam's morning, gaining about 200 g a week from 3.4 kg. Drawn
    without the random stream, so adding them changed no other event of the demo."""
    weighings = []
    for week in range(1, 60):
        start = dt.datetime.combine(birth_date + dt.timedelta(weeks=week), dt.time(10, 0), zone)
        if start.astimezone(dt.UTC) > now:
            break
        grams = 3400 - 150 * child + 200 * week
        weighings.append(PlannedEvent(child, Kind.WEIGHT.value, SAM, SAM, start, details={"grams": grams}))
    return weighings


class _ChildLog:
    def __init__(self, rng: random.Random, child: int, birth_date: dt.date, zone: ZoneInfo) -> None:
        self.rng = rng
        self.child = child
        self.birth_date = birth_date
        self.zone = zone

    def plan(self, log_start: dt.datetime, now: dt.datetime) -> list[PlannedEvent]:
        cycles = self._cycles(log_start, now)
        self._spread_crying(cycles)
        events: list[PlannedEvent] = []
        for cycle in cycles:
            events.extend(cycle.events)
            events.extend(self._settle_and_sleep(cycle))
        # The log reaches up to now with nothing left running: what would still be going is cut at now.
        return [
            event if event.end is None or event.end <= now else _cut_at(event, now)
            for event in events
            if event.start <= now
        ]

    # -- who --

    def _carer(self, local: dt.datetime) -> str:
        """Alex takes most nights and weekdays; Sam evenings and weekends; Pat weekend days."""
        roll = self.rng.random()
        if is_night(local.time()):
            return ALEX if roll < 0.88 else SAM
        if local.weekday() >= 5:
            if 10 <= local.hour < 17 and roll < 0.3:
                return PAT
            return SAM if self.rng.random() < 0.45 else ALEX
        if local.hour >= 18:
            return SAM if roll < 0.45 else ALEX
        on_leave = (local.date() - self.birth_date).days < 14  # Sam's two weeks of leave
        return SAM if roll < (0.4 if on_leave else 0.08) else ALEX

    def _logger(self, by: str) -> str:
        """Mostly the person who did it; now and then the other parent logs it for them."""
        if self.rng.random() < 0.9:
            return by
        return SAM if by in (ALEX, PAT) else ALEX

    def _event(
        self, kind: str, by: str, start: dt.datetime, minutes: int | None, **extra: Any
    ) -> PlannedEvent:
        end = None if minutes is None else start + dt.timedelta(minutes=minutes)
        return PlannedEvent(self.child, Kind(kind).value, by, self._logger(by), start, end, **extra)

    def _response(self, *weights: float) -> str:
        return self.rng.choices(("calm", "fussy", "crying"), weights=weights)[0]

    # -- pass 1: feeds, nappies and awake-time care --

    def _cycles(self, log_start: dt.datetime, now: dt.datetime) -> list[_Cycle]:
        rng = self.rng
        cycles: list[_Cycle] = []
        next_bath = self.birth_date + dt.timedelta(days=2)
        done: dict[dt.date, set[str]] = defaultdict(set)
        # All arithmetic is in UTC and local time is only read, so a clock change never moves a feed.
        moment = log_start
        while moment < now:
            local = moment.astimezone(self.zone)
            day = local.date()
            age_days = (day - self.birth_date).days
            night = is_night(local.time())
            carer = self._carer(local)
            feed = self._feed(carer, moment, age_days, night)
            events = [feed]
            feed_end = feed.end or moment
            cursor = feed_end
            if rng.random() < (0.75 if night else 0.95):
                contents = rng.choices(("wet", "dirty", "both"), weights=(55, 15, 30))[0]
                nappy_at = cursor + dt.timedelta(minutes=2)
                response = self._response(70, 25, 5)
                events.append(
                    self._event(
                        Kind.NAPPY, carer, nappy_at, None, response=response, details={"contents": contents}
                    )
                )
                cursor += dt.timedelta(minutes=5)
            pump = False
            if not night:
                cursor = self._daytime_care(events, carer, cursor, local, age_days, done[day])
                if day >= next_bath and 17 <= local.hour < 21:
                    cursor = self._bath(events, cursor)
                    next_bath = day + dt.timedelta(days=rng.choice((2, 3)))
                if 9 <= local.hour < 16 and "pump" not in done[day]:
                    done[day].add("pump")
                    pump = rng.random() < 0.5
            awake = (
                rng.randint(5, 15) if night else round(min(20 + age_days * 0.6, 120) * rng.uniform(0.7, 1.3))
            )
            awake_end = max(cursor, feed_end + dt.timedelta(minutes=awake))
            # Feeds come every 2–4 hours; an older baby's night gaps may stretch a little further.
            longest = 5.0 if night and age_days >= 84 else 4.0 if night else 3.5
            hours = rng.uniform(2.5 if night else 2.0, longest)
            next_feed = max(moment + dt.timedelta(hours=hours), awake_end + dt.timedelta(minutes=25))
            next_feed = next_feed.replace(second=0, microsecond=0)
            cycles.append(_Cycle(self.child, carer, local, moment, awake_end, next_feed, pump, events))
            moment = next_feed
        return cycles

    def _feed(self, carer: str, start: dt.datetime, age_days: int, night: bool) -> PlannedEvent:
        rng = self.rng
        response = self._response(75, 20, 5)
        if carer == ALEX and rng.random() < (0.85 if night else 0.7):
            side = rng.choice(("left", "right", "both"))
            details: dict[str, Any] = {"method": "breast", "side": side}
            return self._event(
                Kind.FEED, carer, start, rng.randint(15, 40), response=response, details=details
            )
        method = "expressed" if rng.random() < 0.45 else "formula"
        usual = 60 + age_days * 1.5
        amount = int(max(60, min(180, round(usual * rng.uniform(0.85, 1.15) / 10) * 10)))
        details = {"method": method, "amount_ml": amount}
        return self._event(Kind.FEED, carer, start, rng.randint(10, 25), response=response, details=details)

    def _daytime_care(
        self,
        events: list[PlannedEvent],
        carer: str,
        cursor: dt.datetime,
        local: dt.datetime,
        age_days: int,
        done_today: set[str],
    ) -> dt.datetime:
        """Medicine, play, skin-to-skin and notes in the awake time after a daytime feed; returns its end."""
        rng = self.rng
        parent = carer if carer != PAT else ALEX
        if "medicine" not in done_today:
            done_today.add("medicine")
            if rng.random() < 0.6:
                details = {"name": "Vitamin D", "dose": "1 drop"}
                events.append(self._event(Kind.MEDICINE, parent, cursor, None, details=details))
        if 8 <= local.hour < 20 and rng.random() < 0.45:
            activities = ["talking", "reading", "massage"]
            if age_days >= 7:
                activities.append("tummy_time")
            if age_days >= 14 and local.hour < 17:
                activities.append("walk")
            activity = rng.choice(activities)
            minutes = rng.randint(30, 60) if activity == "walk" else rng.randint(5, 15)
            response = self._response(45, 45, 10) if activity == "tummy_time" else self._response(80, 17, 3)
            details = {"activity": activity}
            events.append(self._event(Kind.PLAY, carer, cursor, minutes, response=response, details=details))
            cursor += dt.timedelta(minutes=minutes + 3)
        if carer != PAT and rng.random() < (0.25 if age_days < 28 else 0.1):
            minutes = rng.randint(20, 60)
            response = rng.choice(("calm", "calm", "settled"))
            events.append(self._event(Kind.SKIN_TO_SKIN, carer, cursor, minutes, response=response))
            cursor += dt.timedelta(minutes=minutes + 3)
        if local.hour >= 19 and "note" not in done_today:
            done_today.add("note")
            milestone = FIRST_SMILE[1] if age_days == FIRST_SMILE[0] else ""
            if milestone or rng.random() < 0.1:
                text = milestone or rng.choice(NOTES)
                events.append(self._event(Kind.NOTE, rng.choice((ALEX, SAM)), cursor, None, note=text))
        return cursor

    def _bath(self, events: list[PlannedEvent], cursor: dt.datetime) -> dt.datetime:
        bather = SAM if self.rng.random() < 0.7 else ALEX
        minutes = self.rng.randint(10, 20)
        response = self._response(60, 25, 15)
        events.append(self._event(Kind.BATH, bather, cursor, minutes, response=response))
        return cursor + dt.timedelta(minutes=minutes + 5)

    # -- pass 2: each day's crying, most of it in the evening --

    def _spread_crying(self, cycles: list[_Cycle]) -> None:
        rng = self.rng
        days: dict[dt.date, list[_Cycle]] = defaultdict(list)
        for cycle in cycles:
            days[cycle.local.date()].append(cycle)
        for day, todays in days.items():
            age_weeks = ((day - self.birth_date).days + 0.5) / 7
            covered = sum((c.next_feed - c.feed_start).total_seconds() for c in todays) / 86400
            budget = demo_crying_minutes(age_weeks) * rng.uniform(0.9, 1.1) * min(1.0, covered)
            episodes = max(1, min(len(todays), round(budget / rng.uniform(25, 45))))
            pool = list(todays)
            weights = [
                3.0 if 17 <= c.local.hour < 23 else 0.6 if is_night(c.local.time()) else 1.2 for c in pool
            ]
            chosen = []
            for _ in range(episodes):
                pick = rng.choices(range(len(pool)), weights=weights)[0]
                chosen.append(pool.pop(pick))
                weights.pop(pick)
            shares = [rng.uniform(0.5, 1.5) for _ in chosen]
            carry = 0.0
            for cycle, share in zip(chosen, shares, strict=True):
                wanted = budget * share / sum(shares) + carry
                room = int((cycle.next_feed - cycle.awake_end).total_seconds() // 60) - 15
                cycle.cry_minutes = max(0, min(round(wanted), room))
                carry = wanted - cycle.cry_minutes

    # -- pass 3: crying episodes and the sleep that follows --

    def _settle_and_sleep(self, cycle: _Cycle) -> list[PlannedEvent]:
        rng = self.rng
        events: list[PlannedEvent] = []
        settler = cycle.carer
        start = cycle.awake_end
        if cycle.cry_minutes:
            parts = [(settler, cycle.cry_minutes)]
            other = SAM if settler in (ALEX, PAT) else ALEX
            evening_or_weekend = cycle.local.hour >= 18 or cycle.local.weekday() >= 5
            if cycle.cry_minutes >= 30 and evening_or_weekend and rng.random() < 0.3:
                first = rng.randint(10, cycle.cry_minutes - 10)
                parts = [(settler, first), (other, cycle.cry_minutes - first)]
            for number, (person, minutes) in enumerate(parts):
                handed_over = number < len(parts) - 1
                events.append(self._settle(person, start, minutes, handed_over))
                start += dt.timedelta(minutes=minutes)
                settler = person
        sleep_start = start + dt.timedelta(minutes=rng.randint(0, 3))
        sleep_end = cycle.next_feed - dt.timedelta(minutes=rng.randint(0, 8))
        minutes = int((sleep_end - sleep_start).total_seconds() // 60)
        if minutes < 10:
            return events
        if is_night(cycle.local.time()) or is_night((cycle.local + dt.timedelta(hours=1)).time()):
            place = "cot"
        else:
            places = ("cot", "moses_basket", "pram", "carrier", "arms", "car_seat")
            place = rng.choices(places, weights=(60, 10, 12, 10, 5, 3))[0]
        if rng.random() < 0.3:
            extra: dict[str, Any] = {"response": "settled", "settled_after_minutes": rng.randint(2, 20)}
        else:
            extra = {"response": rng.choice(("calm", "calm", ""))}
        events.append(
            self._event(Kind.SLEEP, settler, sleep_start, minutes, details={"place": place}, **extra)
        )
        if cycle.pump and minutes >= 40:
            pumped = round(rng.randint(60, 150) / 10) * 10
            details = {"amount_ml": pumped}
            events.append(
                self._event(Kind.PUMPING, ALEX, sleep_start + dt.timedelta(minutes=10), 20, details=details)
            )
        return events

    def _settle(self, person: str, start: dt.datetime, minutes: int, handed_over: bool) -> PlannedEvent:
        rng = self.rng
        techniques = list(SETTLE_TECHNIQUES)
        weights = [
            5 if t in ("holding", "rocking", "walking", "white_noise", "feeding") else 2 for t in techniques
        ]
        tried = list(dict.fromkeys(rng.choices(techniques, weights=weights, k=rng.randint(1, 4))))
        if minutes >= 40 and "put_down" not in tried and rng.random() < 0.3:
            tried.append("put_down")
        extra: dict[str, Any]
        if handed_over:
            outcome, extra = "handed_over", {"response": "crying"}
        elif rng.random() < 0.05:
            outcome, extra = "still_crying", {"response": "crying"}
        else:
            outcome = rng.choice(("settled", "asleep"))
            extra = {"response": "settled", "settled_after_minutes": min(minutes, 600)}
        details = {"tried": tried, "outcome": outcome}
        return self._event(Kind.SETTLE, person, start, minutes, details=details, **extra)


def _cut_at(event: PlannedEvent, end: dt.datetime) -> PlannedEvent:
    settled = event.settled_after_minutes
    if settled is not None and event.kind == Kind.SETTLE:
        settled = int((end - event.start).total_seconds() // 60)
    return dataclasses.replace(event, end=end, settled_after_minutes=settled)
