"""The planner's search: every way to cut one night into at most MAX_SHIFTS shifts on the grid, scored.

A person may take more than one shift (Sam–Alex–Sam), never two in a row: that would be one shift. The
objective, in order (larger is better):

1. the smallest share of their own aim any parent gets (protected block ÷ the block they aim for), so a
   plan meets every parent's aim whenever some plan can, and otherwise brings whoever is furthest from
   their aim as close to it as it can;
2. the most of the night left to a helper (a helper's night means the helper takes all the night offered);
3. the sharing preference: parents' hours on duty as even as possible, or the longest block for whoever
   has slept least lately;
4. fewer handovers, then earlier handovers, then the order people were given in.

Every candidate's blocks come from tables made once per night, so scoring one is a few lookups; a first
shift whose best case cannot match the best plan so far is not searched further.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from twofold.nights.evidence import FEED_FREE, MAX_SHIFTS
from twofold.nights.plans import Fairness, Person, PlanRequest

Segment = tuple[Person, int, int]  # who, first cell, cell after the last
# Compared as a whole, larger is better: share of aim, parents' duty, fairness, fewer shifts, then ties.
Score = tuple[float, int, int, int, tuple[int, ...], tuple[int, ...]]
# For each parent, the stretches off duty as pairs of indexes into a candidate's boundaries.
OffDuty = tuple[tuple[tuple[int, int], ...], ...]


@dataclass(frozen=True)
class NightTables:
    """What every candidate of one night is scored against, worked out once.

    `seconds[i]` is how far edge i is into the night. `blocks[k][a][b]` is the longest protected block
    parent k could have (in seconds) if off duty for cells [a, b): clipped to their own sleep window and,
    for the breastfeeding parent, free of expected feeds, as `planner.protected_block` finds it.
    """

    seconds: tuple[int, ...]
    reach: dict[int, range]
    blocks: tuple[tuple[tuple[int, ...], ...], ...]
    aims: tuple[int, ...]
    tired: int | None  # index of the parent PROTECT_LOWER favours

    @property
    def cells(self) -> int:
        return len(self.seconds) - 1


def feed_free_starts(feeds: Sequence[float]) -> tuple[int, ...]:
    """For each edge h, the earliest edge l such that the feeds expected in [l, h) are under FEED_FREE.

    Sums are taken afresh (math.fsum, rounded as the grid rounds them) so the edge falls exactly where
    the planner's own check puts it; the earliest start only moves forward as h does.
    """
    starts = [0]
    left = 0
    for h in range(1, len(feeds) + 1):
        while left < h and round(math.fsum(feeds[left:h]), 9) >= FEED_FREE:
            left += 1
        starts.append(left)
    return tuple(starts)


def block_table(
    seconds: Sequence[int], asleep: range, free_from: Sequence[int] | None
) -> tuple[tuple[int, ...], ...]:
    """table[a][b]: the longest protected block inside cells [a, b), clipped to `asleep`; with
    `free_from` (the breastfeeding parent) only stretches free of expected feeds count."""
    n = len(seconds) - 1
    first, last = (asleep.start, asleep.stop) if asleep else (0, 0)
    ends = [min(b, last) for b in range(n + 1)]
    rows = []
    for a in range(n + 1):
        lo = max(a, first)
        if free_from is None:
            start = seconds[lo]
            rows.append(tuple(seconds[hi] - start if hi > lo else 0 for hi in ends))
            continue
        longest = [0] * (n + 1)
        for hi in range(lo + 1, n + 1):
            longest[hi] = max(longest[hi - 1], seconds[hi] - seconds[max(lo, free_from[hi])])
        rows.append(tuple(longest[hi] if hi > lo else 0 for hi in ends))
    return tuple(rows)


def orders(request: PlanRequest, people: Sequence[Person]) -> Iterator[tuple[Person, ...]]:
    """Who takes the shifts, in turn: up to MAX_SHIFTS, nobody twice in a row, and whoever is last hands
    the baby over to the morning, so never a parent with a work morning."""
    for count in range(1, MAX_SHIFTS + 1):
        for order in itertools.product(people, repeat=count):
            if any(a.member_id == b.member_id for a, b in itertools.pairwise(order)):
                continue
            if order[-1].work_morning:
                continue
            yield order


def off_duty(order: Sequence[Person], parents: Sequence[Person]) -> OffDuty:
    """For each parent, the runs of shifts they are not on, as (first boundary, last boundary)."""
    result = []
    for parent in parents:
        runs: list[tuple[int, int]] = []
        for i, who in enumerate(order):
            if who.member_id == parent.member_id:
                continue
            if runs and runs[-1][1] == i:
                runs[-1] = (runs[-1][0], i + 1)
            else:
                runs.append((i, i + 1))
        result.append(tuple(runs))
    return tuple(result)


def best_plan(
    request: PlanRequest, people: Sequence[Person], tables: NightTables
) -> tuple[Segment, ...] | None:
    """The highest-scoring way to share the night, or None when no way fits everyone's free times."""
    best: Score | None = None
    chosen: tuple[Segment, ...] | None = None
    parents = request.parents
    for order in orders(request, people):
        search = _OrderSearch(request, order, off_duty(order, parents), tables)
        # The share of aim comes first in the score, and is cheap: the whole score is worked out only
        # for a candidate whose share is at least the best so far.
        for bounds, share in search.candidates(-1.0 if best is None else best[0]):
            if best is not None and share < best[0]:
                continue
            score = search.score(bounds, share)
            if best is None or score > best:
                best = score
                chosen = tuple((who, bounds[i], bounds[i + 1]) for i, who in enumerate(order))
    return chosen


class _OrderSearch:
    """The candidates of one order of people: where the handovers fall, and how each scores."""

    def __init__(self, request: PlanRequest, order: Sequence[Person], off: OffDuty, tables: NightTables):
        self.order = order
        self.off = off
        self.tables = tables
        self.fairness = request.fairness
        parent_ids = [p.member_id for p in request.parents]
        self.duty_index = [parent_ids.index(w.member_id) if w.is_parent else -1 for w in order]
        self.tie = (-len(order), tuple(-request.people.index(who) for who in order))

    def candidates(self, floor: float) -> Iterator[tuple[tuple[int, ...], float]]:
        """Every way to place the handovers inside each person's free time, with its share of aim; a
        first handover whose best case is already below `floor` is skipped."""
        n = self.tables.cells
        reach = [self.tables.reach[who.member_id] for who in self.order]
        if not all(reach) or reach[0].start > 0 or reach[-1].stop < n:
            return
        if len(self.order) == 1:
            yield (0, n), self.share((0, n))
            return
        first = range(max(1, reach[1].start), min(reach[0].stop, n - len(self.order) + 1) + 1)
        if len(self.order) == 2:
            for split in first:
                yield (0, split, n), self.share((0, split, n))
            return
        for one in first:
            two = range(max(one + 1, reach[2].start), min(reach[1].stop, n - 1) + 1)
            if not two or self._at_most(one, two) < floor:
                continue
            shares = self._shares(one, two)
            top = max(shares)
            if top < floor:
                continue
            for other, share in zip(two, shares, strict=True):
                if share >= floor:
                    yield (0, one, other, n), share

    def share(self, bounds: tuple[int, ...]) -> float:
        """The smallest share of their own aim that any parent's protected block is."""
        return min(
            max((table[bounds[i]][bounds[j]] for i, j in runs), default=0) / aim
            for runs, table, aim in zip(self.off, self.tables.blocks, self.tables.aims, strict=True)
        )

    def _shares(self, one: int, two: range) -> list[float]:
        """`share` for every second handover in `two` after a first at `one`, a column at a time: each
        parent's block is the longest of the stretches that do not move with the second handover and
        the one that does."""
        n = self.tables.cells
        columns = []
        for runs, table, aim in zip(self.off, self.tables.blocks, self.tables.aims, strict=True):
            bounds = (0, one, 0, n)
            fixed = max((table[bounds[i]][bounds[j]] for i, j in runs if 2 not in (i, j)), default=0)
            moving = [(i, j) for i, j in runs if 2 in (i, j)]
            if not moving:
                columns.append([fixed / aim] * len(two))
                continue
            (i, j) = moving[0]
            if j == 2:  # the stretch ends at the second handover
                row = table[bounds[i]]
                columns.append([max(fixed, row[other]) / aim for other in two])
            else:  # it starts there
                columns.append([max(fixed, table[other][bounds[j]]) / aim for other in two])
        return list(map(min, *columns)) if len(columns) > 1 else columns[0]

    def _at_most(self, one: int, two: range) -> float:
        """The best share of aim any second handover in `two` could give, after a first at `one`: a
        stretch off duty is longest when the handover it starts at is earliest and the one it ends at
        latest."""
        n = self.tables.cells
        early, late = (0, one, two.start, n), (0, one, two.stop - 1, n)
        return min(
            max((table[early[i]][late[j]] for i, j in runs), default=0) / aim
            for runs, table, aim in zip(self.off, self.tables.blocks, self.tables.aims, strict=True)
        )

    def score(self, bounds: tuple[int, ...], share: float) -> Score:
        tables = self.tables
        duty = [0] * len(tables.aims)
        for i, index in enumerate(self.duty_index):
            if index >= 0:
                duty[index] += tables.seconds[bounds[i + 1]] - tables.seconds[bounds[i]]
        # "Split evenly" means the parents' hours on duty, not their blocks: evening out blocks would hand
        # one parent a 15-minute shift whenever a helper already protects them both.
        fairness = -(max(duty) - min(duty))
        if self.fairness is Fairness.PROTECT_LOWER and tables.tired is not None:
            runs, table = self.off[tables.tired], tables.blocks[tables.tired]
            fairness = max((table[bounds[i]][bounds[j]] for i, j in runs), default=0)
        splits = tuple(-b for b in bounds[1:-1])
        return (share, -sum(duty), fairness, self.tie[0], splits, self.tie[1])
