"""Plan who is on duty when, so that the shortest protected block of sleep is as long as it can be.

Pure and deterministic: the same request and pattern always give the same plan. The search tries every way
to cut the night into at most MAX_SHIFTS shifts on the GRID and keeps the best by, in order: the shortest
parent's protected block, the most of the night left to a helper, the fairness preference, fewer handovers,
earlier splits, the order people were given in.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from twofold.insights.periods import Night
from twofold.nights import explain
from twofold.nights.evidence import FEED_FREE, GRID, MAX_SHIFTS
from twofold.nights.learn import NightPattern
from twofold.nights.plans import Block, Clock, Fairness, Feeding, Person, Plan, PlanRequest, Shift


@dataclass(frozen=True)
class Grid:
    """The night cut into GRID cells, with the pattern's expected wakings and feeds in each."""

    edges: tuple[dt.datetime, ...]
    wakes: tuple[float, ...]
    feeds: tuple[float, ...]

    @property
    def cells(self) -> int:
        return len(self.edges) - 1

    def sum(self, values: Sequence[float], lo: int, hi: int) -> float:
        return round(math.fsum(values[lo:hi]), 9)


def make_grid(
    night: Night, zone: ZoneInfo, pattern: NightPattern, extra: Collection[dt.datetime] = ()
) -> Grid:
    # Edges step in UTC from the night's start, so a DST night has 32 or 40 cells, as lived. A hand-made
    # plan adds its own handovers (`extra`), which need not fall on the quarter hour.
    edges: list[dt.datetime] = []
    moment = night.start
    while moment < night.end:
        edges.append(moment)
        moment += GRID
    edges.append(night.end)
    edges = sorted(set(edges) | {e for e in extra if night.start < e < night.end})
    per_wake, per_feed = pattern.per_minute(night.start, night.end, zone)
    starts = [int((e - night.start).total_seconds() // 60) for e in edges]
    # Rounded so that thirty thirtieths of a feed count as one feed, not 0.999…, at FEED_FREE's edge.
    wakes = tuple(round(math.fsum(per_wake[a:b]), 9) for a, b in itertools.pairwise(starts))
    feeds = tuple(round(math.fsum(per_feed[a:b]), 9) for a, b in itertools.pairwise(starts))
    return Grid(tuple(edges), wakes, feeds)


def moment_in(clock: Clock, night: Night, zone: ZoneInfo) -> dt.datetime:
    """A clock time (or an exact datetime) placed in this night, in UTC."""
    if isinstance(clock, dt.datetime):
        return clock.astimezone(dt.UTC)
    local_start = night.start.astimezone(zone)
    day = local_start.date() + dt.timedelta(days=1 if clock < local_start.time() else 0)
    # Each local edge is converted on its own, as periods.night_of does, so DST nights stay right. A time
    # the clock shows twice (autumn) is its first showing; one it skips (spring) is the moment it jumps.
    local = dt.datetime.combine(day, clock, tzinfo=zone)
    instant = local.astimezone(dt.UTC)
    if instant.astimezone(zone).replace(tzinfo=None) == local.replace(tzinfo=None):
        return instant
    return _jump_after(local.replace(fold=1).astimezone(dt.UTC), zone)


def _jump_after(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """The first minute from `moment` at which the clock has jumped forward."""
    offset = moment.astimezone(zone).utcoffset()
    while moment.astimezone(zone).utcoffset() == offset:
        moment += dt.timedelta(minutes=1)
    return moment


def _cells_between(grid: Grid, night: Night, zone: ZoneInfo, lo: Clock | None, hi: Clock | None) -> range:
    start = night.start if lo is None else moment_in(lo, night, zone)
    end = night.end if hi is None else moment_in(hi, night, zone)
    cells = [i for i in range(grid.cells) if start <= grid.edges[i] and grid.edges[i + 1] <= end]
    return range(cells[0], cells[-1] + 1) if cells else range(0)


def available_cells(person: Person, grid: Grid, night: Night, zone: ZoneInfo) -> range:
    """The cells this person can be on duty in: one run, since availability is one stretch."""
    return _cells_between(grid, night, zone, person.available_from, person.available_until)


def sleep_cells(person: Person, grid: Grid, night: Night, zone: ZoneInfo) -> range:
    """The cells a parent would be asleep in anyway: from their usual bedtime to their latest wake-up."""
    return _cells_between(grid, night, zone, person.sleep_from, person.sleep_until)


Segment = tuple[Person, int, int]  # who, first cell, cell after the last
# Compared as a whole, larger is better: shortest block, parents' duty, fairness, fewer shifts, then ties.
Score = tuple[dt.timedelta, float, float, int, tuple[int, ...], tuple[int, ...]]


def _shifts(segments: Sequence[Segment], grid: Grid) -> tuple[Shift, ...]:
    """Each segment as a shift, with the wakings and feeds the pattern expects in it."""
    return tuple(
        Shift(
            who.member_id,
            grid.edges[lo],
            grid.edges[hi],
            grid.sum(grid.wakes, lo, hi),
            grid.sum(grid.feeds, lo, hi),
        )
        for who, lo, hi in segments
    )


def _longest_feed_free(grid: Grid, lo: int, hi: int) -> tuple[int, int]:
    """Longest run of cells in [lo, hi) where the pattern expects less than FEED_FREE feeds."""
    best = (lo, lo)
    left = lo
    for right in range(lo, hi):
        # Summed afresh each time rather than kept as a running total, which drifts past FEED_FREE.
        while left <= right and grid.sum(grid.feeds, left, right + 1) >= FEED_FREE:
            left += 1
        if grid.edges[right + 1] - grid.edges[left] > grid.edges[best[1]] - grid.edges[best[0]]:
            best = (left, right + 1)
    return best


def protected_block(
    person: Person,
    segments: Sequence[Segment],
    grid: Grid,
    feeder: Person | None,
    asleep: range | None = None,
) -> Block:
    """The longest stretch a parent is off duty (inside `asleep`, their own sleep window, when given),
    and for the breastfeeding parent also feed-free. A parent may have several shifts (a hand-made plan)."""
    window = (0, grid.cells) if asleep is None else (asleep.start, asleep.stop)
    off: list[tuple[int, int]] = []
    cursor = window[0]
    for lo, hi in sorted((lo, hi) for who, lo, hi in segments if who.member_id == person.member_id):
        off.append((cursor, max(cursor, min(lo, window[1]))))
        cursor = max(cursor, hi)
    off.append((min(cursor, window[1]), window[1]))
    if feeder is not None and feeder.member_id == person.member_id:
        off = [_longest_feed_free(grid, lo, hi) for lo, hi in off]
    lo, hi = max(off, key=lambda r: (grid.edges[r[1]] - grid.edges[r[0]], -r[0]))
    return Block(person.member_id, grid.edges[lo], grid.edges[hi])


def _on_duty(request: PlanRequest) -> list[Person]:
    people = [p for p in request.people if p.is_parent or request.helper_night]
    if request.fairness is Fairness.ALTERNATE:
        turn = request.turn if request.turn is not None else request.parents[0].member_id
        people = [p for p in people if not p.is_parent or p.member_id == turn]
    return people


def _candidates(request: PlanRequest, grid: Grid) -> Iterator[tuple[Segment, ...]]:
    people = _on_duty(request)
    reach = {p.member_id: available_cells(p, grid, request.night, request.zone) for p in people}
    for count in range(1, min(MAX_SHIFTS, len(people)) + 1):
        for order in itertools.permutations(people, count):
            # Whoever is last hands the baby over to the morning: not a parent with a work morning.
            if order[-1].work_morning:
                continue
            for splits in itertools.combinations(range(1, grid.cells), count - 1):
                edges = (0, *splits, grid.cells)
                segments = tuple((who, edges[i], edges[i + 1]) for i, who in enumerate(order))
                if all(lo in reach[w.member_id] and hi - 1 in reach[w.member_id] for w, lo, hi in segments):
                    yield segments


def _score(request: PlanRequest, grid: Grid, segments: tuple[Segment, ...], blocks: Sequence[Block]) -> Score:
    shortest = min(b.length for b in blocks)
    # "Split evenly" means the parents' hours on duty, not their blocks: evening out blocks would hand
    # one parent a 15-minute shift whenever a helper already protects them both.
    duty = {p.member_id: 0.0 for p in request.parents}
    for who, lo, hi in segments:
        if who.member_id in duty:
            duty[who.member_id] += (grid.edges[hi] - grid.edges[lo]).total_seconds()
    fairness = -(max(duty.values()) - min(duty.values()))
    # A helper's night means the helper takes all the night they offered, before parents share the rest.
    parents_duty = -sum(duty.values())
    if request.fairness is Fairness.PROTECT_LOWER:
        known = [p for p in request.parents if p.recent_sleep is not None]
        if known:
            tired = min(known, key=lambda p: p.recent_sleep or dt.timedelta(0))
            fairness = next(b.length for b in blocks if b.member_id == tired.member_id).total_seconds()
    splits = tuple(-hi for _, _, hi in segments[:-1])
    order = tuple(-request.people.index(who) for who, _, _ in segments)
    return (shortest, parents_duty, fairness, -len(segments), splits, order)


def plan_night(request: PlanRequest, pattern: NightPattern) -> Plan:
    """The plan that maximises the shortest protected block, or an explained infeasible one."""
    grid = make_grid(request.night, request.zone, pattern)
    feeder = request.feeder
    if request.feeding is Feeding.BREAST and feeder is None:
        return explain.infeasible(request, [explain.NO_FEEDER])
    best: Score | None = None
    chosen: tuple[tuple[Segment, ...], tuple[Block, ...]] | None = None
    asleep = {p.member_id: sleep_cells(p, grid, request.night, request.zone) for p in request.parents}
    for segments in _candidates(request, grid):
        blocks = tuple(
            protected_block(p, segments, grid, feeder, asleep[p.member_id]) for p in request.parents
        )
        score = _score(request, grid, segments, blocks)
        if best is None or score > best:
            best, chosen = score, (segments, blocks)
    if chosen is None:
        people = _on_duty(request)
        reach = {p.member_id: available_cells(p, grid, request.night, request.zone) for p in people}
        return explain.infeasible(request, explain.why_infeasible(request, grid.edges, people, reach))
    segments, blocks = chosen
    shifts = _shifts(segments, grid)
    return explain.feasible(request, pattern, shifts, blocks)


def evaluate(
    request: PlanRequest, pattern: NightPattern, duty: Sequence[tuple[int, dt.datetime, dt.datetime]]
) -> Plan:
    """A plan from shifts the parents set by hand, worked out as the planner's own are: each protected
    block, the wakings expected in each shift, the same words, and any stretch nobody covers named.

    `duty` is (member id, start, end) with every member in request.people, already checked not to
    overlap and to lie inside the night (see nights.edits).
    """
    duty = sorted(duty, key=lambda d: d[1])
    grid = make_grid(request.night, request.zone, pattern, [t for _, a, b in duty for t in (a, b)])
    at = {edge: i for i, edge in enumerate(grid.edges)}
    people = {p.member_id: p for p in request.people}
    segments = tuple((people[m], at[a], at[b]) for m, a, b in duty)
    feeder = request.feeder
    blocks = tuple(
        protected_block(p, segments, grid, feeder, sleep_cells(p, grid, request.night, request.zone))
        for p in request.parents
    )
    shifts = _shifts(segments, grid)
    gaps = explain.uncovered(request, [(s.start, s.end) for s in shifts])
    plan = explain.feasible(request, pattern, shifts, blocks, by_hand=True)
    return replace(plan, unmet=(*gaps, *plan.unmet))


def plan_week(
    request: PlanRequest,
    pattern: NightPattern,
    nights: Sequence[Night],
    *,
    helper_nights: Collection[dt.date] = (),
) -> tuple[Plan, ...]:
    """One plan per night. ALTERNATE hands the night on to each parent in turn, starting with
    request.turn; EVEN rotates who is offered the first shift, so early and late shifts swap too."""
    parents = [p.member_id for p in request.parents]
    first = parents.index(request.turn) if request.turn in parents else 0
    plans = []
    for i, night in enumerate(nights):
        people = request.people
        if request.fairness is Fairness.EVEN:
            # Rotate the parents only: a helper in the list would skew whose turn the first shift is.
            rota = request.parents[i % len(parents) :] + request.parents[: i % len(parents)]
            people = rota + tuple(p for p in request.people if not p.is_parent)
        plans.append(
            plan_night(
                replace(
                    request,
                    night=night,
                    people=people,
                    turn=parents[(first + i) % len(parents)],
                    helper_night=request.helper_night or night.of in helper_nights,
                ),
                pattern,
            )
        )
    return tuple(plans)
