"""Baby Buddy's API on Twofold, and Twofold's own events list, as ratios against a bare request.

Usage: `.venv/bin/python benchmarks/babybuddy_api.py [--weeks 4|52] [--rounds 40]` (SQLite), and with
DATABASE_URL for PostgreSQL. Builds the demo with N weeks of log, then times, through Django's request
handler with an app key as Home Assistant sends it, round-robin so drift hits each alike:
  - GET /api/feedings/?limit=100 (Baby Buddy measured 119-150 ms on a year of data: target 5x faster),
  - POST /api/feedings/ (Baby Buddy: 15-28 ms: target 2x faster), and with a `timer` (made untimed),
  - the COUNT behind the feedings list's `count` alone, to see whether it grows with the log,
  - GET /api/v1/events/ (Twofold's own list; the same at 4 and 52 weeks when it reads only its page),
against GET /api/ (the bare request: the API's root, no database). Prints medians in ms and as ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.run import _setup  # noqa: E402  (the page benchmark's database set-up, shared)


def _timed(action: Callable[[], int]) -> tuple[float, float]:
    """Wall-clock and this process's CPU seconds. On a shared, busy machine the CPU time is the steadier
    figure for SQLite, which runs in this process; PostgreSQL's work is in its own, so there read the wall."""
    wall, cpu = time.perf_counter(), time.process_time()
    status = action()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    if status >= 400:
        raise SystemExit(f"benchmark request failed with status {status}")
    return wall, cpu


BABY_BUDDY_MS = {
    "GET /api/feedings/?limit=100": (119, 150),
    "POST /api/feedings/": (15, 28),
    "POST /api/feedings/ (timer)": (15, 28),
}
TARGETS = {"GET /api/feedings/?limit=100": 5, "POST /api/feedings/": 2, "POST /api/feedings/ (timer)": 2}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    _setup(args.weeks)

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.utils import timezone
    from knox.models import get_token_model
    from rest_framework.test import APIClient

    from twofold.babybuddy.models import Timer
    from twofold.babybuddy.resources import RESOURCES
    from twofold.babybuddy.selectors import entries
    from twofold.care.models import CareEvent
    from twofold.households.models import Member

    user = get_user_model().objects.get(username="alex@demo.twofold")
    member = Member.objects.get(user=user)
    child = member.household.children.first()
    if child is None:
        raise SystemExit("The demo household has no child: the benchmark logs feeds for one.")
    _, key = get_token_model().objects.create(  # type: ignore[no-untyped-call]
        user=user, name="benchmark", expiry=None
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    events = CareEvent.objects.filter(household=member.household)
    print(f"log size: {events.count()} events, {events.filter(kind='feed').count()} feeds")

    made: list[int] = []

    def get(url: str) -> Callable[[], int]:
        return lambda: client.get(url).status_code

    def create() -> int:
        end = timezone.localtime(timezone.now(), member.household.zone).replace(tzinfo=None)
        body = {
            "child": child.pk,
            "start": str(end - dt.timedelta(minutes=20)),
            "end": str(end),
            "type": "formula",
            "method": "bottle",
            "amount": 90,
        }
        response = client.post("/api/feedings/", body)
        if response.status_code == 201:
            made.append(response.json()["id"])
        return response.status_code

    timers: list[int] = []

    def from_timer() -> int:
        body = {"timer": timers.pop(), "child": child.pk, "type": "formula", "method": "bottle", "amount": 60}
        response = client.post("/api/feedings/", body)
        if response.status_code == 201:
            made.append(response.json()["id"])
        return response.status_code

    feedings = entries(households=[member.household_id], resource=RESOURCES["feedings"])

    def count() -> int:
        feedings.all().count()
        return 200

    def tidy() -> None:
        """Remove what the timed POSTs logged and start the next round's timer (untimed), so the log stays the
        size it was measured at."""
        CareEvent.objects.filter(pk__in=made).delete()
        made.clear()
        started = timezone.now() - dt.timedelta(minutes=10)
        timers.append(Timer.objects.create(household=member.household, member=member, start=started).pk)

    requests: dict[str, Callable[[], int]] = {
        "baseline: GET /api/": get("/api/"),
        "GET /api/feedings/?limit=100": get("/api/feedings/?limit=100"),
        "POST /api/feedings/": create,
        "POST /api/feedings/ (timer)": from_timer,
        "COUNT of the feedings list": count,
        "GET /api/v1/events/": get("/api/v1/events/"),
        "GET /api/v1/events/?kind=feed": get("/api/v1/events/?kind=feed"),
    }
    tidy()
    for action in requests.values():  # warm caches and connections
        _timed(action)
    tidy()
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in requests}
    for _ in range(args.rounds):
        for name, action in requests.items():
            samples[name].append(_timed(action))
        tidy()

    base = [statistics.median(s[i] for s in samples["baseline: GET /api/"]) for i in (0, 1)]
    print(
        f"{'request':32} {'wall ms':>8} {'ratio':>7} {'cpu ms':>8} {'ratio':>7}  against Baby Buddy's figure"
    )
    for name, times in samples.items():
        wall, cpu = (statistics.median(t[i] for t in times) for i in (0, 1))
        theirs = BABY_BUDDY_MS.get(name)
        against = ""
        if theirs:
            # SQLite runs in this process, so its CPU time is the request's; PostgreSQL's work is not in it.
            fastest = (cpu if connection.vendor == "sqlite" else wall) * 1000
            against = (
                f"{theirs[0]}-{theirs[1]} ms: {theirs[0] / fastest:.1f}-{theirs[1] / fastest:.1f}x faster"
            )
            against += f" (target {TARGETS[name]}x)"
        ratios = f"{wall * 1000:8.2f} {wall / base[0]:7.2f}x {cpu * 1000:8.2f} {cpu / base[1]:7.2f}x"
        print(f"{name:32} {ratios}  {against}")
    print(f"weeks: {args.weeks}; rounds: {args.rounds}; database: {os.environ.get('DATABASE_URL', 'SQLite')}")


if __name__ == "__main__":
    main()
