"""Plan who is on duty when, so that each parent gets as much of the protected block they aim for as the
night allows.

Pure and deterministic: the same request and pattern always give the same plan. This module lays the night
on the GRID and works out protected blocks; nights.search tries every way to share it and says the
objective.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from twofold.insights.periods import Night
from twofold.nights import explain, search
from twofold.nights.evidence import FEED_FREE, GRID
from twofold.nights.learn import NightPattern
from twofold.nights.plans import Block, Clock, Fairness, Feeding, Person, Plan, PlanRequest, Shift
from twofold.nights.search import Segment


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


def night_tables(request: PlanRequest, grid: Grid, people: Sequence[Person]) -> search.NightTables:
    """The tables the search scores every candidate of this night against."""
    night, zone = request.night, request.zone
    seconds = tuple(int((edge - night.start).total_seconds()) for edge in grid.edges)
    feeder = request.feeder
    free_from = search.feed_free_starts(grid.feeds)
    blocks = tuple(
        search.block_table(
            seconds,
            sleep_cells(p, grid, night, zone),
            free_from if feeder is not None and feeder.member_id == p.member_id else None,
        )
        for p in request.parents
    )
    tired = None
    if request.fairness is Fairness.PROTECT_LOWER:
        known = [p for p in request.parents if p.recent_sleep is not None]
        if known:
            tired = request.parents.index(min(known, key=lambda p: p.recent_sleep or dt.timedelta(0)))
    return search.NightTables(
        seconds=seconds,
        reach={p.member_id: available_cells(p, grid, night, zone) for p in people},
        blocks=blocks,
        aims=tuple(max(1, int(p.min_block.total_seconds())) for p in request.parents),
        tired=tired,
    )


def plan_night(request: PlanRequest, pattern: NightPattern) -> Plan:
    """The best plan by the search's objective (nights.search), or an explained infeasible one."""
    grid = make_grid(request.night, request.zone, pattern)
    feeder = request.feeder
    if request.feeding is Feeding.BREAST and feeder is None:
        return explain.infeasible(request, [explain.NO_FEEDER])
    people = _on_duty(request)
    tables = night_tables(request, grid, people)
    segments = search.best_plan(request, people, tables)
    if segments is None:
        return explain.infeasible(request, explain.why_infeasible(request, grid.edges, people, tables.reach))
    blocks = tuple(
        protected_block(p, segments, grid, feeder, sleep_cells(p, grid, request.night, request.zone))
        for p in request.parents
    )
    return explain.feasible(request, pattern, _shifts(segments, grid), blocks)


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
