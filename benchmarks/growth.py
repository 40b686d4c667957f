"""Server time of the growth page with a year of log, as ratios against a minimal logged-in page in the same
run, and the resident memory of an app worker before and after rcpchgrowth is loaded.

Usage: `.venv/bin/python benchmarks/growth.py [--weeks 52] [--rounds 30]`. Builds the demo like
benchmarks/run.py (a baby weighed weekly and measured monthly along one centile line). Aims: the growth page
at most 2x the baseline page; a worker with rcpchgrowth loaded under 150 MB resident.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.run import _setup, _timed, rounds_against  # noqa: E402

# A fresh interpreter, set up as a worker is (settings, apps, URLs), then one growth reading made: its
# resident memory (VmRSS) before and after, in MB.
WORKER = """
import os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twofold.settings")
def rss():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024
import django
django.setup()
import twofold.urls  # every view module, as a worker loads them on its first request
before = rss()
from twofold.growth.centiles import lines, place
place(reference="uk-who", kind="weight", stored=5100, sex="female", age_years=0.2)
lines("uk-who", "weight", "female", (0.1, 0.5, 1.0))
print(f"{before:.1f} {rss():.1f}")
"""


def worker_memory() -> tuple[float, float]:
    out = subprocess.run(  # noqa: S603  our own interpreter and our own script
        [sys.executable, "-c", WORKER],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[1],
    ).stdout.split()
    return float(out[0]), float(out[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    _setup(args.weeks)

    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    sam = Client()
    sam.force_login(get_user_model().objects.get(username="sam@demo.twofold"))

    def get(url: str) -> Callable[[], int]:
        return lambda: sam.get(url).status_code

    growth = reverse("growth:growth")
    pages = {
        "baseline: account page": get(reverse("accounts:account")),
        "Growth: weight (a year, weekly)": get(f"{growth}?kind=weight"),
        "Growth: length (monthly)": get(f"{growth}?kind=length"),
        "Growth: head (monthly)": get(f"{growth}?kind=head"),
        "Today (with last weight)": get(reverse("home:today")),
    }
    started = time.perf_counter()
    _timed(pages["Growth: weight (a year, weekly)"])
    print(
        f"first growth page in this process (rcpchgrowth loaded, nothing cached): "
        f"{(time.perf_counter() - started) * 1000:.0f} ms"
    )
    for action in pages.values():
        _timed(action)
    rounds_against(pages, args.rounds, "baseline: account page")
    before, after = worker_memory()
    print(
        f"worker resident memory: {before:.1f} MB set up, {after:.1f} MB with rcpchgrowth loaded "
        f"(+{after - before:.1f} MB)"
    )


if __name__ == "__main__":
    main()
