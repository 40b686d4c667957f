"""Server time of Twofold's busiest pages, as ratios against a minimal logged-in page in the same run.

Usage: `make bench` (or `.venv/bin/python benchmarks/run.py [--weeks 52] [--rounds 40]`).
Builds a fresh SQLite database (or uses DATABASE_URL) with `twofold demo --weeks N`, then times each page
through Django's request handler, round-robin so drift hits every page alike, and prints medians.
Targets: Quick-log POST, Today and History each at most 2x the baseline page (issue 2); the Us page
at most 3x (issue 3).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _setup(weeks: int) -> None:
    data_dir = tempfile.mkdtemp(prefix="twofold-bench-")
    os.environ.setdefault("TWOFOLD_DATA_DIR", data_dir)
    os.environ.setdefault("TWOFOLD_SECRET_KEY", "benchmark-only-secret-key")
    os.environ.setdefault("TWOFOLD_ENCRYPTION_KEYS", "YmVuY2htYXJrLW9ubHktdHdvZm9sZC1zZWFsaW5nLWs=")
    os.environ.setdefault("TWOFOLD_ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("TWOFOLD_SECURE_COOKIES", "false")
    os.environ.setdefault("TWOFOLD_LOGIN_THROTTLING", "false")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twofold.settings")
    import django

    django.setup()
    from django.core.management import call_command

    if "DATABASE_URL" in os.environ:
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("demo", weeks=weeks, seed=1, verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(f"twofold demo --weeks {weeks}: {time.perf_counter() - started:.1f} s")
    from django.db import connection

    # PostgreSQL: fresh tables have no planner statistics until autovacuum comes round; a deployment would
    # have them. (SQLite keeps none unless someone runs ANALYZE by hand, and Twofold never does.)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _timed(action: Callable[[], object]) -> float:
    """Seconds one call takes; a call that answers with an HTTP status of 400 or more ends the run."""
    started = time.perf_counter()
    status = action()
    elapsed = time.perf_counter() - started
    if isinstance(status, int) and status >= 400:
        raise SystemExit(f"benchmark request failed with status {status}")
    return elapsed


def round_robin(actions: Mapping[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """Each action's timings over `rounds` rounds, taken in turn so that drift hits each alike."""
    samples: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(rounds):
        for name, action in actions.items():
            samples[name].append(_timed(action))
    return samples


def rounds_against(pages: dict[str, Callable[[], int]], rounds: int, baseline: str) -> None:
    """Time each page round-robin (so drift hits each alike) and print its median and its ratio to
    `baseline`'s median in the same run."""
    samples = round_robin(pages, rounds)
    base = statistics.median(samples[baseline])
    print(f"{'page':36} {'median ms':>10} {'ratio':>7}")
    for name, times in samples.items():
        median = statistics.median(times)
        print(f"{name:36} {median * 1000:10.2f} {median / base:7.2f}x")
    print(f"rounds: {rounds}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    _setup(args.weeks)

    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from twofold.care.models import CareEvent
    from twofold.households.models import Member

    user = get_user_model().objects.get(username="alex@demo.twofold")
    member = Member.objects.get(user=user)
    child = member.household.children.first()
    if child is None:
        raise SystemExit("The demo household has no child: the benchmark logs care for one.")
    client = Client()
    client.force_login(user)
    print(f"log size: {CareEvent.objects.filter(household=member.household).count()} events")

    from twofold.insights.periods import iso_week

    middle_week = iso_week(timezone.localdate(timezone=member.household.zone) - dt.timedelta(weeks=26))
    last_week = iso_week(timezone.localdate(timezone=member.household.zone) - dt.timedelta(weeks=1))

    def get(url: str) -> Callable[[], int]:
        return lambda: client.get(url).status_code

    posted: list[str] = []

    def quick_log_post() -> int:
        local = timezone.localtime(timezone.now(), member.household.zone)
        posted.append(str(uuid.uuid4()))
        response = client.post(
            reverse("care:log_event", args=["nappy"]),
            {
                "child": child.pk,
                "by": member.pk,
                "start": local.strftime("%Y-%m-%dT%H:%M"),
                "d-contents": "wet",
                "client_id": posted[-1],
            },
        )
        return response.status_code

    def tidy() -> None:
        """Remove what the timed POSTs logged (untimed), so the log stays the size it was measured at."""
        CareEvent.objects.filter(client_id__in=posted).delete()
        posted.clear()

    pages: dict[str, Callable[[], int]] = {
        "baseline: account page": get(reverse("accounts:account")),
        "Quick-log POST (nappy)": quick_log_post,
        "Quick log page": get(reverse("care:quick_log")),
        "Today": get(reverse("home:today")),
        "History (page 1)": get(reverse("care:history")),
        "History (filtered, page 3)": get(reverse("care:history") + "?kind=feed&page=3"),
        "Us (this week)": get(reverse("home:us")),
        "Us (a week in the middle)": get(reverse("home:us") + "?week=" + middle_week),
        "Check-in (last week, revealed)": get(reverse("checkins:home") + "?week=" + last_week),
        "Check-in history": get(reverse("checkins:history")),
    }
    for action in pages.values():  # warm caches and connections, and remember the finished nights
        _timed(action)
    tidy()
    samples: dict[str, list[float]] = {name: [] for name in pages}
    for _ in range(args.rounds):
        for name, action in pages.items():
            samples[name].append(_timed(action))
        tidy()

    base = statistics.median(samples["baseline: account page"])
    print(f"{'page':32} {'median ms':>10} {'ratio':>7}")
    for name, times in samples.items():
        median = statistics.median(times)
        print(f"{name:32} {median * 1000:10.2f} {median / base:7.2f}x")
    print(f"rounds: {args.rounds}; database: {os.environ.get('DATABASE_URL', 'SQLite')}")


if __name__ == "__main__":
    main()
