"""Server time of the circle page and Today as the circle grows, as ratios against the account page in the
same run.

Usage: `.venv/bin/python benchmarks/circle.py [--weeks 4] [--requests 200] [--rounds 20]`. Builds the demo
(as benchmarks/run.py does), times the pages with the demo's few requests, then adds `--requests` more
(meals over the next weeks, every other one taken by Pat) and times them again. Round-robin, medians.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.run import _setup, _timed  # noqa: E402


def _measure(pages: dict[str, Callable[[], int]], rounds: int) -> dict[str, float]:
    for action in pages.values():
        _timed(action)
    samples: dict[str, list[float]] = {name: [] for name in pages}
    for _ in range(rounds):
        for name, action in pages.items():
            samples[name].append(_timed(action))
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--weeks", type=int, default=4)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    _setup(args.weeks)

    from django.test import Client
    from django.utils import timezone

    from twofold.circle import services
    from twofold.households.models import Member

    alex = Member.objects.get(user__username="alex@demo.twofold")
    pat = Member.objects.get(user__username="pat@demo.twofold")
    clients = {}
    for who, member in (("parent", alex), ("helper", pat)):
        if member.user is None:
            raise SystemExit("The demo's people have logins.")
        client = Client()
        client.force_login(member.user)
        clients[who] = client

    def get(who: str, url: str) -> Callable[[], int]:
        return lambda: clients[who].get(url).status_code

    pages = {
        "baseline: account page": get("parent", "/account/"),
        "circle page (parent)": get("parent", "/circle/"),
        "circle page (helper)": get("helper", "/circle/"),
        "Today (parent)": get("parent", "/"),
        "Today (helper)": get("helper", "/"),
    }
    few = _measure(pages, args.rounds)
    now = timezone.now()
    for i in range(args.requests):
        starts = now + dt.timedelta(hours=3 + 7 * i % (24 * 7 * 8))
        request = services.ask(
            member=alex, kind="meal", starts=starts, ends=starts + dt.timedelta(hours=1), now=now
        )
        if i % 2:
            services.take(member=pat, request=request, now=now)
    many = _measure(pages, args.rounds)
    base_few, base_many = few["baseline: account page"], many["baseline: account page"]
    print(f"{'page':26} {'few ms':>8} {'ratio':>6} {'+' + str(args.requests) + ' ms':>9} {'ratio':>6}")
    for name in pages:
        print(
            f"{name:26} {few[name] * 1000:8.1f} {few[name] / base_few:6.2f} "
            f"{many[name] * 1000:9.1f} {many[name] / base_many:6.2f}"
        )


if __name__ == "__main__":
    main()
