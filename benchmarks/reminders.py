"""One reminders worker pass over many households, as time and queries, and whether a household's cost grows
with the length of its log.

Usage: `.venv/bin/python benchmarks/reminders.py [--households 10000] [--long 50] [--rounds 5]`. Builds, on
the benchmark database (SQLite unless DATABASE_URL is set): `--households` households with 3 days of log each
(a feed every 3 h and a nappy after it), and `--long` households each with 14 days and with a year of that
log. Prints:
- a whole pass (twofold worker's minute) over every household: median time and queries;
- one batch of `--long` short-log households (the baseline) against one batch of as many year-log households,
  and as many with 14 days (as far back as a pass reads), as ratios: a year against 14 days near 1.0 means a
  household's cost does not grow with the length of its log.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.run import _setup  # noqa: E402

NOW = dt.datetime(2026, 12, 6, 3, 0, tzinfo=dt.UTC)


def build(count: int, days: int) -> list[int]:
    from twofold.care.models import CareEvent, Kind
    from twofold.households.models import Child, Household, Member

    households = Household.objects.bulk_create([Household(name=f"H{n}") for n in range(count)])
    members = Member.objects.bulk_create([Member(household=h, display_name="Alex") for h in households])
    children = Child.objects.bulk_create(
        [Child(household=h, name="Ada", birth_date=dt.date(2026, 6, 1)) for h in households]
    )
    events = []
    for household, member, child in zip(households, members, children, strict=True):
        for step in range(days * 8):
            start = NOW - dt.timedelta(hours=3 * step + 2)
            kind = Kind.FEED if step % 2 == 0 else Kind.NAPPY
            events.append(
                CareEvent(
                    household=household, child=child, kind=kind, by=member, logged_by=member, start=start
                )
            )
            if len(events) >= 20_000:
                CareEvent.objects.bulk_create(events)
                events = []
    CareEvent.objects.bulk_create(events)
    return [h.pk for h in households]


def timed_pass(action: Callable[[], object]) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        action()
        took = time.perf_counter() - started
    return took, len(queries.captured_queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=10_000)
    parser.add_argument("--long", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    _setup(1)

    from twofold.households.models import Household
    from twofold.reminders import sweep

    started = time.perf_counter()
    short = build(args.households, 3)
    fortnight = build(args.long, 14)
    long = build(args.long, 365)
    print(f"built {args.households} + {args.long} households: {time.perf_counter() - started:.1f} s")
    short_batch = list(Household.objects.filter(pk__in=short[: args.long]))
    fortnight_batch = list(Household.objects.filter(pk__in=fortnight))
    long_batch = list(Household.objects.filter(pk__in=long))

    whole, base, weeks, year = [], [], [], []
    for _ in range(args.rounds):
        whole.append(timed_pass(lambda: sweep.sweep(NOW)))
        base.append(timed_pass(lambda: sweep._sweep_batch(short_batch, NOW)))
        weeks.append(timed_pass(lambda: sweep._sweep_batch(fortnight_batch, NOW)))
        year.append(timed_pass(lambda: sweep._sweep_batch(long_batch, NOW)))
    total = Household.objects.count()
    pass_time = statistics.median(t for t, _ in whole)
    print(
        f"whole pass over {total} households: {pass_time * 1000:.0f} ms median "
        f"({pass_time / total * 1e6:.0f} µs a household), {whole[0][1]} queries"
    )
    base_time = statistics.median(t for t, _ in base)
    year_time = statistics.median(t for t, _ in year)
    weeks_time = statistics.median(t for t, _ in weeks)
    print(
        f"baseline: a batch of {args.long} households with 3 days of log: {base_time * 1000:.1f} ms, "
        f"{base[0][1]} queries"
    )
    print(
        f"a batch of {args.long} households with a year of log: {year_time * 1000:.1f} ms, "
        f"{year[0][1]} queries; "
        f"ratio {year_time / base_time:.2f} against the baseline"
    )
    print(
        f"a batch of {args.long} households with 14 days of log (all a pass reads): "
        f"{weeks_time * 1000:.1f} ms, "
        f"{weeks[0][1]} queries; ratio {weeks_time / base_time:.2f}; a year against 14 days: "
        f"{year_time / weeks_time:.2f}"
    )


if __name__ == "__main__":
    main()
